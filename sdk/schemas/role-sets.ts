import { z } from "zod";
import { openEnum, paginatedListSchema, TimestampSchema } from "./common";

export const RoleSetItemSchema = z.object({
  object: z.literal("role_set_item"),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullish(),
  members_count: z.number().int().nullish(),
  has_members: z.boolean().nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type RoleSetItemObject = z.infer<typeof RoleSetItemSchema>;

/** Present while Clerk moves organizations between role sets (asynchronous). */
export const RoleSetMigrationSchema = z.object({
  object: z.literal("role_set_migration"),
  id: z.string(),
  source_role_set_id: z.string(),
  dest_role_set_id: z.string().nullish(),
  status: z.string(),
});

export const RoleSetSchema = z.object({
  object: z.literal("role_set"),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullish(),
  roles: z.array(RoleSetItemSchema),
  default_role: RoleSetItemSchema.nullish(),
  creator_role: RoleSetItemSchema.nullish(),
  type: openEnum(["initial", "custom"]),
  role_set_migration: RoleSetMigrationSchema.nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type RoleSetObject = z.infer<typeof RoleSetSchema>;

export const RoleSetListSchema = paginatedListSchema(RoleSetSchema);

export const CreateRoleSetBodySchema = z.strictObject({
  name: z.string(),
  key: z.string().optional(),
  description: z.string().nullable().optional(),
  default_role_key: z.string(),
  creator_role_key: z.string(),
  type: z.enum(["initial", "custom"]).optional(),
  /** Role keys, 1 to 10. */
  roles: z.array(z.string()),
});
export type CreateRoleSetBody = z.infer<typeof CreateRoleSetBodySchema>;

/** No `roles` (membership changes have their own endpoints) and `type` can only become `initial`. */
export const UpdateRoleSetBodySchema = z.object({
  name: z.string().nullable().optional(),
  key: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  type: z.literal("initial").nullable().optional(),
  default_role_key: z.string().nullable().optional(),
  creator_role_key: z.string().nullable().optional(),
});
export type UpdateRoleSetBody = z.infer<typeof UpdateRoleSetBodySchema>;

export const AddRolesToRoleSetBodySchema = z.object({
  role_keys: z.array(z.string()),
  default_role_key: z.string().optional(),
  creator_role_key: z.string().optional(),
});
export type AddRolesToRoleSetBody = z.infer<typeof AddRolesToRoleSetBodySchema>;

/** Removes `role_key` from the set, moving its members to `to_role_key`. */
export const ReplaceRoleInRoleSetBodySchema = z.object({ role_key: z.string(), to_role_key: z.string() });
export type ReplaceRoleInRoleSetBody = z.infer<typeof ReplaceRoleInRoleSetBodySchema>;

/** The role set's "delete": its organizations move to `dest_role_set_key`. */
export const ReplaceRoleSetBodySchema = z.object({
  dest_role_set_key: z.string(),
  reassignment_mappings: z.record(z.string(), z.string()).optional(),
});
export type ReplaceRoleSetBody = z.infer<typeof ReplaceRoleSetBodySchema>;
