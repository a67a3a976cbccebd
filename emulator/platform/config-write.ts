import type { ClerkErrorItem } from "../errors";
import type { Store } from "../store";
import {
  configErrors,
  configKeyBodyInvalid,
  configValidationError,
  destructiveNotAllowed,
  invalidAuthConfiguration,
  missingConfigKeys,
  unknownConfigKey,
  valueInvalid,
  versionConflict,
} from "./config-errors";
import { CONFIG_KEYS, CONFIG_SCHEMA, RESERVED_SESSION_CLAIMS, SOCIAL_PROVIDERS } from "./config-schema";
import {
  type ConfigDocumentValues,
  currentVersion,
  newConfigVersion,
  readDocument,
  renderDocument,
  writeDocument,
} from "./config-state";
import {
  defaultOf,
  define,
  isMap,
  type JsonSchema,
  own,
  schemaAt,
  typeOf,
  validate,
  withDefaults,
} from "./json-schema";
import { suggestions } from "./suggest";

export interface ConfigWrite {
  method: "PATCH" | "PUT";
  body: Record<string, unknown>;
  dryRun: boolean;
  destructive: boolean;
  /** Keys to answer in before/after; by default the keys the write touched. */
  keys: string[] | undefined;
  ifMatch: string | undefined;
}

const ROOT = CONFIG_SCHEMA as JsonSchema;
const keySchema = (key: string) => CONFIG_SCHEMA.properties[key] as JsonSchema;
const dotted = (path: ReadonlyArray<string | number>) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");

/** Refuses top-level keys the document does not have (400 `unknown_config_key`, with suggestions). */
export function checkKnownKeys(keys: Iterable<string>): void {
  const unknown = [...keys].filter((k) => !Object.hasOwn(CONFIG_SCHEMA.properties, k));
  if (unknown.length > 0) {
    throw configErrors(
      400,
      unknown.map((k) => unknownConfigKey(k, suggestions(k, CONFIG_KEYS))),
    );
  }
}

/** PATCH or PUT of an instance's document, as Clerk does it; answers `{ config_version, dry_run, before, after }`. */
export function writeConfig(store: Store, w: ConfigWrite) {
  const body = w.body;
  if (Object.hasOwn(body, "config_version")) {
    throw configErrors(400, [
      valueInvalid(
        "config_version",
        "is read-only: send the version you read as the If-Match header instead",
      ),
    ]);
  }
  checkKnownKeys(Object.keys(body));
  if (w.keys) checkKnownKeys(w.keys);
  const shapeErrors = Object.entries(body)
    .filter(([k, v]) => v !== null && typeOf(v) !== "object" && !typeTolerates(keySchema(k), v))
    .map(([k]) => configKeyBodyInvalid(k));
  if (shapeErrors.length > 0) throw configErrors(400, shapeErrors);
  if (w.method === "PUT") {
    const missing = CONFIG_KEYS.filter((k) => !Object.hasOwn(body, k));
    if (missing.length > 0) throw configErrors(400, [missingConfigKeys(missing)]);
  }

  const version = currentVersion(store);
  if (w.ifMatch !== undefined && w.ifMatch !== version) {
    throw configErrors(409, [versionConflict(version, w.ifMatch)]);
  }

  const before = readDocument(store);
  if (!w.destructive) {
    const refused = destructiveChanges(before, body, w.method);
    if (refused.length > 0) throw configErrors(400, refused);
  }

  const after: ConfigDocumentValues = { ...before };
  for (const [key, value] of Object.entries(body)) {
    const schema = keySchema(key);
    const merged = w.method === "PATCH" ? merge(schema, before[key], value) : merge(schema, undefined, value);
    after[key] = withDefaults(schema, merged);
  }
  seedOrganizationDefaults(before, after, body);

  const schemaIssues = validate(ROOT, after);
  const unknownFields = schemaIssues.filter((i) => i.keyword === "additionalProperties");
  if (unknownFields.length > 0) {
    throw configErrors(
      400,
      unknownFields.map((i) => {
        const parent = schemaAt(ROOT, i.path.slice(0, -1));
        return unknownConfigKey(
          dotted(i.path),
          suggestions(String(i.path.at(-1)), Object.keys(parent?.properties ?? {})),
        );
      }),
    );
  }
  if (schemaIssues.length > 0) {
    throw configErrors(
      422,
      schemaIssues.map((i) => configValidationError(dotted(i.path), i.message, i.schemaPath)),
    );
  }
  const semantic = checkSemantics(store, after);
  if (semantic) throw semantic;

  const touched =
    w.keys ??
    (w.method === "PATCH"
      ? CONFIG_KEYS.filter((k) => Object.hasOwn(body, k))
      : CONFIG_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])));
  let configVersion = version;
  if (!w.dryRun) {
    configVersion = newConfigVersion(version);
    writeDocument(store, after, configVersion);
  }
  return {
    config_version: configVersion,
    dry_run: w.dryRun,
    before: renderDocument(before, touched),
    after: renderDocument(w.dryRun ? after : readDocument(store), touched),
  };
}

