import { z } from "zod";

// GET /instance exposes little of what PATCH /instance writes, and the PATCH answers 204 with no body.
export const InstanceSchema = z.object({
  object: z.literal("instance"),
  id: z.string(),
  environment_type: z.string(),
  allowed_origins: z.array(z.string()).nullable(),
  workspace_id: z.string().nullish(),
});
export type InstanceObject = z.infer<typeof InstanceSchema>;

export const UpdateInstanceBodySchema = z.strictObject({
  test_mode: z.boolean().nullable().optional(),
  hibp: z.boolean().nullable().optional(),
  support_email: z.string().nullable().optional(),
  clerk_js_version: z.string().nullable().optional(),
  development_origin: z.string().nullable().optional(),
  allowed_origins: z.array(z.string()).optional(),
  /** Deprecated: use `url_based_session_syncing`. */
  cookieless_dev: z.boolean().nullable().optional(),
  url_based_session_syncing: z.boolean().nullable().optional(),
  /** "" clears the override. */
  preferred_sign_in_strategy_when_password_required: z.enum(["password", "otp", ""]).nullable().optional(),
});
export type UpdateInstanceBody = z.infer<typeof UpdateInstanceBodySchema>;
