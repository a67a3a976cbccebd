import { z } from "zod";
import {
  type CreateEnterpriseConnectionBody,
  type EnterpriseConnectionObject,
  EnterpriseConnectionProviderSchema,
  type UpdateEnterpriseConnectionBody,
} from "../../sdk/schemas";
import type { EnterpriseConnectionProvider } from "../../sdk/schemas/providers";
import { singularCertificate } from "../certificates";
import { nonEmptyString } from "../inputs";
import type { EnterpriseConnectionArgs } from "../resources/enterprise-connection";
import type { LoginHint } from "../resources/saml-connection";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { changedInputs } from "../runtime/diff";
import { deepEqual, sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";
import {
  attributeMapping,
  attributeMappingBody,
  certificatesOf,
  certificatesValidity,
  httpUrl,
  loginHint,
  pemCertificates,
  sameCertificates,
  ssoDomains,
  withRollback,
} from "./saml-connection";

// The providers Clerk's spec accepts, from the sdk's request schema (one list for client and provider).
type Provider = EnterpriseConnectionProvider;

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<EnterpriseConnectionArgs, typeof inputs>>;

// The SAML settings as declared: check later folds `idpCertificate` into `idpCertificates`.
type Saml = NonNullable<z.input<typeof inputs>["saml"]>;

type CustomAttribute = NonNullable<Inputs["customAttributes"]>[number];

const secretString = z.string().min(1);

const inputs = z
  .strictObject({
    name: nonEmptyString(256),
    provider: EnterpriseConnectionProviderSchema,
    domains: ssoDomains,
    organizationId: nonEmptyString(64).optional(),
    active: z.boolean().optional(),
    allowOrganizationAccountLinking: z.boolean().optional(),
    syncUserAttributes: z.boolean().optional(),
    disableAdditionalIdentifications: z.boolean().optional(),
    authenticatable: z.boolean().optional(),
    disableJitProvisioning: z.boolean().optional(),
    saml: z
      .strictObject({
        idpEntityId: nonEmptyString(2048).optional(),
        idpSsoUrl: httpUrl.optional(),
        idpCertificate: z.string().trim().min(1).optional(),
        idpCertificates: pemCertificates.optional(),
        idpMetadataUrl: httpUrl.optional(),
        idpMetadata: z.string().trim().min(1).optional(),
        attributeMapping: attributeMapping.optional(),
        allowSubdomains: z.boolean().optional(),
        allowIdpInitiated: z.boolean().optional(),
        forceAuthn: z.boolean().optional(),
        loginHint: loginHint.optional(),
      })
      .optional(),
    oidc: z
      .strictObject({
        clientId: nonEmptyString(1024).optional(),
        clientSecret: secretString.optional(),
        discoveryUrl: httpUrl.optional(),
        authUrl: httpUrl.optional(),
        tokenUrl: httpUrl.optional(),
        userInfoUrl: httpUrl.optional(),
        requiresPkce: z.boolean().optional(),
      })
      .optional(),
    customAttributes: z
      .array(
        z.strictObject({
          name: nonEmptyString(256),
          key: z
            .string()
            .trim()
            .min(1)
            .regex(/^[^_][A-Za-z0-9_-]*$/, {
              message: "must be letters, digits, _ or -, not starting with _",
            }),
          ssoPath: nonEmptyString(1024).optional(),
          directoryPath: nonEmptyString(1024).optional(),
          multiValued: z.boolean().optional(),
        }),
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    const saml = v.provider.startsWith("saml_");
    if (v.saml !== undefined && !saml)
      ctx.addIssue({
        code: "custom",
        path: ["saml"],
        message: `is only for saml_* providers, not ${v.provider}`,
      });
    if (v.oidc !== undefined && saml)
      ctx.addIssue({
        code: "custom",
        path: ["oidc"],
        message: `is only for oidc_* providers, not ${v.provider}`,
      });
    if (v.saml?.idpCertificate !== undefined && v.saml.idpCertificates !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["saml", "idpCertificates"],
        message: "cannot be set together with idpCertificate (deprecated): list every certificate here",
      });
  })
  .transform((v) => ({
    ...v,
    ...(v.organizationId !== undefined ? { organizationLinked: true as const } : {}),
    ...(v.saml !== undefined ? { saml: singularCertificate(v.saml) } : {}),
  }));

function samlBody(s: Saml) {
  const { attributeMapping: m, loginHint: hint, ...rest } = s;
  return {
    ...snakeKeys(rest),
    ...(m !== undefined ? { attribute_mapping: attributeMappingBody(m) } : {}),
    ...(hint !== undefined ? { login_hint: hint } : {}),
  };
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const snakeKeys = (o: object) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [snake(k), v]),
  );