/** Only `session` may be sent as a non-object (null, handled apart); anything else is the wrong shape. */
const typeTolerates = (schema: JsonSchema, value: unknown) =>
  Array.isArray(schema.type) && schema.type.includes(typeOf(value));

/**
 * Deep merge as Clerk's PATCH does it: objects merge, arrays and primitives replace. `null` clears: a
 * map entry is deleted, a nullable value becomes null, any other field goes back to its default.
 */
function merge(schema: JsonSchema | undefined, current: unknown, patch: unknown): unknown {
  if (patch === null) {
    if (!schema) return null;
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    return types.includes("null") ? null : defaultOf(schema);
  }
  if (typeOf(patch) !== "object" || !schema) return structuredClone(patch);
  const base = typeOf(current) === "object" ? { ...(current as Record<string, unknown>) } : {};
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null && isMap(schema)) {
      delete base[name];
      continue;
    }
    const sub = schemaAt(schema, [name]);
    // A free-form object (session claims) is taken as sent, not merged into the old one.
    const freeForm = sub && sub.properties === undefined && !isMap(sub) && value !== null;
    define(base, name, freeForm ? structuredClone(value) : merge(sub, own(base, name), value));
  }
  return base;
}

/** What the write would clear or delete: every `null` sent, and (PUT) every map entry left out. */
function destructiveChanges(
  before: ConfigDocumentValues,
  body: Record<string, unknown>,
  method: "PATCH" | "PUT",
): ClerkErrorItem[] {
  const out: ClerkErrorItem[] = [];
  const walk = (schema: JsonSchema | undefined, current: unknown, sent: unknown, path: string[]) => {
    // Sending null where there is nothing (session already null, an entry that does not exist) clears nothing.
    if (sent === null && current !== null && current !== undefined) {
      const entry = path.length > 1 && isMap(schemaAt(ROOT, path.slice(0, -1)));
      out.push(destructiveNotAllowed(dotted(path), entry ? "delete config entry" : "clear config key"));
      return;
    }
    if (sent === null || typeOf(sent) !== "object" || !schema) return;
    const sentObj = sent as Record<string, unknown>;
    const curObj = typeOf(current) === "object" ? (current as Record<string, unknown>) : {};
    if (method === "PUT" && isMap(schema)) {
      for (const name of Object.keys(curObj)) {
        if (!Object.hasOwn(sentObj, name))
          out.push(destructiveNotAllowed(dotted([...path, name]), "delete config entry"));
      }
    }
    for (const [name, v] of Object.entries(sentObj))
      walk(schemaAt(schema, [name]), own(curObj, name), v, [...path, name]);
  };
  for (const [key, value] of Object.entries(body)) walk(keySchema(key), before[key], value, [key]);
  return out;
}

