export type { ApplicationReadOptions } from "./applications";
export { createPlatformClient, type PlatformClient, type PlatformClientOptions } from "./client";
export type { ConfigReadOptions, ConfigWriteOptions, PlatformInstanceRef } from "./config";
export type { PlatformDomainBody } from "./domains";
export {
  type ConfigDocument,
  ConfigDocumentSchema,
  ConfigSchemaSchema,
  type ConfigWriteResult,
  ConfigWriteResultSchema,
  type CreatePlatformApplicationBody,
  CreatePlatformApplicationBodySchema,
  type CreatePlatformInstanceBody,
  type PlatformApplicationInstanceObject,
  PlatformApplicationInstanceSchema,
  type PlatformApplicationObject,
  PlatformApplicationSchema,
  type PlatformDeletedObject,
  PlatformDeletedObjectSchema,
  type PlatformDomainObject,
  PlatformDomainSchema,
  type PlatformDomainStatus,
  PlatformDomainStatusSchema,
  type PlatformInstanceObject,
  PlatformInstanceSchema,
  type PlatformRotatedKeys,
  PlatformRotatedKeysSchema,
  type RotateSecretKeysBody,
} from "./schemas";
