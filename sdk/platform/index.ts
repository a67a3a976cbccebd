export type { ApplicationReadOptions } from "./applications";
export { createPlatformClient, type PlatformClient, type PlatformClientOptions } from "./client";
export type { ConfigReadOptions, ConfigWriteOptions, PlatformInstanceRef } from "./config";
export {
  type ConfigDocument,
  ConfigDocumentSchema,
  ConfigSchemaSchema,
  type ConfigWriteResult,
  ConfigWriteResultSchema,
  type CreatePlatformApplicationBody,
  CreatePlatformApplicationBodySchema,
  type PlatformApplicationInstanceObject,
  PlatformApplicationInstanceSchema,
  type PlatformApplicationObject,
  PlatformApplicationSchema,
  type PlatformDeletedObject,
  PlatformDeletedObjectSchema,
} from "./schemas";
