import { z } from "zod";
import { identifierExists, notFound, paramFormatInvalid, paramMissing, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { SamlConnectionRecord } from "../types";
import { isFqdn, isUrl, parseBody } from "../validate";
import { deleted, mustFind, newestFirst, ok, pagedList } from "./common";
import { frontendApiUrl } from "./frontend";
import {
  certificateFields,
  certificatesFromBody,
  renderCertificates,
  storedCertificates,
} from "./idp-certificates";

const SAML_PROVIDERS = ["saml_custom", "saml_okta", "saml_google", "saml_microsoft"] as const;
const str = z.string().nullable().optional();
const AttributeMapping = z.strictObject({
  user_id: z.string().optional(),
  email_address: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
});
const LoginHint = z.strictObject({
  mode: z.enum(["email_address", "custom_attribute", "off"]),
  source: z.string().optional(),
});

// Create and PATCH take these alike, in this order (the order zod reports problems in).
const idpFields = {
  idp_entity_id: str,
  idp_sso_url: str,
  ...certificateFields,
  idp_metadata_url: str,
  idp_metadata: str,
  organization_id: str,
  attribute_mapping: AttributeMapping.nullable().optional(),
};

const CreateBody = z.strictObject({
  name: z.string().min(1),
  domain: z.string().optional(),
  domains: z.array(z.string()).optional(),
  provider: z.enum(SAML_PROVIDERS),
  ...idpFields,
  force_authn: z.boolean().optional(),
  login_hint: LoginHint.nullable().optional(),
});

const flag = z.boolean().nullable().optional();
// `active` & co are PATCH-only. `provider` is accepted on PATCH too (the spec leaves it out; Clerk's
// official client sends it).
const UpdateBody = z.strictObject({
  name: z.string().min(1).nullable().optional(),
  provider: z.enum(SAML_PROVIDERS).optional(),
  domain: str,
  domains: z.array(z.string()).nullable().optional(),
  ...idpFields,
  active: flag,
  sync_user_attributes: flag,
  allow_subdomains: flag,
  allow_idp_initiated: flag,
  disable_additional_identifications: flag,
  allow_organization_account_linking: flag,
  force_authn: z.boolean().optional(),
  login_hint: LoginHint.nullable().optional(),
  consent_verified_domains_deletion: flag,
});

/** Lowercases and checks SSO domains (each a fully qualified domain name, at least one). */
export function normaliseDomains(domains: string[], param = "domains"): string[] {
  if (domains.length === 0) throw paramValueInvalid(param, `${param} must contain at least one domain.`);
  const out = domains.map((d) => d.trim().toLowerCase());
  for (const d of out) if (!isFqdn(d)) throw paramFormatInvalid(param, `${d} is not a valid domain name.`);
  return [...new Set(out)];
}

function checkUrl(value: string | null | undefined, param: string) {
  if (value != null && !isUrl(value)) throw paramFormatInvalid(param, `${param} must be a valid URL.`);
}

const isConfigured = (r: SamlConnectionRecord) =>
  Boolean(
    r.idp_metadata_url ||
      r.idp_metadata ||
      (r.idp_entity_id && r.idp_sso_url && storedCertificates(r).length > 0),
  );

const render = (store: Store) => (r: SamlConnectionRecord) => {
  const fapi = frontendApiUrl(store);
  return {
    object: "saml_connection",
    id: r.id,
    name: r.name,
    domain: r.domains[0] ?? "",
    domains: r.domains,
    idp_entity_id: r.idp_entity_id,
    idp_sso_url: r.idp_sso_url,
    ...renderCertificates(storedCertificates(r)),
    idp_metadata_url: r.idp_metadata_url,
    idp_metadata: r.idp_metadata,
    acs_url: `${fapi}/v1/saml/acs/${r.id}`,
    sp_entity_id: `${fapi}/saml/${r.id}`,
    sp_metadata_url: `${fapi}/v1/saml/metadata/${r.id}`,
    organization_id: r.organization_id,
    attribute_mapping: r.attribute_mapping,
    active: r.active,
    provider: r.provider,
    user_count: 0,
    sync_user_attributes: r.sync_user_attributes,
    allow_subdomains: r.allow_subdomains,
    allow_idp_initiated: r.allow_idp_initiated,
    disable_additional_identifications: r.disable_additional_identifications,
    allow_organization_account_linking: r.allow_organization_account_linking,
    force_authn: r.force_authn,
    login_hint: r.login_hint,
    // Listed as required by the spec although it defines neither property.
    authenticatable: r.active && isConfigured(r),
    disable_jit_provisioning: false,
    enterprise_connection_id: null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
};

function assertDomainsFree(store: Store, domains: string[], exceptId?: string) {
  const taken = store.samlConnections.find(
    (c) => c.id !== exceptId && c.domains.some((d) => domains.includes(d)),
  );
  if (taken) throw identifierExists("domains", 409);
}

export const samlConnectionRoutes: Route[] = [
  {
    method: "GET",
    path: "/saml_connections",
    handler: ({ store, query }) => {
      const q = query.get("query")?.toLowerCase();
      const orgs = query.getAll("organization_id");
      const items = newestFirst(store.samlConnections.list())
        .filter((c) => !q || c.name.toLowerCase().includes(q))
        .filter((c) => orgs.length === 0 || (c.organization_id !== null && orgs.includes(c.organization_id)));
      return pagedList(items, query, render(store));
    },
  },
  {
    method: "POST",
    path: "/saml_connections",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const rawDomains = input.domains ?? (input.domain !== undefined ? [input.domain] : undefined);
      if (rawDomains === undefined) throw paramMissing("domains");
      const domains = normaliseDomains(rawDomains);
      assertDomainsFree(store, domains);
      checkUrl(input.idp_sso_url, "idp_sso_url");
      checkUrl(input.idp_metadata_url, "idp_metadata_url");
      const now = Date.now();
      const rec: SamlConnectionRecord = {
        id: newId(ID_PREFIX.samlConnection),
        name: input.name,
        domains,
        provider: input.provider,
        idp_entity_id: input.idp_entity_id ?? null,
        idp_sso_url: input.idp_sso_url ?? null,
        idp_certificates: certificatesFromBody(input) ?? [],
        idp_metadata_url: input.idp_metadata_url ?? null,
        idp_metadata: input.idp_metadata ?? null,
        organization_id: input.organization_id ?? null,
        attribute_mapping: {
          user_id: "",
          email_address: "",
          first_name: "",
          last_name: "",
          ...input.attribute_mapping,
        },
        active: false,
        sync_user_attributes: true,
        allow_subdomains: false,
        allow_idp_initiated: false,
        disable_additional_identifications: false,
        allow_organization_account_linking: false,
        force_authn: input.force_authn ?? false,
        login_hint: input.login_hint ?? { mode: "email_address" },
        created_at: now,
        updated_at: now,
      };
      return ok(render(store)(store.samlConnections.insert(rec)));
    },
  },
  {
    method: "GET",
    path: "/saml_connections/{saml_connection_id}",
    handler: ({ store, params }) =>
      ok(
        render(store)(
          mustFind(store.samlConnections.get(params.saml_connection_id as string), "SAML connection"),
        ),
      ),
  },
  {
    method: "PATCH",
    path: "/saml_connections/{saml_connection_id}",
    handler: ({ store, params, body }) => {
      const id = params.saml_connection_id as string;
      const prev = mustFind(store.samlConnections.get(id), "SAML connection");
      const input = parseBody(UpdateBody, body);
      const next: SamlConnectionRecord = { ...prev };
      const rawDomains = input.domains ?? (input.domain != null ? [input.domain] : undefined);
      if (rawDomains) {
        next.domains = normaliseDomains(rawDomains);
        assertDomainsFree(store, next.domains, id);
      }
      checkUrl(input.idp_sso_url, "idp_sso_url");
      checkUrl(input.idp_metadata_url, "idp_metadata_url");
      if (input.name != null) next.name = input.name;
      if (input.provider !== undefined) next.provider = input.provider;
      // Nullable strings: null clears, absent keeps.
      for (const k of [
        "idp_entity_id",
        "idp_sso_url",
        "idp_metadata_url",
        "idp_metadata",
        "organization_id",
      ] as const) {
        if (input[k] !== undefined) next[k] = input[k];
      }
      const certs = certificatesFromBody(input);
      if (certs !== undefined) next.idp_certificates = certs;
      if (input.attribute_mapping)
        next.attribute_mapping = { ...prev.attribute_mapping, ...input.attribute_mapping };
      if (input.login_hint) next.login_hint = input.login_hint;
      if (input.force_authn !== undefined) next.force_authn = input.force_authn;
      // Nullable booleans: null means "no change".
      for (const k of [
        "active",
        "sync_user_attributes",
        "allow_subdomains",
        "allow_idp_initiated",
        "disable_additional_identifications",
        "allow_organization_account_linking",
      ] as const) {
        const v = input[k];
        if (v != null) next[k] = v;
      }
      if (next.active && !prev.active && !isConfigured(next)) {
        throw paramValueInvalid(
          "active",
          "The connection cannot be activated before the IdP is configured (idp_metadata_url, idp_metadata, or idp_entity_id + idp_sso_url + idp_certificate).",
        );
      }
      next.updated_at = Date.now();
      return ok(render(store)(store.samlConnections.update(id, next) as SamlConnectionRecord));
    },
  },
  {
    method: "DELETE",
    path: "/saml_connections/{saml_connection_id}",
    handler: ({ store, params }) => {
      const id = params.saml_connection_id as string;
      if (!store.samlConnections.delete(id)) throw notFound("SAML connection");
      return deleted("saml_connection", id);
    },
  },
];