const customAttributesBody = (list: CustomAttribute[]) =>
  list.map((a) => snakeKeys(a) as { name: string; key: string });

/** Equality of custom attribute lists as Clerk returns them (any order, `multiValued` defaulting to false). */
function sameCustomAttributes(live: unknown, want: unknown): boolean {
  const norm = (v: unknown) =>
    Array.isArray(v)
      ? (v as CustomAttribute[]).map((a) => ({ ...a, multiValued: a.multiValued ?? false }))
      : v;
  return sameSet(norm(live), norm(want));
}

/** Per SAML setting: how Clerk's value compares with the declared one. */
const SAML_EQUALS: Partial<Record<keyof Saml, (live: unknown, want: unknown) => boolean>> = {
  idpCertificates: sameCertificates,
  // Only the declared attribute names count; Clerk fills the others.
  attributeMapping: (live, want) =>
    Object.entries((want ?? {}) as Record<string, string>).every(
      ([k, v]) => (live as Record<string, string> | undefined)?.[k] === v,
    ),
};

/** The SAML block as declared versus as Clerk has it: only the declared settings count. */
function sameSaml(live: unknown, want: unknown): boolean {
  if (want === undefined || want === null) return live === want;
  const l = (live ?? {}) as Record<string, unknown>;
  return Object.entries(want as Record<string, unknown>).every(([k, v]) =>
    v === undefined ? true : (SAML_EQUALS[k as keyof Saml] ?? deepEqual)(l[k], v),
  );
}

function updateBody(news: Inputs, changed: readonly string[]): UpdateEnterpriseConnectionBody {
  const b: UpdateEnterpriseConnectionBody = {};
  for (const key of changed) {
    switch (key) {
      case "saml":
        if (news.saml) b.saml = samlBody(news.saml);
        break;
      case "oidc":
        if (news.oidc) b.oidc = snakeKeys(news.oidc);
        break;
      case "customAttributes":
        if (news.customAttributes) b.custom_attributes = customAttributesBody(news.customAttributes);
        break;
      case "organizationLinked":
      case "provider":
        break; // Replacements, never sent.
      default: {
        const value = news[key as keyof Inputs];
        if (value !== undefined) (b as Record<string, unknown>)[snake(key)] = value;
      }
    }
  }
  return b;
}

async function create({ client }: OperationContext, news: Inputs): Promise<EnterpriseConnectionObject> {
  const body: CreateEnterpriseConnectionBody = {
    name: news.name,
    provider: news.provider,
    domains: news.domains,
    ...(news.organizationId !== undefined ? { organization_id: news.organizationId } : {}),
    ...(news.active !== undefined ? { active: news.active } : {}),
    ...(news.allowOrganizationAccountLinking !== undefined
      ? { allow_organization_account_linking: news.allowOrganizationAccountLinking }
      : {}),
    ...(news.authenticatable !== undefined ? { authenticatable: news.authenticatable } : {}),
    ...(news.disableJitProvisioning !== undefined
      ? { disable_jit_provisioning: news.disableJitProvisioning }
      : {}),
    ...(news.saml ? { saml: samlBody(news.saml) } : {}),
    ...(news.oidc ? { oidc: snakeKeys(news.oidc) } : {}),
    ...(news.customAttributes ? { custom_attributes: customAttributesBody(news.customAttributes) } : {}),
  };
  const created = await client.enterpriseConnections.create(body);
  // Clerk accepts these two only on update.
  const later = (["syncUserAttributes", "disableAdditionalIdentifications"] as const).filter(
    (k) => news[k] !== undefined,
  );
  if (later.length === 0) return created;
  return withRollback("enterprise connection", created.id, later, {
    patch: () => client.enterpriseConnections.update(created.id, updateBody(news, later)),
    remove: () => client.enterpriseConnections.delete(created.id),
  });
}

