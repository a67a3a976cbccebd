import { z } from "zod";
import { identifierExists, notFound, paramFormatInvalid, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type {
  CustomAttribute,
  EnterpriseConnectionRecord,
  EnterpriseOidcRecord,
  EnterpriseSamlRecord,
} from "../types";
import { boolParam, isUrl, parseBody } from "../validate";
import { deleted, mustFind, newestFirst, ok, pagedList } from "./common";
import { frontendApiUrl } from "./frontend";
import {
  certificateFields,
  certificatesFromBody,
  renderCertificates,
  storedCertificates,
} from "./idp-certificates";
import { normaliseDomains } from "./saml-connections";

const PROVIDERS = [
  "saml_custom",
  "saml_okta",
  "saml_google",
  "saml_microsoft",
  "oidc_custom",
  "oidc_github_enterprise",
  "oidc_gitlab",
] as const;
const str = z.string().nullable().optional();
const flag = z.boolean().nullable().optional();
const LoginHint = z.strictObject({
  mode: z.enum(["email_address", "custom_attribute", "off"]),
  source: z.string().optional(),
});
const samlFields = {
  idp_entity_id: str,
  idp_sso_url: str,
  ...certificateFields,
  idp_metadata_url: str,
  idp_metadata: str,
  attribute_mapping: z
    .strictObject({ user_id: str, email_address: str, first_name: str, last_name: str })
    .nullable()
    .optional(),
  allow_subdomains: flag,
  allow_idp_initiated: flag,
  force_authn: flag,
  login_hint: LoginHint.nullable().optional(),
};
const Oidc = z.strictObject({
  client_id: str,
  client_secret: str,
  discovery_url: str,
  auth_url: str,
  token_url: str,
  user_info_url: str,
  requires_pkce: flag,
});
const CustomAttributeSchema = z.strictObject({
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

const CreateBody = z.strictObject({
  name: z.string().min(1),
  provider: z.enum(PROVIDERS),
  domains: z.array(z.string()),
  organization_id: str,
  allow_organization_account_linking: flag,
  active: flag,
  saml: z.strictObject(samlFields).nullable().optional(),
  oidc: Oidc.nullable().optional(),
  custom_attributes: z.array(CustomAttributeSchema).optional(),
  authenticatable: flag,
  disable_jit_provisioning: flag,
  // Clerk ignores it on create (accepted only on update) rather than refusing it.
  sync_user_attributes: flag,
});

const UpdateBody = z.strictObject({
  name: z.string().min(1).nullable().optional(),
  domains: z.array(z.string()).nullable().optional(),
  active: flag,
  sync_user_attributes: flag,
  disable_additional_identifications: flag,
  allow_organization_account_linking: flag,
  organization_id: str,
  saml: z
    .strictObject({ name: str, ...samlFields })
    .nullable()
    .optional(),
  oidc: Oidc.nullable().optional(),
  custom_attributes: z.array(CustomAttributeSchema).nullable().optional(),
  authenticatable: flag,
  disable_jit_provisioning: flag,
  // Clerk ignores it on update (a connection's provider cannot change) rather than refusing it.
  provider: z.string().nullable().optional(),
});

type SamlInput = z.output<typeof CreateBody>["saml"] & object;
type OidcInput = z.output<typeof Oidc>;

const isSaml = (provider: string) => provider.startsWith("saml_");

function checkCustomAttributes(attrs: CustomAttribute[]): CustomAttribute[] {
  attrs.forEach((a, i) => {
    if (a.scim_path !== undefined && a.directory_path !== undefined && a.scim_path !== a.directory_path) {
      throw paramValueInvalid(
        `custom_attributes[${i}].directory_path`,
        "directory_path and scim_path must be equal when both are sent.",
      );
    }
  });
  return attrs;
}

function checkUrls(values: object, prefix: string) {
  for (const [k, v] of Object.entries(values)) {
    if (k.endsWith("_url") && typeof v === "string" && !isUrl(v)) {
      throw paramFormatInvalid(`${prefix}.${k}`, `${prefix}.${k} must be a valid URL.`);
    }
  }
}

function mergeSaml(
  prev: EnterpriseSamlRecord | null,
  input: Partial<SamlInput> & { name?: string | null },
  name: string,
) {
  checkUrls(input, "saml");
  const base: EnterpriseSamlRecord = prev ?? {
    id: newId(ID_PREFIX.samlConnection),
    name,
    idp_entity_id: null,
    idp_sso_url: null,
    idp_metadata_url: null,
    idp_certificates: [],
    idp_metadata: null,
    attribute_mapping: null,
    allow_subdomains: false,
    allow_idp_initiated: false,
    force_authn: false,
    login_hint: { mode: "email_address" },
  };
  const next = { ...base };
  if (input.name != null) next.name = input.name;
  for (const k of ["idp_entity_id", "idp_sso_url", "idp_metadata_url", "idp_metadata"] as const) {
    if (input[k] !== undefined) next[k] = input[k];
  }
  const certs = certificatesFromBody(input);
  if (certs !== undefined) next.idp_certificates = certs;
  if (input.attribute_mapping !== undefined) {
    next.attribute_mapping = input.attribute_mapping && {
      ...base.attribute_mapping,
      ...input.attribute_mapping,
    };
  }
  for (const k of ["allow_subdomains", "allow_idp_initiated", "force_authn"] as const) {
    const v = input[k];
    if (v != null) next[k] = v;
  }
  if (input.login_hint) next.login_hint = input.login_hint;
  return next;
}

/** Endpoints not given explicitly are "resolved" from the discovery URL, as Clerk does on fetch. */
function mergeOidc(prev: EnterpriseOidcRecord | null, input: OidcInput): EnterpriseOidcRecord {
  checkUrls(input, "oidc");
  const now = Date.now();
  const next: EnterpriseOidcRecord = prev
    ? { ...prev, updated_at: now }
    : {
        id: newId(ID_PREFIX.oauthConfig),
        client_id: null,
        client_secret: null,
        discovery_url: null,
        auth_url: null,
        token_url: null,
        user_info_url: null,
        requires_pkce: false,
        created_at: now,
        updated_at: now,
      };
  for (const k of [
    "client_id",
    "client_secret",
    "discovery_url",
    "auth_url",
    "token_url",
    "user_info_url",
  ] as const) {
    if (input[k] !== undefined) next[k] = input[k];
  }
  if (input.requires_pkce != null) next.requires_pkce = input.requires_pkce;
  if (next.discovery_url) {
    const base = next.discovery_url
      .replace(/\/\.well-known\/openid-configuration\/?$/, "")
      .replace(/\/$/, "");
    next.auth_url ??= `${base}/authorize`;
    next.token_url ??= `${base}/token`;
    next.user_info_url ??= `${base}/userinfo`;
  }
  return next;
}

function isConfigured(r: EnterpriseConnectionRecord): boolean {
  if (isSaml(r.provider)) {
    const s = r.saml;
    return Boolean(
      s &&
        (s.idp_metadata_url ||
          s.idp_metadata ||
          (s.idp_entity_id && s.idp_sso_url && storedCertificates(s).length > 0)),
    );
  }
  const o = r.oidc;
  return Boolean(o?.client_id && (o.discovery_url || (o.auth_url && o.token_url)));
}

function providerKey(r: EnterpriseConnectionRecord): string {
  const suffix = (r.oidc?.id ?? "").slice(-8).toLowerCase();
  if (r.provider === "oidc_github_enterprise") return `oidc_ghe_${suffix}`;
  if (r.provider === "oidc_gitlab") return `oidc_gitlab_ent_${suffix}`;
  return "oidc_custom";
}

/**
 * Leaves out what Clerk never returns: `oidc.client_secret`, `saml.idp_metadata`, `saml.attribute_mapping`
 * (and the nested `sync_user_attributes`, answered at the top level only). The IdP certificates are
 * returned, with their validity.
 */
const render = (store: Store) => (r: EnterpriseConnectionRecord) => {
  const fapi = frontendApiUrl(store);
  const s = isSaml(r.provider) ? r.saml : null;
  const o = isSaml(r.provider) ? null : r.oidc;
  return {
    object: "enterprise_connection",
    id: r.id,
    name: r.name,
    provider: r.provider,
    logo_public_url: null,
    active: r.active,
    domains: r.domains,
    organization_id: r.organization_id,
    sync_user_attributes: r.sync_user_attributes,
    disable_additional_identifications: r.disable_additional_identifications,
    allow_organization_account_linking: r.allow_organization_account_linking,
    custom_attributes: r.custom_attributes,
    saml_connection: s && {
      id: s.id,
      name: s.name,
      idp_entity_id: s.idp_entity_id,
      idp_sso_url: s.idp_sso_url,
      ...renderCertificates(storedCertificates(s)),
      idp_metadata_url: s.idp_metadata_url,
      acs_url: `${fapi}/v1/saml/acs/${s.id}`,
      sp_entity_id: `${fapi}/saml/${s.id}`,
      sp_metadata_url: `${fapi}/v1/saml/metadata/${s.id}`,
      active: r.active,
      allow_idp_initiated: s.allow_idp_initiated,
      allow_subdomains: s.allow_subdomains,
      force_authn: s.force_authn,
      login_hint: s.login_hint,
    },
    oauth_config: o && {
      id: o.id,
      name: r.name,
      provider_key: providerKey(r),
      client_id: o.client_id,
      discovery_url: o.discovery_url,
      auth_url: o.auth_url,
      token_url: o.token_url,
      user_info_url: o.user_info_url,
      requires_pkce: o.requires_pkce,
      logo_public_url: null,
      created_at: o.created_at,
      updated_at: o.updated_at,
    },
    authenticatable: r.authenticatable ?? false,
    disable_jit_provisioning: r.disable_jit_provisioning ?? false,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
};

function assertDomainsFree(store: Store, domains: string[], status: 409 | 422, exceptId?: string) {
  const taken = store.enterpriseConnections.find(
    (c) => c.id !== exceptId && c.domains.some((d) => domains.includes(d)),
  );
  if (taken) throw identifierExists("domains", status);
}

function assertActivatable(r: EnterpriseConnectionRecord) {
  if (r.active && !isConfigured(r)) {
    throw paramValueInvalid(
      "active",
      isSaml(r.provider)
        ? "An active SAML connection needs IdP metadata in `saml` (idp_metadata_url, idp_metadata, or idp_entity_id + idp_sso_url + idp_certificate)."
        : "An active OIDC connection needs `oidc.client_id` and `oidc.discovery_url` (or auth_url + token_url).",
    );
  }
}

export const enterpriseConnectionRoutes: Route[] = [
  {
    method: "GET",
    path: "/enterprise_connections",
    handler: ({ store, query }) => {
      const org = query.get("organization_id");
      const active = boolParam(query, "active");
      const items = newestFirst(store.enterpriseConnections.list())
        .filter((c) => org === null || c.organization_id === org)
        .filter((c) => active === undefined || c.active === active);
      return pagedList(items, query, render(store));
    },
  },
  {
    method: "POST",
    path: "/enterprise_connections",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const domains = normaliseDomains(input.domains);
      assertDomainsFree(store, domains, 409);
      const now = Date.now();
      const saml = isSaml(input.provider);
      const rec: EnterpriseConnectionRecord = {
        id: newId(ID_PREFIX.enterpriseConnection),
        name: input.name,
        provider: input.provider,
        active: input.active ?? false,
        domains,
        organization_id: input.organization_id ?? null,
        sync_user_attributes: true,
        disable_additional_identifications: false,
        allow_organization_account_linking: input.allow_organization_account_linking ?? false,
        custom_attributes: checkCustomAttributes(input.custom_attributes ?? []),
        authenticatable: input.authenticatable ?? false,
        disable_jit_provisioning: input.disable_jit_provisioning ?? false,
        // `saml` / `oidc` are "only applied" for the matching provider family.
        saml: saml ? mergeSaml(null, input.saml ?? {}, input.name) : null,
        oidc: saml ? null : mergeOidc(null, input.oidc ?? {}),
        created_at: now,
        updated_at: now,
      };
      assertActivatable(rec);
      return { status: 201, body: render(store)(store.enterpriseConnections.insert(rec)) };
    },
  },
  {
    method: "GET",
    path: "/enterprise_connections/{enterprise_connection_id}",
    handler: ({ store, params }) =>
      ok(
        render(store)(
          mustFind(
            store.enterpriseConnections.get(params.enterprise_connection_id as string),
            "enterprise connection",
          ),
        ),
      ),
  },
  {
    method: "PATCH",
    path: "/enterprise_connections/{enterprise_connection_id}",
    handler: ({ store, params, body }) => {
      const id = params.enterprise_connection_id as string;
      const prev = mustFind(store.enterpriseConnections.get(id), "enterprise connection");
      const input = parseBody(UpdateBody, body);
      const next: EnterpriseConnectionRecord = { ...prev };
      if (input.name != null) next.name = input.name;
      // An empty array is ignored (Clerk: "Empty array means ignored"), so domains can never be cleared.
      if (input.domains && input.domains.length > 0) {
        next.domains = normaliseDomains(input.domains);
        assertDomainsFree(store, next.domains, 422, id);
      }
      for (const k of [
        "active",
        "sync_user_attributes",
        "disable_additional_identifications",
        "allow_organization_account_linking",
        "authenticatable",
        "disable_jit_provisioning",
      ] as const) {
        const v = input[k];
        if (v != null) next[k] = v;
      }
      // Only linking is supported: null (or absence) never unlinks an organization.
      if (input.organization_id != null) next.organization_id = input.organization_id;
      if (input.saml && isSaml(prev.provider)) next.saml = mergeSaml(prev.saml, input.saml, next.name);
      if (input.oidc && !isSaml(prev.provider)) next.oidc = mergeOidc(prev.oidc, input.oidc);
      if (input.custom_attributes) next.custom_attributes = checkCustomAttributes(input.custom_attributes);
      assertActivatable(next);
      next.updated_at = Date.now();
      return ok(render(store)(store.enterpriseConnections.update(id, next) as EnterpriseConnectionRecord));
    },
  },
  {
    method: "DELETE",
    path: "/enterprise_connections/{enterprise_connection_id}",
    handler: ({ store, params }) => {
      const id = params.enterprise_connection_id as string;
      if (!store.enterpriseConnections.delete(id)) throw notFound("enterprise connection");
      return deleted("enterprise_connection", id);
    },
  },
];