/** Turning organizations on gives the sub-settings not sent in the same write their defaults. */
function seedOrganizationDefaults(
  before: ConfigDocumentValues,
  after: ConfigDocumentValues,
  body: Record<string, unknown>,
) {
  const was = before.organization_settings as Record<string, unknown>;
  const now = after.organization_settings as Record<string, unknown>;
  if (was.enabled === true || now.enabled !== true) return;
  const sent = (typeOf(body.organization_settings) === "object" ? body.organization_settings : {}) as Record<
    string,
    unknown
  >;
  const defaults = defaultOf(keySchema("organization_settings")) as Record<string, unknown>;
  const seeded: Record<string, unknown> = { ...now };
  for (const [name, value] of Object.entries(defaults))
    if (name !== "enabled" && !Object.hasOwn(sent, name)) seeded[name] = value;
  after.organization_settings = seeded;
}

// biome-ignore lint/suspicious/noExplicitAny: fields of a document the schema has already validated
type Fields = Record<string, any>;

/** Rules between fields, after the schema: the first failing group answers. */
function checkSemantics(store: Store, doc: ConfigDocumentValues) {
  const errors: ClerkErrorItem[] = [];
  const obj = (key: string) => doc[key] as Fields;
  for (const key of ["auth_password", "auth_username"]) {
    const { min_length, max_length } = obj(key);
    if (min_length > max_length)
      errors.push(
        configValidationError(
          `${key}.min_length`,
          `must not be greater than ${key}.max_length (${max_length})`,
        ),
      );
  }
  const session = doc.session as { claims?: Record<string, unknown> } | null;
  for (const claim of RESERVED_SESSION_CLAIMS) {
    if (session?.claims && claim in session.claims)
      errors.push(configValidationError(`session.claims.${claim}`, `is a reserved claim Clerk sets itself`));
  }
  for (const field of ["first_name", "last_name"]) {
    const f = obj("user_model")[field];
    if (f.required && !f.enabled)
      errors.push(configValidationError(`user_model.${field}.required`, `needs user_model.${field}.enabled`));
  }
  const billing = obj("billing");
  for (const [slug, plan] of Object.entries(billing.plans as Record<string, { features: string[] }>)) {
    plan.features.forEach((feature, i) => {
      if (!Object.hasOwn(billing.features, feature))
        errors.push(
          configValidationError(
            `billing.plans.${slug}.features[${i}]`,
            `names no feature of billing.features (${feature})`,
          ),
        );
    });
  }
  if (store.environmentType === "production") {
    for (const provider of SOCIAL_PROVIDERS) {
      const c = obj(`connection_oauth_${provider}`);
      if (!c.enabled) continue;
      const needed = ["client_id", "client_secret", ...(provider === "apple" ? ["team_id", "key_id"] : [])];
      for (const field of needed.filter((f) => typeof c[f] !== "string" || c[f] === "")) {
        errors.push(
          configValidationError(
            `connection_oauth_${provider}.${field}`,
            "is required to enable this connection on a production instance (shared development credentials are not available there)",
          ),
        );
      }
    }
  }
  if (errors.length > 0) return configErrors(422, errors);

  const org = obj("organization_settings");
  if (!store.roles.find((r) => r.key === org.domains_default_role)) {
    return configErrors(422, [
      valueInvalid(
        "organization_settings.domains_default_role",
        `names no role (${org.domains_default_role})`,
      ),
    ]);
  }
  const mfa = obj("auth_multi_factor");
  const factor = mfa.authenticator_app.enabled || obj("auth_phone").used_for_second_factor;
  for (const field of ["required_for_sign_in", "required_for_sign_up"]) {
    if (mfa[field] && !factor)
      return configErrors(409, [
        invalidAuthConfiguration(
          `auth_multi_factor.${field}`,
          "requires a second factor (auth_multi_factor.authenticator_app.enabled or auth_phone.used_for_second_factor)",
        ),
      ]);
  }
  return undefined;
}
