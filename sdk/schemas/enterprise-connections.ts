import { z } from "zod";
import { openEnum, paginatedListSchema, TimestampSchema } from "./common";
import { ENTERPRISE_CONNECTION_PROVIDERS, type EnterpriseConnectionProvider } from "./providers";
import { IdpCertificateSchema, idpBodyShape, LoginHintBodySchema } from "./saml-connections";

const PROVIDERS = ENTERPRISE_CONNECTION_PROVIDERS;

export const EnterpriseConnectionProviderSchema = z.enum(PROVIDERS);
export type { EnterpriseConnectionProvider };

const CustomAttributeBodySchema = z.strictObject({
  name: z.string().min(1),
  key: z
    .string()
    .min(1)
    .regex(/^[^_][A-Za-z0-9_-]*$/),
  sso_path: z.string().optional(),
  scim_path: z.string().optional(),
  directory_path: z.string().optional(),
  multi_valued: z.boolean().optional(),
});

const samlBodyShape = {
  ...idpBodyShape,
  /** Write-only: not returned by Clerk. */
  idp_metadata: z.string().nullable().optional(),
  /** Write-only: not returned by Clerk. */
  attribute_mapping: z
    .strictObject({
      user_id: z.string().nullable().optional(),
      email_address: z.string().nullable().optional(),
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  allow_subdomains: z.boolean().nullable().optional(),
  allow_idp_initiated: z.boolean().nullable().optional(),
  force_authn: z.boolean().nullable().optional(),
  login_hint: LoginHintBodySchema.nullable().optional(),
};

export const EnterpriseConnectionOidcBodySchema = z.strictObject({
  client_id: z.string().nullable().optional(),
  /** Write-only secret: not returned by Clerk. */
  client_secret: z.string().nullable().optional(),
  discovery_url: z.string().nullable().optional(),
  auth_url: z.string().nullable().optional(),
  token_url: z.string().nullable().optional(),
  user_info_url: z.string().nullable().optional(),
  requires_pkce: z.boolean().nullable().optional(),
});

export const CreateEnterpriseConnectionBodySchema = z.strictObject({
  name: z.string(),
  provider: EnterpriseConnectionProviderSchema,
  domains: z.array(z.string()).min(1),
  organization_id: z.string().nullable().optional(),
  allow_organization_account_linking: z.boolean().nullable().optional(),
  active: z.boolean().nullable().optional(),
  saml: z.strictObject(samlBodyShape).nullable().optional(),
  oidc: EnterpriseConnectionOidcBodySchema.nullable().optional(),
  custom_attributes: z.array(CustomAttributeBodySchema).optional(),
  /** Sign-in and sign-up through the connection (needs the instance feature). */
  authenticatable: z.boolean().nullable().optional(),
  disable_jit_provisioning: z.boolean().nullable().optional(),
});
export type CreateEnterpriseConnectionBody = z.infer<typeof CreateEnterpriseConnectionBodySchema>;

export const UpdateEnterpriseConnectionBodySchema = z.strictObject({
  name: z.string().nullable().optional(),
  /** An empty array is ignored by Clerk (no change); a non-empty one replaces the list. */
  domains: z.array(z.string()).nullable().optional(),
  active: z.boolean().nullable().optional(),
  sync_user_attributes: z.boolean().nullable().optional(),
  disable_additional_identifications: z.boolean().nullable().optional(),
  allow_organization_account_linking: z.boolean().nullable().optional(),
  /** Linking only: an organization cannot be unlinked. */
  organization_id: z.string().nullable().optional(),
  saml: z
    .strictObject({ name: z.string().nullable().optional(), ...samlBodyShape })
    .nullable()
    .optional(),
  oidc: EnterpriseConnectionOidcBodySchema.nullable().optional(),
  custom_attributes: z.array(CustomAttributeBodySchema).nullable().optional(),
  authenticatable: z.boolean().nullable().optional(),
  disable_jit_provisioning: z.boolean().nullable().optional(),
});
export type UpdateEnterpriseConnectionBody = z.infer<typeof UpdateEnterpriseConnectionBodySchema>;

const LoginHintSchema = z.object({
  mode: openEnum(["email_address", "custom_attribute", "off"]),
  source: z.string().optional(),
});

export const EnterpriseConnectionSchema = z.object({
  object: z.literal("enterprise_connection"),
  id: z.string(),
  name: z.string(),
  provider: openEnum(PROVIDERS),
  logo_public_url: z.string().nullish(),
  active: z.boolean(),
  domains: z.array(z.string()),
  organization_id: z.string().nullish(),
  sync_user_attributes: z.boolean().optional(),
  disable_additional_identifications: z.boolean().optional(),
  allow_organization_account_linking: z.boolean().optional(),
  custom_attributes: z
    .array(
      z.object({
        name: z.string(),
        key: z.string(),
        sso_path: z.string().optional(),
        scim_path: z.string().optional(),
        directory_path: z.string().optional(),
        multi_valued: z.boolean().optional(),
      }),
    )
    .nullish(),
  saml_connection: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      idp_entity_id: z.string().nullish(),
      idp_sso_url: z.string().nullish(),
      idp_certificate: z.string().nullish(),
      idp_certificate_issued_at: TimestampSchema.nullish(),
      idp_certificate_expires_at: TimestampSchema.nullish(),
      idp_certificates: z.array(IdpCertificateSchema).nullish(),
      idp_metadata_url: z.string().nullish(),
      acs_url: z.string().nullish(),
      sp_entity_id: z.string().nullish(),
      sp_metadata_url: z.string().nullish(),
      active: z.boolean().optional(),
      allow_idp_initiated: z.boolean().optional(),
      allow_subdomains: z.boolean().optional(),
      force_authn: z.boolean().optional(),
      login_hint: LoginHintSchema.nullish(),
    })
    .nullish(),
  oauth_config: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      provider_key: z.string().optional(),
      client_id: z.string().nullish(),
      discovery_url: z.string().nullish(),
      auth_url: z.string().nullish(),
      token_url: z.string().nullish(),
      user_info_url: z.string().nullish(),
      requires_pkce: z.boolean().optional(),
      logo_public_url: z.string().nullish(),
      created_at: TimestampSchema.optional(),
      updated_at: TimestampSchema.optional(),
    })
    .nullish(),
  // Listed as required by the spec but never defined there (see docs/architecture.md, "Clerk's spec,
  // where it is wrong"); Clerk's official client types them as booleans.
  authenticatable: z.boolean().nullish(),
  disable_jit_provisioning: z.boolean().nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type EnterpriseConnectionObject = z.infer<typeof EnterpriseConnectionSchema>;

export const EnterpriseConnectionListSchema = paginatedListSchema(EnterpriseConnectionSchema);
