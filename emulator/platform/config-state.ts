import { randomBytes } from "node:crypto";
import type { Store } from "../store";
import type { ConfigState } from "../types";
import { CONFIG_KEYS, CONFIG_SCHEMA } from "./config-schema";
import { defaultOf, type JsonSchema, own, typeOf } from "./json-schema";

// How an instance's configuration document maps onto the store: which fields live in the Backend API
// singletons (two doors, one state) and which in the document's own part, `store.config`.

export type ConfigDocumentValues = Record<string, unknown>;

/** `v1_` + 8 hex, never the same as `previous`. */
export function newConfigVersion(previous?: string): string {
  for (;;) {
    const v = `v1_${randomBytes(4).toString("hex")}`;
    if (v !== previous) return v;
  }
}

const keySchema = (key: string): JsonSchema => CONFIG_SCHEMA.properties[key] as JsonSchema;

/** The document of a fresh instance, without the parts kept in the Backend API singletons. */
export function freshConfigState(): ConfigState {
  const values: ConfigDocumentValues = {};
  for (const key of CONFIG_KEYS) values[key] = defaultOf(keySchema(key));
  return { version: newConfigVersion(), fingerprint: "", values: ownPart(values) };
}

/** `organization_settings` fields kept in `store.organizationSettings` (the Backend API door). */
const SHARED_ORGANIZATION_FIELDS = [
  "enabled",
  "domains_enabled",
  "slug_disabled",
  "max_allowed_memberships",
  "domains_default_role",
  "domains_enrollment_modes",
] as const;

/** `auth_access_control` fields kept in `store.restrictions` (`PATCH /instance/restrictions`). */
const RESTRICTION_FIELDS = {
  allowlist_enabled: "allowlist",
  blocklist_enabled: "blocklist",
  block_email_subaddresses: "block_email_subaddresses",
  block_disposable_email_domains: "block_disposable_email_domains",
} as const;
/** The document says "enforced", the Backend API "disabled": one flag, inverted. */
const ENFORCED_ON_SIGN_IN = "allowlist_blocklist_enforced_on_sign_in";

function without(value: unknown, fields: readonly string[]): Record<string, unknown> {
  const out = { ...(value as Record<string, unknown>) };
  for (const f of fields) delete out[f];
  return out;
}

/** The part of a document kept in `store.config.values`. */
function ownPart(doc: ConfigDocumentValues): ConfigDocumentValues {
  return {
    ...doc,
    organization_settings: without(doc.organization_settings, SHARED_ORGANIZATION_FIELDS),
    auth_access_control: without(doc.auth_access_control, [
      ...Object.keys(RESTRICTION_FIELDS),
      ENFORCED_ON_SIGN_IN,
    ]),
  };
}

/** Orders an object's fields as its schema lists them (unknown ones last), so answers read stably. */
function ordered(schema: JsonSchema, value: unknown): unknown {
  if (typeOf(value) !== "object" || !schema.properties) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, sub] of Object.entries(schema.properties))
    if (Object.hasOwn(obj, name)) out[name] = ordered(sub, obj[name]);
  for (const [name, v] of Object.entries(obj)) if (!(name in out)) out[name] = v;
  return out;
}

/** The whole document (secrets included: never answer this as is; see `renderDocument`). */
export function readDocument(store: Store): ConfigDocumentValues {
  const own = store.config.get().values;
  const org = store.organizationSettings.get();
  const restrictions = store.restrictions.get();
  const doc: ConfigDocumentValues = {};
  for (const key of CONFIG_KEYS)
    doc[key] = ordered(keySchema(key), own[key] === undefined ? defaultOf(keySchema(key)) : own[key]);
  doc.organization_settings = ordered(keySchema("organization_settings"), {
    ...(doc.organization_settings as object),
    enabled: org.enabled,
    domains_enabled: org.domains_enabled,
    slug_disabled: org.slug_disabled,
    max_allowed_memberships: org.max_allowed_memberships,
    domains_default_role: store.roles.get(org.domains_default_role_id)?.key ?? "",
    domains_enrollment_modes: org.domains_enrollment_modes,
  });
  doc.auth_access_control = ordered(keySchema("auth_access_control"), {
    ...(doc.auth_access_control as object),
    [ENFORCED_ON_SIGN_IN]: !restrictions.allowlist_blocklist_disabled_on_sign_in,
    ...Object.fromEntries(Object.entries(RESTRICTION_FIELDS).map(([doc, bapi]) => [doc, restrictions[bapi]])),
  });
  return doc;
}

/** Saves a whole (validated) document: each part through its own door. */
export function writeDocument(store: Store, doc: ConfigDocumentValues, version: string): void {
  const org = doc.organization_settings as Record<string, unknown>;
  const roleId = store.roles.find((r) => r.key === org.domains_default_role)?.id;
  store.organizationSettings.patch({
    enabled: org.enabled as boolean,
    domains_enabled: org.domains_enabled as boolean,
    slug_disabled: org.slug_disabled as boolean,
    max_allowed_memberships: org.max_allowed_memberships as number,
    domains_enrollment_modes: org.domains_enrollment_modes as string[],
    ...(roleId ? { domains_default_role_id: roleId } : {}),
  });
  const access = doc.auth_access_control as Record<string, boolean>;
  store.restrictions.patch({
    allowlist_blocklist_disabled_on_sign_in: !access[ENFORCED_ON_SIGN_IN],
    ...Object.fromEntries(Object.entries(RESTRICTION_FIELDS).map(([d, bapi]) => [bapi, access[d]])),
  });
  store.config.set({ version, fingerprint: "", values: ownPart(doc) });
  store.config.patch({ fingerprint: fingerprint(store) });
}

const fingerprint = (store: Store) => JSON.stringify(readDocument(store));

/**
 * The document's current version. A change made since the version was given (through the Backend API
 * door, or a test editing the store as the dashboard would) gives the document a new version, so a
 * write computed from the old one meets a 409.
 */
export function currentVersion(store: Store): string {
  const state = store.config.get();
  const now = fingerprint(store);
  if (state.fingerprint === now) return state.version;
  const version = state.fingerprint === "" ? state.version : newConfigVersion(state.version);
  store.config.patch({ version, fingerprint: now });
  return version;
}

/** A copy without the fields the schema marks `x-clerk-sensitive`: secrets are write-only. */
export function withoutSecrets(schema: JsonSchema | undefined, value: unknown): unknown {
  if (!schema || typeOf(value) !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const sub =
      own(schema.properties, name) ??
      (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (sub?.["x-clerk-sensitive"]) continue;
    out[name] = withoutSecrets(sub, v);
  }
  return out;
}

/** The document as the API answers it: selected keys (all by default), secrets left out. */
export function renderDocument(doc: ConfigDocumentValues, keys: readonly string[] = CONFIG_KEYS) {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = withoutSecrets(keySchema(key), doc[key]);
  return out;
}