/** The SAML settings Clerk returns, as arguments (metadata XML and attribute mapping come from state). */
function samlView(api: EnterpriseConnectionObject): Saml | undefined {
  const s = api.saml_connection;
  if (!s) return undefined;
  return {
    idpEntityId: s.idp_entity_id ?? undefined,
    idpSsoUrl: s.idp_sso_url ?? undefined,
    idpCertificates: certificatesOf(s),
    idpMetadataUrl: s.idp_metadata_url ?? undefined,
    allowSubdomains: s.allow_subdomains,
    allowIdpInitiated: s.allow_idp_initiated,
    forceAuthn: s.force_authn,
    loginHint: s.login_hint
      ? {
          mode: s.login_hint.mode as LoginHint["mode"],
          ...(s.login_hint.source ? { source: s.login_hint.source } : {}),
        }
      : undefined,
  };
}

/** @internal */
export const enterpriseConnectionDefinition: ResourceDefinition<Inputs, EnterpriseConnectionObject> = {
  type: "EnterpriseConnection",
  inputs,
  replaceOnChange: ["provider", "organizationLinked"],
  // Clerk refuses two connections claiming the same domain: the old one must go first.
  deleteBeforeReplace: true,
  // The whole oidc block: its client secret makes it a secret, and Clerk never returns the secret. Of the
  // saml block Clerk returns all but the metadata XML and the attribute mapping.
  writeOnly: ["oidc"],
  writeOnlyFields: ["saml.idpMetadata", "saml.attributeMapping"],
  partialObjects: ["saml"],
  clearable: ["organizationLinked"],
  equals: {
    domains: sameSet,
    saml: sameSaml,
    customAttributes: sameCustomAttributes,
    // Linking where there was no organization is an update; only losing the link (handled as a clear,
    // which bypasses this) replaces.
    organizationLinked: () => true,
  },
  id: (api) => api.id,
  toInputs: (api) => ({
    name: api.name,
    provider: api.provider as Provider,
    domains: api.domains,
    organizationId: api.organization_id ?? undefined,
    organizationLinked: api.organization_id ? true : undefined,
    active: api.active,
    allowOrganizationAccountLinking: api.allow_organization_account_linking,
    syncUserAttributes: api.sync_user_attributes,
    disableAdditionalIdentifications: api.disable_additional_identifications,
    authenticatable: api.authenticatable ?? undefined,
    disableJitProvisioning: api.disable_jit_provisioning ?? undefined,
    saml: samlView(api),
    customAttributes: api.custom_attributes?.map((a) => ({
      name: a.name,
      key: a.key,
      ...(a.sso_path !== undefined ? { ssoPath: a.sso_path } : {}),
      ...((a.directory_path ?? a.scim_path) !== undefined
        ? { directoryPath: a.directory_path ?? a.scim_path }
        : {}),
      ...(a.multi_valued !== undefined ? { multiValued: a.multi_valued } : {}),
    })),
  }),
  toComputed: (api) => {
    const s = api.saml_connection;
    const o = api.oauth_config;
    return {
      logoPublicUrl: api.logo_public_url ?? undefined,
      acsUrl: s?.acs_url ?? undefined,
      idpCertificateExpiresAt: s?.idp_certificate_expires_at ?? undefined,
      spEntityId: s?.sp_entity_id ?? undefined,
      spMetadataUrl: s?.sp_metadata_url ?? undefined,
      samlConnection: s
        ? {
            id: s.id,
            idpEntityId: s.idp_entity_id ?? undefined,
            idpSsoUrl: s.idp_sso_url ?? undefined,
            idpMetadataUrl: s.idp_metadata_url ?? undefined,
            idpCertificatesValidity: certificatesValidity(s.idp_certificates),
            allowSubdomains: s.allow_subdomains,
            allowIdpInitiated: s.allow_idp_initiated,
            forceAuthn: s.force_authn,
            loginHint: s.login_hint ?? undefined,
          }
        : undefined,
      oauthConfig: o
        ? {
            id: o.id,
            providerKey: o.provider_key,
            clientId: o.client_id ?? undefined,
            discoveryUrl: o.discovery_url ?? undefined,
            authUrl: o.auth_url ?? undefined,
            tokenUrl: o.token_url ?? undefined,
            userInfoUrl: o.user_info_url ?? undefined,
            requiresPkce: o.requires_pkce,
          }
        : undefined,
      createdAt: api.created_at,
      updatedAt: api.updated_at,
    };
  },
  create,
  // Clerk gives a domain to one connection only, so name, provider and domains identify it.
  findExisting: async ({ client }, news) =>
    onlyMatch(
      await client.enterpriseConnections.list(),
      (c) => c.name === news.name && c.provider === news.provider && sameSet(c.domains, news.domains),
    ),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.enterpriseConnections.get(id)),
  update: async ({ client }, id, news, olds) => {
    // Only what changed; `domains: []` would be ignored by Clerk anyway, and the schema forbids it.
    const body = updateBody(news, changedInputs(enterpriseConnectionDefinition, olds, news));
    return Object.keys(body).length > 0
      ? client.enterpriseConnections.update(id, body)
      : client.enterpriseConnections.get(id);
  },
  delete: async ({ client }, id) => {
    await client.enterpriseConnections.delete(id);
  },
  export: {
    title: "Enterprise connections",
    list: ({ client }) => client.enterpriseConnections.list(),
    key: (api) => api.name,
    // The saml and oidc arguments are write-only as blocks; their readable parts are declared here.
    args: (api, args, secret) => {
      const out = { ...args };
      const saml = api.saml_connection;
      if (api.provider.startsWith("saml_") && saml) {
        out.saml = {
          idpEntityId: saml.idp_entity_id,
          idpSsoUrl: saml.idp_sso_url,
          idpMetadataUrl: saml.idp_metadata_url,
          allowSubdomains: saml.allow_subdomains,
          allowIdpInitiated: saml.allow_idp_initiated,
          forceAuthn: saml.force_authn,
          loginHint: saml.login_hint && {
            mode: saml.login_hint.mode,
            ...(saml.login_hint.source ? { source: saml.login_hint.source } : {}),
          },
        };
      }
      const oidc = api.oauth_config;
      if (api.provider.startsWith("oidc_") && oidc) {
        // Clerk resolves the endpoints from the discovery URL: declaring the resolved ones would pin them.
        const endpoints = oidc.discovery_url
          ? { discoveryUrl: oidc.discovery_url }
          : { authUrl: oidc.auth_url, tokenUrl: oidc.token_url, userInfoUrl: oidc.user_info_url };
        out.oidc = {
          clientId: oidc.client_id,
          // A PKCE client may have no secret at all: then the program runs without one.
          clientSecret: secret("oidc.clientSecret", "oidcClientSecret", oidc.requires_pkce === true),
          ...endpoints,
          requiresPkce: oidc.requires_pkce,
        };
      }
      return out;
    },
    unexported: (api) =>
      api.provider.startsWith("saml_") && api.saml_connection
        ? ["saml.idpMetadata", "saml.attributeMapping"]
        : [],
  },
};
