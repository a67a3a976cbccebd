import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

export const PermissionSchema = z.object({
  object: z.literal("permission"),
  id: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullish(),
  type: z.string(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type PermissionObject = z.infer<typeof PermissionSchema>;

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
