import { z } from "zod";

export const OAuthApplicationSettingsSchema = z.object({
  object: z.literal("oauth_application_settings"),
  dynamic_oauth_client_registration: z.boolean(),
  default_scopes: z.array(z.string()).nullable(),
  oauth_jwt_access_tokens: z.boolean(),
  client_id_metadata_documents_advertised: z.boolean(),
  client_id_metadata_documents_only_allow_pre_registered_clients: z.boolean(),
  client_id_metadata_documents_block_implicitly_allowed_clients: z.boolean(),
});
export type OAuthApplicationSettingsObject = z.infer<typeof OAuthApplicationSettingsSchema>;

export const UpdateOAuthApplicationSettingsBodySchema = z.strictObject({
  dynamic_oauth_client_registration: z.boolean().nullable().optional(),
  /** null resets to Clerk's defaults. */
  default_scopes: z.array(z.string()).nullable().optional(),
  oauth_jwt_access_tokens: z.boolean().nullable().optional(),
  client_id_metadata_documents_advertised: z.boolean().nullable().optional(),
  client_id_metadata_documents_only_allow_pre_registered_clients: z.boolean().nullable().optional(),
  client_id_metadata_documents_block_implicitly_allowed_clients: z.boolean().nullable().optional(),
});
export type UpdateOAuthApplicationSettingsBody = z.infer<typeof UpdateOAuthApplicationSettingsBodySchema>;
