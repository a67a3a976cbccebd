import { z } from "zod";
import { openEnum } from "./common";

// Written by role *id* (`creator_role_id`, `domains_default_role_id`) but read back by role *key*
// (`creator_role`, `domains_default_role`): callers map through GET /organization_roles.
export const OrganizationSettingsSchema = z.object({
  object: z.literal("organization_settings"),
  enabled: z.boolean(),
  max_allowed_memberships: z.number().int(),
  max_allowed_roles: z.number().int(),
  max_role_sets_allowed: z.number().int().optional(),
  max_allowed_domains: z.number().int(),
  /** Deprecated, no effect. */
  max_allowed_permissions: z.number().int().optional(),
  creator_role: z.string(),
  admin_delete_enabled: z.boolean(),
  domains_enabled: z.boolean(),
  slug_disabled: z.boolean().optional(),
  domains_enrollment_modes: z.array(
    openEnum(["manual_invitation", "automatic_invitation", "automatic_suggestion"]),
  ),
  domains_default_role: z.string(),
  initial_role_set_key: z.string().nullish(),
});
export type OrganizationSettingsObject = z.infer<typeof OrganizationSettingsSchema>;

export const UpdateOrganizationSettingsBodySchema = z.strictObject({
  enabled: z.boolean().nullable().optional(),
  max_allowed_memberships: z.number().int().nullable().optional(),
  admin_delete_enabled: z.boolean().nullable().optional(),
  domains_enabled: z.boolean().nullable().optional(),
  slug_disabled: z.boolean().nullable().optional(),
  /** The spec's prose names 'automatic_invitation' and 'automatic_suggestion'; no enum is declared. */
  domains_enrollment_modes: z.array(z.string()).optional(),
  creator_role_id: z.string().nullable().optional(),
  domains_default_role_id: z.string().nullable().optional(),
});
export type UpdateOrganizationSettingsBody = z.infer<typeof UpdateOrganizationSettingsBodySchema>;
