import { z } from "zod";

export const InstanceProtectSchema = z.object({
  object: z.literal("instance_protect"),
  rules_enabled: z.boolean(),
  specter_enabled: z.boolean(),
  /** Read-only. */
  checks_bypassed: z.boolean(),
});
export type InstanceProtectObject = z.infer<typeof InstanceProtectSchema>;

export const UpdateInstanceProtectBodySchema = z.strictObject({
  rules_enabled: z.boolean().nullable().optional(),
  specter_enabled: z.boolean().nullable().optional(),
});
export type UpdateInstanceProtectBody = z.infer<typeof UpdateInstanceProtectBodySchema>;
