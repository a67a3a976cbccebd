import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

export const OAuthApplicationSchema = z.object({
  object: z.literal("oauth_application"),
  id: z.string(),
  instance_id: z.string(),
  name: z.string(),
  client_id: z.string(),
  client_uri: z.string().nullable(),
  client_image_url: z.string().nullable(),
  dynamically_registered: z.boolean(),
  consent_screen_enabled: z.boolean(),
  pkce_required: z.boolean(),
  public: z.boolean(),
  scopes: z.string(),
  redirect_uris: z.array(z.string()),
  /** Deprecated in favour of `redirect_uris`; Clerk may send null or omit it. */
  callback_url: z.string().nullish(),
  authorize_url: z.string(),
  token_fetch_url: z.string(),
  user_info_url: z.string(),
  discovery_url: z.string(),
  token_introspection_url: z.string(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type OAuthApplicationObject = z.infer<typeof OAuthApplicationSchema>;

/** Returned only by create and rotate_secret: the one chance to read `client_secret`. */
export const OAuthApplicationWithSecretSchema = OAuthApplicationSchema.extend({
  /** Empty (the spec) or null (live Clerk) for a public client. */
  client_secret: z.string().nullish(),
});
export type OAuthApplicationWithSecretObject = z.infer<typeof OAuthApplicationWithSecretSchema>;

export const OAuthApplicationListSchema = paginatedListSchema(OAuthApplicationSchema);

// Create has no `additionalProperties: false` in the spec; update does.
export const CreateOAuthApplicationBodySchema = z.object({
  name: z.string(),
  redirect_uris: z.array(z.string()).nullable().optional(),
  /** Deprecated: use `redirect_uris`. */
  callback_url: z.string().max(1024).nullable().optional(),
  /** Space-separated; Clerk's default is "profile email". */
  scopes: z.string().max(1024).nullable().optional(),
  consent_screen_enabled: z.boolean().nullable().optional(),
  pkce_required: z.boolean().nullable().optional(),
  public: z.boolean().nullable().optional(),
});
export type CreateOAuthApplicationBody = z.infer<typeof CreateOAuthApplicationBodySchema>;

export const UpdateOAuthApplicationBodySchema = z.strictObject({
  name: z.string().nullable().optional(),
  redirect_uris: z.array(z.string()).nullable().optional(),
  callback_url: z.string().max(1024).nullable().optional(),
  scopes: z.string().max(1024).nullable().optional(),
  consent_screen_enabled: z.boolean().nullable().optional(),
  pkce_required: z.boolean().nullable().optional(),
  public: z.boolean().nullable().optional(),
});
export type UpdateOAuthApplicationBody = z.infer<typeof UpdateOAuthApplicationBodySchema>;
