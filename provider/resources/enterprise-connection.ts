import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import {
  type CreateEnterpriseConnectionBody,
  type EnterpriseConnectionObject,
  EnterpriseConnectionProviderSchema,
  type UpdateEnterpriseConnectionBody,
} from "../../sdk/schemas";
import type { EnterpriseConnectionProvider } from "../../sdk/schemas/providers";
import { nonEmptyString } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { changedInputs } from "../runtime/diff";
import { deepEqual, sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";
import {
  type AttributeMapping,
  attributeMapping,
  attributeMappingBody,
  certificatesOf,
  certificatesValidity,
  httpUrl,
  type LoginHint,
  loginHint,
  pemCertificates,
  sameCertificates,
  singularCertificate,
  ssoDomains,
  withRollback,
} from "./saml-connection";

// The providers Clerk's spec accepts, from the sdk's request schema (one list for client and provider).
type Provider = EnterpriseConnectionProvider;

/** IdP settings of a SAML connection (providers `saml_*`). */
export interface EnterpriseSamlArgs {
  idpEntityId?: pulumi.Input<string>;
  idpSsoUrl?: pulumi.Input<string>;
  /**
   * IdP signing certificate (PEM). Deprecated by Clerk in favour of `idpCertificates`; set one or the
   * other. Recorded as `idpCertificates: [idpCertificate]`.
   */
  idpCertificate?: pulumi.Input<string>;
  /**
   * IdP signing certificates (PEM) Clerk trusts, replacing the whole list. Several at once rotate a
   * certificate without downtime: add the new one, switch the IdP, then remove the old one. Compared as a
   * set ignoring whitespace; refresh sees a certificate changed in the dashboard.
   */
  idpCertificates?: pulumi.Input<pulumi.Input<string>[]>;
  /** Takes priority over the individual `idp*` fields. */
  idpMetadataUrl?: pulumi.Input<string>;
  /** Raw IdP metadata XML. Write-only at Clerk. */
  idpMetadata?: pulumi.Input<string>;
  /** SAML attribute names for Clerk's user fields. Write-only at Clerk. */
  attributeMapping?: pulumi.Input<AttributeMapping>;
  allowSubdomains?: pulumi.Input<boolean>;
  allowIdpInitiated?: pulumi.Input<boolean>;
  forceAuthn?: pulumi.Input<boolean>;
  loginHint?: pulumi.Input<LoginHint>;
}

/** Settings of an OIDC connection (providers `oidc_*`). */
export interface EnterpriseOidcArgs {
  clientId?: pulumi.Input<string>;
  /** Write-only at Clerk; the whole `oidc` block is kept encrypted in state because of it. */
  clientSecret?: pulumi.Input<string>;
  /** The IdP's `.well-known/openid-configuration` URL; Clerk resolves the endpoints from it. */
  discoveryUrl?: pulumi.Input<string>;
  authUrl?: pulumi.Input<string>;
  tokenUrl?: pulumi.Input<string>;
  userInfoUrl?: pulumi.Input<string>;
  /** Must be true for a public client without a secret. */
  requiresPkce?: pulumi.Input<boolean>;
}

export interface EnterpriseCustomAttributeArgs {
  name: pulumi.Input<string>;
  /** Letters, digits, `_` and `-`, not starting with `_`. */
  key: pulumi.Input<string>;
  ssoPath?: pulumi.Input<string>;
  directoryPath?: pulumi.Input<string>;
  multiValued?: pulumi.Input<boolean>;
}

export interface EnterpriseConnectionArgs extends InstanceArgs {
  /** Display name. Updated in place. */
  name: pulumi.Input<string>;
  /** `saml_custom`, `saml_okta`, `saml_google`, `saml_microsoft`, `oidc_custom`, `oidc_github_enterprise` or `oidc_gitlab`. Changing it replaces the connection. */
  provider: pulumi.Input<Provider>;
  /** Email domains routed to this connection: at least one; lowercased; compared as a set. */
  domains: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Organization the connection belongs to. Setting or changing it updates in place; removing it
   * replaces the connection, because Clerk cannot unlink an organization.
   */
  organizationId?: pulumi.Input<string>;
  /** Whether users can sign in through the connection (needs the IdP configured in `saml` / `oidc`). */
  active?: pulumi.Input<boolean>;
  allowOrganizationAccountLinking?: pulumi.Input<boolean>;
  /** Update user attributes from the IdP at every sign-in. Applied right after creation. */
  syncUserAttributes?: pulumi.Input<boolean>;
  /** Stop users of this connection from adding other identifications. Applied right after creation. */
  disableAdditionalIdentifications?: pulumi.Input<boolean>;
  /** Allow sign-in and sign-up through the connection (needs Clerk's authenticatable connections feature). */
  authenticatable?: pulumi.Input<boolean>;
  /** Do not create users just in time on their first sign-in through the connection. */
  disableJitProvisioning?: pulumi.Input<boolean>;
  /**
   * SAML settings; only for `saml_*` providers. Refresh sees them, except `idpMetadata` and
   * `attributeMapping`, which Clerk never returns (kept from state). Only the settings declared here count.
   */
  saml?: pulumi.Input<EnterpriseSamlArgs>;
  /** OIDC settings; only for `oidc_*` providers. Kept from state and encrypted (it holds the client secret). */
  oidc?: pulumi.Input<EnterpriseOidcArgs>;
  /** Custom user attributes mapped from the IdP (needs the feature enabled on the instance). Compared as a set. */
  customAttributes?: pulumi.Input<pulumi.Input<EnterpriseCustomAttributeArgs>[]>;
  /** Adopt an existing enterprise connection with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

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
        ? ["saml.idpCertificate", "saml.idpMetadata", "saml.attributeMapping"]
        : [],
  },
};

/**
 * An enterprise SSO connection through a SAML or OIDC identity provider (Clerk's successor to
 * `SamlConnection`).
 *
 * Replacements (the old connection is deleted first, as Clerk rejects two connections on one domain):
 * changing `provider`, and removing `organizationId` (Clerk can link an organization but never unlink
 * it). Everything else updates in place; `syncUserAttributes` and `disableAdditionalIdentifications`
 * are applied right after creation, and if that fails the new connection is deleted again.
 *
 * What refresh sees: `name`, `domains`, `organizationId`, the flags, `customAttributes`, the `saml`
 * settings (IdP certificates included, so a certificate replaced in the dashboard shows up), deletions,
 * and the live IdP settings in the `samlConnection` / `oauthConfig` outputs. What it cannot see, because
 * Clerk never returns it: `saml.idpMetadata`, `saml.attributeMapping` and the whole `oidc` block (its
 * client secret); those are kept as declared from state, and a dashboard change to them is not undone by
 * `pulumi up` (compare `oidc` with the `oauthConfig` output).
 *
 * Secrets: `oidc` is registered as a secret input and a secret output, so the client secret is encrypted
 * in state (the engine keeps secrecy per top-level key); the non-secret parts are readable in
 * `oauthConfig`.
 */
export class EnterpriseConnection extends ClerkResource {
  /** @internal */
  static override readonly definition = enterpriseConnectionDefinition;
  declare readonly name: pulumi.Output<string>;
  declare readonly provider: pulumi.Output<Provider>;
  declare readonly domains: pulumi.Output<string[]>;
  declare readonly organizationId: pulumi.Output<string | undefined>;
  /** True once an organization is linked (derived from `organizationId`; losing it forces a replacement). */
  declare readonly organizationLinked: pulumi.Output<boolean | undefined>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly allowOrganizationAccountLinking: pulumi.Output<boolean>;
  declare readonly syncUserAttributes: pulumi.Output<boolean>;
  declare readonly disableAdditionalIdentifications: pulumi.Output<boolean>;
  declare readonly authenticatable: pulumi.Output<boolean>;
  declare readonly disableJitProvisioning: pulumi.Output<boolean>;
  // Written with the public argument types, not the zod-derived ones, so that the declarations a
  // program type-checks against import nothing from zod (the arguments check keeps them equal).
  declare readonly saml: pulumi.Output<pulumi.Unwrap<EnterpriseSamlArgs> | undefined>;
  declare readonly oidc: pulumi.Output<pulumi.Unwrap<EnterpriseOidcArgs> | undefined>;
  declare readonly customAttributes: pulumi.Output<pulumi.Unwrap<EnterpriseCustomAttributeArgs>[]>;
  declare readonly logoPublicUrl: pulumi.Output<string | undefined>;
  /** SAML only: the assertion consumer service URL to give the IdP. */
  declare readonly acsUrl: pulumi.Output<string | undefined>;
  /** SAML only: the service provider entity id to give the IdP. */
  declare readonly spEntityId: pulumi.Output<string | undefined>;
  declare readonly spMetadataUrl: pulumi.Output<string | undefined>;
  /** SAML only: NotAfter of the first IdP certificate, Unix milliseconds (rotate before it). */
  declare readonly idpCertificateExpiresAt: pulumi.Output<number | undefined>;
  /** SAML only: Clerk's live view of the SAML settings (no metadata or mapping), with each certificate's validity. */
  declare readonly samlConnection: pulumi.Output<Record<string, unknown> | undefined>;
  /** OIDC only: Clerk's live view of the OIDC settings, endpoints resolved (no client secret). */
  declare readonly oauthConfig: pulumi.Output<Record<string, unknown> | undefined>;
  /** Unix milliseconds. */
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: EnterpriseConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "organizationId",
      "organizationLinked",
      "active",
      "allowOrganizationAccountLinking",
      "syncUserAttributes",
      "disableAdditionalIdentifications",
      "authenticatable",
      "disableJitProvisioning",
      "saml",
      "oidc",
      "customAttributes",
      "logoPublicUrl",
      "acsUrl",
      "spEntityId",
      "spMetadataUrl",
      "idpCertificateExpiresAt",
      "samlConnection",
      "oauthConfig",
      "createdAt",
      "updatedAt",
    ];
    // A secret input too, not only a secret output: refresh records inputs, and the engine re-marks them
    // secret only by the key's secrecy in the previous inputs.
    const withSecretOidc = args?.oidc === undefined ? args : { ...args, oidc: pulumi.secret(args.oidc) };
    // The deprecated singular certificate as a list of one, inside an Output so that a secret stays one.
    const withCertificates =
      withSecretOidc?.saml === undefined
        ? withSecretOidc
        : {
            ...withSecretOidc,
            saml: pulumi.output(withSecretOidc.saml).apply((s) => (s ? singularCertificate(s) : s)),
          };
    super("EnterpriseConnection", name, withCertificates, opts, outputs, ["oidc"]);
  }
}
