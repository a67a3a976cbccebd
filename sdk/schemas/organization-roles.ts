import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

// `type` ("system" for Clerk's own `org:sys_*` permissions) is in the spec but not in @clerk/backend's
// PermissionJSON, so a permission without it still reads.
export const PermissionSchema = z.object({
  object: z.literal("permission"),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullish(),
  type: z.string().optional(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type PermissionObject = z.infer<typeof PermissionSchema>;

export const PermissionListSchema = paginatedListSchema(PermissionSchema);

export const OrganizationRoleSchema = z.object({
  object: z.literal("role"),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  is_creator_eligible: z.boolean(),
  permissions: z.array(PermissionSchema),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type OrganizationRoleObject = z.infer<typeof OrganizationRoleSchema>;

export const OrganizationRoleListSchema = paginatedListSchema(OrganizationRoleSchema);

// Bodies: `additionalProperties: false` on the role create body in the spec.
export const CreateOrganizationRoleBodySchema = z.strictObject({
  name: z.string(),
  key: z.string(),
  description: z.string().nullable().optional(),
  /** Permission ids. */
  permissions: z.array(z.string()).nullable().optional(),
  include_in_initial_role_set: z.boolean().nullable().optional(),
});
export type CreateOrganizationRoleBody = z.infer<typeof CreateOrganizationRoleBodySchema>;

/** `permissions` (ids), when present, replaces the role's permissions. */
export const UpdateOrganizationRoleBodySchema = z.object({
  name: z.string().nullable().optional(),
  key: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).nullable().optional(),
});
export type UpdateOrganizationRoleBody = z.infer<typeof UpdateOrganizationRoleBodySchema>;

export const CreateOrganizationPermissionBodySchema = z.object({
  name: z.string(),
  key: z.string(),
  description: z.string().optional(),
});
export type CreateOrganizationPermissionBody = z.infer<typeof CreateOrganizationPermissionBodySchema>;

export const UpdateOrganizationPermissionBodySchema = CreateOrganizationPermissionBodySchema.partial();
export type UpdateOrganizationPermissionBody = z.infer<typeof UpdateOrganizationPermissionBodySchema>;
