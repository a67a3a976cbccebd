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

/** A production instance just made: the only answer that carries its secret key without asking. */
export const PlatformInstanceSchema = z.looseObject({
  object: z.string(),
  id: z.string(),
  environment_type: openEnum(["development", "production"]),
  active_domain: z.looseObject({ id: z.string(), name: z.string() }),
  secret_key: z.string(),
  publishable_key: z.string(),
  created_at: z.number(),
  updated_at: z.number(),
});
export type PlatformInstanceObject = z.infer<typeof PlatformInstanceSchema>;

export interface CreatePlatformInstanceBody {
  /** The production domain, e.g. `example.com`. */
  domain: string;
  environment_type?: "production";
  /** A development instance of the same application whose configuration the new one starts from. */
  clone_instance_id?: string | null;
}

export const PlatformCnameTargetSchema = z.looseObject({
  host: z.string(),
  value: z.string(),
  required: z.boolean(),
});

export const PlatformDomainSchema = z.looseObject({
  object: z.string(),
  id: z.string(),
  name: z.string(),
  is_satellite: z.boolean().optional(),
  is_provider_domain: z.boolean().optional(),
  frontend_api_url: z.string(),
  accounts_portal_url: z.string().optional(),
  proxy_url: z.string().optional(),
  cname_targets: z.array(PlatformCnameTargetSchema).optional(),
});
export type PlatformDomainObject = z.infer<typeof PlatformDomainSchema>;

export const PlatformDomainListSchema = z.looseObject({
  data: z.array(PlatformDomainSchema),
  total_count: z.number(),
});

const StatusPart = z.looseObject({ status: z.string(), required: z.boolean().optional() });

/** `complete` once DNS, SSL, mail and proxy are; each part says its own status. */
export const PlatformDomainStatusSchema = z.looseObject({
  status: openEnum(["complete", "incomplete"]),
  dns: StatusPart,
  ssl: StatusPart,
  mail: StatusPart.optional(),
  proxy: StatusPart.optional(),
});
export type PlatformDomainStatus = z.infer<typeof PlatformDomainStatusSchema>;

export const PlatformRotatedKeysSchema = z.looseObject({
  application_id: z.string(),
  name: z.string(),
  instances: z.array(
    z.looseObject({
      instance_id: z.string(),
      environment_type: openEnum(["development", "production"]),
      secret_key: z.string(),
    }),
  ),
});
export type PlatformRotatedKeys = z.infer<typeof PlatformRotatedKeysSchema>;

export interface RotateSecretKeysBody {
  /** Hours the old key keeps working beside the new one (default: it stops at once). */
  delay_old_secrets_expiration_hours?: number;
  /** Kept by Clerk for audit. */
  reason?: string;
}
