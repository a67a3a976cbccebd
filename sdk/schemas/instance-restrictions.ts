import { z } from "zod";

// PATCH-only endpoint: there is no GET, but the PATCH answer carries the whole state.
export const InstanceRestrictionsSchema = z.object({
  object: z.literal("instance_restrictions"),
  allowlist: z.boolean(),
  blocklist: z.boolean(),
  allowlist_blocklist_disabled_on_sign_in: z.boolean(),
  block_email_subaddresses: z.boolean(),
  block_disposable_email_domains: z.boolean(),
});
export type InstanceRestrictionsObject = z.infer<typeof InstanceRestrictionsSchema>;

export const UpdateInstanceRestrictionsBodySchema = z.strictObject({
  allowlist: z.boolean().nullable().optional(),
  blocklist: z.boolean().nullable().optional(),
  allowlist_blocklist_disabled_on_sign_in: z.boolean().nullable().optional(),
  block_email_subaddresses: z.boolean().nullable().optional(),
  block_disposable_email_domains: z.boolean().nullable().optional(),
});
export type UpdateInstanceRestrictionsBody = z.infer<typeof UpdateInstanceRestrictionsBodySchema>;
