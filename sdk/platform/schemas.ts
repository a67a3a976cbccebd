import { z } from "zod";
import { openEnum } from "../schemas/common";

// Platform API answers. Every object is loose (unknown keys kept, never refused): the configuration
// document is open by design (its keys grow with Clerk's features), and the application objects are a
// private beta that will gain fields.

/** An instance's whole configuration document: its keys beside `config_version` (`v1_` + 8 hex). */
export type ConfigDocument = { config_version: string } & Record<string, unknown>;

export const ConfigDocumentSchema = z.looseObject({ config_version: z.string() }) as unknown as z.ZodType<
  ConfigDocument,
  unknown
>;

/** What a PATCH or PUT answers: the top-level keys it touched (or those asked with `keys`), whole. */
export interface ConfigWriteResult {
  config_version: string;
  dry_run: boolean;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const Loose = z.record(z.string(), z.unknown());

export const ConfigWriteResultSchema = z.looseObject({
  config_version: z.string(),
  dry_run: z.boolean(),
  before: Loose,
  after: Loose,
}) as unknown as z.ZodType<ConfigWriteResult, unknown>;

/** `config/schema`: a JSON Schema (2020-12) object describing the document's keys. */
export const ConfigSchemaSchema = z.looseObject({
  properties: Loose.optional(),
}) as unknown as z.ZodType<Record<string, unknown>, unknown>;

export const PlatformApplicationInstanceSchema = z.looseObject({
  instance_id: z.string(),
  environment_type: openEnum(["development", "production"]),
  publishable_key: z.string().optional(),
  /** Only with `includeSecretKeys`. */
  secret_key: z.string().optional(),
});
export type PlatformApplicationInstanceObject = z.infer<typeof PlatformApplicationInstanceSchema>;

export const PlatformApplicationSchema = z.looseObject({
  application_id: z.string(),
  name: z.string().optional(),
  instances: z.array(PlatformApplicationInstanceSchema),
});
export type PlatformApplicationObject = z.infer<typeof PlatformApplicationSchema>;

export const PlatformApplicationListSchema = z.array(PlatformApplicationSchema);

/** `POST /platform/applications` (the spec's `additionalProperties: false`). */
export const CreatePlatformApplicationBodySchema = z.strictObject({
  name: z.string(),
  /** The production instance's domain. */
  domain: z.string().optional(),
  /** A proxy path for provider domains, e.g. `/__clerk`. */
  proxy_path: z.string().optional(),
  /** Default `["development"]`. */
  environment_types: z.array(z.enum(["development", "production"])).optional(),
  template: z.enum(["b2b-saas", "b2c-saas", "waitlist"]).optional(),
});
export type CreatePlatformApplicationBody = z.infer<typeof CreatePlatformApplicationBodySchema>;

export const PlatformDeletedObjectSchema = z.looseObject({
  id: z.string(),
  object: z.string(),
  deleted: z.boolean(),
});
export type PlatformDeletedObject = z.infer<typeof PlatformDeletedObjectSchema>;
