import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

// No official Clerk client models SCIM directories yet (@clerk/backend has no such API): these schemas
// follow Clerk's OpenAPI spec alone, and are tolerant (optional where a field is not needed to manage
// the directory) so that a live answer that differs from the spec does not break a refresh.

export const ScimDirectorySchema = z.object({
  object: z.literal("scim_directory"),
  id: z.string(),
  name: z.string(),
  enterprise_connection_id: z.string().nullish(),
  endpoint_url: z.string(),
  provider: z.string(),
  enabled: z.boolean(),
  group_role_mapping_enabled: z.boolean(),
  attribute_mapping: z.record(z.string(), z.string().nullable()).nullish(),
  /** Only create and rotate_api_key answer with it. */
  api_key: z.string().nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type ScimDirectoryObject = z.infer<typeof ScimDirectorySchema>;

export const ScimDirectoryListSchema = paginatedListSchema(ScimDirectorySchema);

export const ScimGroupRoleMappingSchema = z.object({
  object: z.literal("scim_group_role_mapping"),
  id: z.string(),
  scim_directory_id: z.string(),
  scim_group_id: z.string(),
  scim_group_display_name: z.string().nullish(),
  /** The organization role members of the group get; the spec does not require it. */
  role: z.object({ id: z.string(), key: z.string().optional() }).nullish(),
  precedence: z.number().int(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type ScimGroupRoleMappingObject = z.infer<typeof ScimGroupRoleMappingSchema>;

export const ScimGroupRoleMappingListSchema = paginatedListSchema(ScimGroupRoleMappingSchema);

export const CreateScimDirectoryBodySchema = z.object({
  enterprise_connection_id: z.string(),
  provider: z.string(),
  name: z.string().optional(),
});
export type CreateScimDirectoryBody = z.infer<typeof CreateScimDirectoryBodySchema>;

export const UpdateScimDirectoryBodySchema = z.object({
  name: z.string().optional(),
  enabled: z.boolean().optional(),
  provider: z.string().optional(),
  /** Merged into Clerk's mapping; a null value removes that key. */
  attribute_mapping: z.record(z.string(), z.string().nullable()).optional(),
  group_role_mapping_enabled: z.boolean().optional(),
});
export type UpdateScimDirectoryBody = z.infer<typeof UpdateScimDirectoryBodySchema>;

/** The whole set of mappings, in precedence order (the first gets precedence 1). */
export const ReplaceScimGroupRoleMappingsBodySchema = z.object({
  mappings: z.array(z.object({ scim_group_id: z.string(), role_id: z.string() })),
});
export type ReplaceScimGroupRoleMappingsBody = z.infer<typeof ReplaceScimGroupRoleMappingsBodySchema>;
