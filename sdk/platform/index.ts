export type { ApplicationReadOptions } from "./applications";
export { createPlatformClient, type PlatformClient, type PlatformClientOptions } from "./client";
export type { ConfigReadOptions, ConfigWriteOptions, PlatformInstanceRef } from "./config";
export {
  type ConfigDocument,
  ConfigDocumentSchema,
  ConfigSchemaSchema,
  type ConfigWriteResult,
  ConfigWriteResultSchema,
  type PlatformApplicationInstanceObject,
  PlatformApplicationInstanceSchema,
  type PlatformApplicationObject,
  PlatformApplicationSchema,
} from "./schemas";
