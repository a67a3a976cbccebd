// Validates HTTP exchanges (request + response) against Clerk's published OpenAPI 3.0.3 spec, so the
// emulator and the sdk cannot drift into a private dialect. The spec is ~740 KB of YAML: it is parsed
// once per process (and cached as JSON on disk, since vitest parses it once per worker otherwise), and
// ajv validators are compiled lazily per operation/direction/status and cached.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";

export const SPEC_ENV = "CLERK_OPENAPI_SPEC";
/** Clerk's spec, vendored in the repository (MIT, see its README). */
const DEFAULT_SPEC = "spec/clerk-openapi/bapi-2026-05-12.yml";
export const PLATFORM_SPEC_ENV = "CLERK_PLATFORM_OPENAPI_SPEC";
/** Clerk's Platform API spec (private beta), vendored beside it. */
const DEFAULT_PLATFORM_SPEC = "spec/clerk-openapi/platform-beta-2026-08-14.yml";

/** Which of Clerk's two specs describes an exchange: the Platform API owns `/platform/…`. */
export type SpecKind = "bapi" | "platform";
const SPECS: Record<SpecKind, { env: string; file: string }> = {
  bapi: { env: SPEC_ENV, file: DEFAULT_SPEC },
  platform: { env: PLATFORM_SPEC_ENV, file: DEFAULT_PLATFORM_SPEC },
};

export function specKindOf(path: string): SpecKind {
  let p = path.split("?")[0] ?? "";
  if (p === "/v1" || p.startsWith("/v1/")) p = p.slice(3);
  return p === "/platform" || p.startsWith("/platform/") ? "platform" : "bapi";
}

// biome-ignore lint/suspicious/noExplicitAny: the spec is untyped JSON walked generically
type Json = any;
type Direction = "request" | "response";

export interface Exchange {
  method: string;
  /** With or without the `/v1` prefix; may carry a `?query` (merged with `query`). */
  path: string;
  query?: string | URLSearchParams | Record<string, string | string[] | number | boolean | undefined> | null;
  status: number;
  /** Parsed JSON, a JSON string, or undefined/""/null for no body. */
  requestBody?: unknown;
  responseBody?: unknown;
  requestHeaders?: Record<string, unknown>;
  responseHeaders?: Record<string, unknown>;
}

export interface ExchangeResult {
  /** null when no spec operation matches the method + path. */
  operationId: string | null;
  /** Every problem, request ones first. */
  problems: string[];
  /** The same problems split by direction (an unknown route counts as a response problem). */
  requestProblems: string[];
  responseProblems: string[];
}

/** The repository root: the nearest ancestor of this file with a package.json (not the cwd). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`contract: no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

/** Where a spec is: its environment variable (relative paths from the repo root) or the vendored copy. */
export function specPath(kind: SpecKind = "bapi"): string {
  const fromEnv = process.env[SPECS[kind].env];
  return resolve(repoRoot(), fromEnv && fromEnv.length > 0 ? fromEnv : SPECS[kind].file);
}

const cachedSpecs = new Map<SpecKind, { path: string; doc: Json }>();

/** Loads (once) and returns the parsed spec. Throws, never skips, when it is missing. */
export function loadSpec(kind: SpecKind = "bapi"): Json {
  const path = specPath(kind);
  const cachedSpec = cachedSpecs.get(kind);
  if (cachedSpec?.path === path) return cachedSpec.doc;
  if (!existsSync(path)) {
    const { env, file } = SPECS[kind];
    const how = process.env[env] ? `${env}=${process.env[env]}` : `default ${file}`;
    throw new Error(
      `contract: Clerk OpenAPI spec not found at ${path} (${how}, resolved from the repository root ` +
        `${repoRoot()}). The contract tests need it: restore spec/clerk-openapi/ from git or set ${env}.`,
    );
  }
  const text = readFileSync(path, "utf8");
  const doc = parseSpecCached(text);
  if (!doc || typeof doc !== "object" || !doc.paths || !doc.components) {
    throw new Error(`contract: ${path} is not an OpenAPI document (no paths/components)`);
  }
  cachedSpecs.set(kind, { path, doc });
  return doc;
}

// YAML parsing takes ~2.5 s and vitest isolates test files, so keep a JSON copy keyed by content hash.
function parseSpecCached(text: string): Json {
  const file = join(tmpdir(), `pulumi-clerk-openapi-${createHash("sha256").update(text).digest("hex")}.json`);
  try {
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // A torn or corrupt cache is simply rebuilt.
  }
  const doc = parseYaml(text);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(doc));
    renameSync(tmp, file); // atomic, so parallel workers never read half a file
  } catch {
    // The cache is an optimisation only.
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------------
// Known spec bugs. Each entry drops names from one component schema's `required` list and nothing else;
// validation is never loosened globally.
// ---------------------------------------------------------------------------------------------------
export const SPEC_ALLOWANCES: ReadonlyArray<{
  schema: string;
  dropRequired: readonly string[];
  why: string;
}> = [
  {
    schema: "SAMLConnection",
    dropRequired: ["authenticatable", "disable_jit_provisioning"],
    why:
      "listed in `required` but defined in no `properties` of the spec (digest §18.1); Clerk's real " +
      "responses cannot be held to a field the spec never describes",
  },
  {
    schema: "EnterpriseConnection",
    dropRequired: ["authenticatable", "disable_jit_provisioning"],
    why: "same spec bug as SAMLConnection (digest §18.1)",
  },
];

/**
 * Request body fields Clerk accepts although the spec's body (`additionalProperties: false`) leaves them
 * out. Each entry adds properties to one operation's JSON body, at `at` (a path of property names inside
 * the body; [] for the top level), and nothing else.
 */
export const REQUEST_BODY_ALLOWANCES: ReadonlyArray<{
  operationId: string;
  at: readonly string[];
  add: Readonly<Record<string, unknown>>;
  why: string;
}> = (() => {
  const certificates = { idp_certificates: { type: "array", items: { type: "string" } } };
  const bool = { type: "boolean", nullable: true };
  const certificatesWhy =
    "several IdP certificates (rotation without downtime) replace the deprecated singular " +
    "idp_certificate in Clerk's official client (@clerk/backend EnterpriseConnectionApi and " +
    "SamlConnectionApi params)";
  const enterpriseWhy =
    "authenticatable and disable_jit_provisioning are parameters of @clerk/backend's enterprise " +
    "connection create/update, and returned (the spec even requires them in answers)";
  return [
    { operationId: "CreateSAMLConnection", at: [], add: certificates, why: certificatesWhy },
    { operationId: "UpdateSAMLConnection", at: [], add: certificates, why: certificatesWhy },
    {
      operationId: "UpdateSAMLConnection",
      at: [],
      add: { provider: { type: "string" } },
      why: "@clerk/backend's updateSamlConnection sends provider",
    },
    { operationId: "CreateEnterpriseConnection", at: ["saml"], add: certificates, why: certificatesWhy },
    { operationId: "UpdateEnterpriseConnection", at: ["saml"], add: certificates, why: certificatesWhy },
    {
      operationId: "CreateEnterpriseConnection",
      at: [],
      add: { authenticatable: bool, disable_jit_provisioning: bool },
      why: enterpriseWhy,
    },
    {
      operationId: "UpdateEnterpriseConnection",
      at: [],
      add: { authenticatable: bool, disable_jit_provisioning: bool },
      why: enterpriseWhy,
    },
    {
      operationId: "CreateEnterpriseConnection",
      at: [],
      add: { sync_user_attributes: bool },
      why: "@clerk/backend notes that Clerk ignores it on create rather than refusing it",
    },
    {
      operationId: "UpdateEnterpriseConnection",
      at: [],
      add: { provider: { type: "string", nullable: true } },
      why: "@clerk/backend notes that Clerk ignores it on update rather than refusing it",
    },
  ];
})();

/** The operation's body schema with its allowances added; throws when an allowance has gone stale. */
function withBodyAllowances(operationId: string, schema: Json, spec: Json): Json {
  const mine = REQUEST_BODY_ALLOWANCES.filter((a) => a.operationId === operationId);
  if (mine.length === 0) return schema;
  const copy = structuredClone(deref(spec, schema));
  for (const a of mine) {
    let node = copy;
    for (const key of a.at) node = node?.properties?.[key];
    if (!node?.properties) {
      throw new Error(
        `contract: body allowance for ${operationId} at /${a.at.join("/")} finds no object schema`,
      );
    }
    for (const [name, prop] of Object.entries(a.add)) {
      // Fail loudly once Clerk adds the field to the spec, so the allowance is removed rather than left to rot.
      if (node.properties[name]) {
        throw new Error(
          `contract: body allowance ${operationId} /${[...a.at, name].join("/")} is stale; remove it`,
        );
      }
      node.properties[name] = prop;
    }
  }
  return copy;
}

const PAGING_PARAMETERS = [
  "#/components/parameters/Paginated",
  "#/components/parameters/LimitParameter",
  "#/components/parameters/OffsetParameter",
] as const;

/**
 * Query parameters Clerk accepts on an operation whose spec declares none. Each entry adds the spec's
 * own shared parameter definitions to one operation, nothing else.
 */
export const QUERY_ALLOWANCES: ReadonlyArray<{
  operationId: string;
  parameters: readonly string[];
  why: string;
}> = [
  {
    operationId: "ListBlocklistIdentifiers",
    parameters: PAGING_PARAMETERS,
    why:
      "Clerk's Node client sends limit/offset (getBlocklistIdentifierList takes ClerkPaginationRequest) and " +
      "its Go client sends paginated=true: Clerk pages this list, so a client must be able to ask for pages",
  },
];

/**
 * Operations that answer `{ data, total_count }` when called with `paginated=true`, where the spec shows
 * only the plain array. Clerk's Node and Go clients both send `paginated=true` to these three and parse
 * the envelope (and clerk/javascript#3276 switched them to it); the array stays right without it.
 */
export const PAGINATED_ENVELOPE_ALLOWANCES: ReadonlyArray<{ operationId: string; why: string }> = [
  "ListAllowlistIdentifiers",
  "ListRedirectURLs",
  "ListJWTTemplates",
].map((operationId) => ({
  operationId,
  why: "with paginated=true Clerk answers { data, total_count }, not the array the spec shows",
}));

/** The envelope a paginated list comes in, around the spec's own array schema. */
function paginatedEnvelope(arraySchema: Json, spec: Json, operationId: string): Json {
  if (deref(spec, arraySchema)?.type !== "array") {
    throw new Error(
      `contract: paginated-envelope allowance for ${operationId} is stale (its 200 is no longer a plain array); remove it`,
    );
  }
  return {
    type: "object",
    required: ["data", "total_count"],
    additionalProperties: false,
    properties: { data: arraySchema, total_count: { type: "integer" } },
  };
}

// ---------------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema dialect -> JSON Schema (draft-07, what ajv 8 speaks by default)
// ---------------------------------------------------------------------------------------------------

// Annotations and vendor keys: no validation meaning, and ajv's strict mode would reject some of them.
const DROP_KEYS = new Set(["example", "examples", "xml", "externalDocs", "deprecated", "discriminator"]);

function docId(direction: Direction): string {
  return `https://contract.pulumi-clerk.invalid/${direction}.json`;
}

/** Converts one schema for one direction (readOnly/writeOnly only matter in `required`). */
function convert(schema: Json, direction: Direction, refBase: string, spec: Json): Json {
  if (Array.isArray(schema)) return schema.map((s) => convert(s, direction, refBase, spec));
  if (schema === null || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Record<string, Json>)) {
    if (DROP_KEYS.has(key) || key.startsWith("x-") || key === "nullable") continue;
    if (key === "readOnly" || key === "writeOnly") continue;
    if (key === "$ref") {
      out.$ref = typeof value === "string" && value.startsWith("#/") ? `${refBase}${value}` : value;
    } else if (key === "properties" || key === "patternProperties" || key === "definitions") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, Json>).map(([k, v]) => [
          k,
          convert(v, direction, refBase, spec),
        ]),
      );
    } else if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      // OpenAPI 3.0 uses a boolean modifier on minimum/maximum; JSON Schema uses the bound itself.
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
      if (value === true && typeof schema[bound] === "number") out[key] = schema[bound];
      else if (typeof value === "number") out[key] = value;
    } else if (
      key === "items" ||
      key === "additionalProperties" ||
      key === "not" ||
      key === "allOf" ||
      key === "anyOf" ||
      key === "oneOf"
    ) {
      out[key] = convert(value, direction, refBase, spec);
    } else {
      out[key] = value; // type, enum, format, required, minimum, pattern, default, description, ...
    }
  }
  if (schema.exclusiveMinimum === true) delete out.minimum;
  if (schema.exclusiveMaximum === true) delete out.maximum;

  // A readOnly property is never sent, a writeOnly one never returned: not required in that direction.
  if (Array.isArray(out.required) && schema.properties) {
    const skip = direction === "request" ? "readOnly" : "writeOnly";
    out.required = out.required.filter((name: string) => schema.properties[name]?.[skip] !== true);
  }

  const result = schema.discriminator && Array.isArray(schema.oneOf) ? discriminate(schema, out, spec) : out;
  return schema.nullable === true ? nullable(result) : result;
}

function nullable(out: Json): Json {
  const composite = "$ref" in out || "allOf" in out || "anyOf" in out || "oneOf" in out || "not" in out;
  if (typeof out.type === "string" && !composite) {
    // Keep it flat so messages read "must be string,null" rather than an anyOf tree.
    const flat = { ...out, type: [out.type, "null"] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) flat.enum = [...out.enum, null];
    return flat;
  }
  return { anyOf: [{ type: "null" }, out] };
}

/**
 * `discriminator` picks the oneOf member by a property's value. ajv's own support rejects `mapping`, so
 * dispatch explicitly: the tag must be a known one, and then the object must match that member only.
 */
function discriminate(schema: Json, out: Json, spec: Json): Json {
  const prop: string = schema.discriminator.propertyName;
  const tags = new Map<string, string>(); // tag value -> converted $ref
  for (const [tag, ref] of Object.entries((schema.discriminator.mapping ?? {}) as Record<string, string>)) {
    tags.set(tag, ref);
  }
  for (const member of schema.oneOf as Json[]) {
    const ref: string | undefined = member?.$ref;
    if (!ref) continue;
    const target = resolvePointer(spec, ref);
    const declared = target?.properties?.[prop];
    const values: unknown[] = declared?.enum ?? (declared && "const" in declared ? [declared.const] : []);
    const implicit = ref.split("/").pop();
    if (values.length === 0 && implicit) values.push(implicit);
    for (const v of values) if (typeof v === "string" && !tags.has(v)) tags.set(v, ref);
  }
  const refBase = (out.oneOf?.[0]?.$ref as string | undefined)?.split("#")[0] ?? "";
  const { oneOf: _replaced, ...rest } = out;
  return {
    ...rest,
    required: [...new Set([...(rest.required ?? []), prop])],
    properties: { ...(rest.properties ?? {}), [prop]: { type: "string", enum: [...tags.keys()] } },
    allOf: [
      ...(rest.allOf ?? []),
      ...[...tags].map(([tag, ref]) => ({
        if: { properties: { [prop]: { const: tag } }, required: [prop] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
        then: { $ref: `${refBase}${ref}` },
      })),
    ],
  };
}

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith("#/")) return undefined;
  let node = doc;
  for (const raw of ref.slice(2).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node?.[seg];
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------
// The validator
// ---------------------------------------------------------------------------------------------------

interface Operation {
  operationId: string;
  method: string;
  template: string;
  segments: string[];
  op: Json;
  pathItem: Json;
}

interface State {
  spec: Json;
  ajv: Ajv;
  operations: Operation[];
  validators: Map<string, ValidateFunction>;
}

const states = new Map<SpecKind, State>();

function getState(kind: SpecKind = "bapi"): State {
  const spec = loadSpec(kind);
  const cached = states.get(kind);
  if (cached && cached.spec === spec) return cached;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  // Formats ajv-formats does not know (none today besides OpenAPI's own) are annotations: accept them.
  for (const f of collectFormats(spec)) if (!ajv.formats[f]) ajv.addFormat(f, true);

  // Each direction gets its own copy of components (readOnly/writeOnly differ); ajv compiles only the
  // fragments a validator references, so registering them is cheap and recursion is left to ajv's $ref.
  for (const direction of ["request", "response"] as const) {
    // Only schemas are $ref targets from inside schemas; responses/parameters are dereferenced in code.
    const schemas = Object.fromEntries(
      Object.entries(
        kind === "bapi" ? withAllowances(spec.components.schemas ?? {}) : (spec.components.schemas ?? {}),
      ).map(([k, v]) => [k, convert(v, direction, "", spec)]),
    );
    const components = { schemas };
    ajv.addSchema({ $id: docId(direction), components }, docId(direction));
  }

  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) {
      const op = pathItem[method];
      if (!op) continue;
      operations.push({
        operationId: op.operationId ?? `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        segments: template.split("/").filter(Boolean),
        op,
        pathItem,
      });
    }
  }
  const state: State = { spec, ajv, operations, validators: new Map() };
  states.set(kind, state);
  return state;
}

function withAllowances(schemas: Json): Json {
  const copy = { ...schemas };
  for (const a of SPEC_ALLOWANCES) {
    const s = copy[a.schema];
    if (!s) throw new Error(`contract: allowance names schema ${a.schema}, which the spec no longer has`);
    const stillBroken = a.dropRequired.filter((n) => s.required?.includes(n) && !s.properties?.[n]);
    // Fail loudly once Clerk fixes the spec, so the allowance is removed rather than left to rot.
    if (stillBroken.length !== a.dropRequired.length) {
      throw new Error(
        `contract: allowance for ${a.schema} (${a.dropRequired.join(", ")}) is stale; remove it`,
      );
    }
    copy[a.schema] = { ...s, required: s.required.filter((n: string) => !a.dropRequired.includes(n)) };
  }
  return copy;
}

function collectFormats(node: Json, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) collectFormats(n, out);
  else if (node && typeof node === "object") {
    if (typeof node.format === "string" && (typeof node.type === "string" || node.type === undefined)) {
      out.add(node.format);
    }
    for (const v of Object.values(node)) collectFormats(v, out);
  }
  return out;
}

/** All operations in the spec: `${METHOD} ${template}` and operationId. */
export function specOperations(
  kind: SpecKind = "bapi",
): Array<{ operationId: string; method: string; path: string }> {
  return getState(kind).operations.map((o) => ({
    operationId: o.operationId,
    method: o.method,
    path: o.template,
  }));
}

/**
 * Finds the operation for a concrete path. Literal segments beat templated ones, compared left to right
 * (`/instance/restrictions` is the literal path even if a `/instance/{x}` template existed).
 */
export function matchOperation(
  method: string,
  rawPath: string,
): { operation: Operation; params: Record<string, string> } | { error: string } {
  const { operations } = getState(specKindOf(rawPath));
  let path = rawPath.split("?")[0] ?? "";
  if (path === "/v1" || path.startsWith("/v1/")) path = path.slice(3);
  const segments = path.split("/").filter(Boolean);
  let best: { template: string; score: number[]; params: Record<string, string> } | undefined;
  const seen = new Set<string>();
  for (const o of operations) {
    if (o.segments.length !== segments.length || seen.has(o.template)) continue;
    seen.add(o.template);
    const params: Record<string, string> = {};
    const score: number[] = [];
    let ok = true;
    o.segments.forEach((t, i) => {
      const s = segments[i] ?? "";
      const m = /^\{(.+)\}$/.exec(t);
      if (m?.[1]) {
        params[m[1]] = safeDecode(s);
        score.push(0);
      } else if (t === s) score.push(1);
      else ok = false;
    });
    if (ok && (!best || compareScore(score, best.score) > 0)) best = { template: o.template, score, params };
  }
  if (!best) return { error: `no spec path matches ${path}` };
  const operation = operations.find((o) => o.template === best.template && o.method === method.toUpperCase());
  if (!operation) return { error: `spec path ${best.template} has no ${method.toUpperCase()} operation` };
  return { operation, params: best.params };
}

function compareScore(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function compile(s: State, key: string, direction: Direction, schema: Json): ValidateFunction {
  let v = s.validators.get(key);
  if (!v) {
    v = s.ajv.compile(convert(schema, direction, docId(direction), s.spec));
    s.validators.set(key, v);
  }
  return v;
}

function deref(spec: Json, node: Json): Json {
  let n = node;
  for (let i = 0; n?.$ref && i < 10; i++) n = resolvePointer(spec, n.$ref);
  return n;
}

function parseBody(body: unknown): { present: boolean; value?: unknown; notJson?: string } {
  if (body === undefined || body === null || body === "") return { present: false };
  if (typeof body === "string" || body instanceof Uint8Array) {
    const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
    if (text.trim() === "") return { present: false };
    try {
      return { present: true, value: JSON.parse(text) };
    } catch {
      return { present: true, notJson: text.length > 80 ? `${text.slice(0, 80)}…` : text };
    }
  }
  return { present: true, value: body };
}

function queryEntries(ex: Exchange): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => out.set(k, [...(out.get(k) ?? []), v]);
  const qs = ex.path.includes("?") ? ex.path.slice(ex.path.indexOf("?") + 1) : "";
  for (const [k, v] of new URLSearchParams(qs)) add(k, v);
  const q = ex.query;
  if (typeof q === "string") for (const [k, v] of new URLSearchParams(q)) add(k, v);
  else if (q instanceof URLSearchParams) for (const [k, v] of q) add(k, v);
  else if (q && typeof q === "object") {
    for (const [k, v] of Object.entries(q)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) add(k, String(one));
    }
  }
  return out;
}

/**
 * Query strings arrive as text; turn them into the declared type so the schema can judge them. Arrays
 * follow the parameter's style: form + explode (the default) repeats the name, explode: false joins by commas.
 */
function coerce(values: string[], param: Json, spec: Json): unknown {
  const s = deref(spec, param.schema ?? {}) ?? {};
  if (s.type === "array") {
    const items = s.items ? deref(spec, s.items) : {};
    const parts = param.explode === false ? values.flatMap((v) => v.split(",")) : values;
    return parts.map((v) => coerceOne(v, items));
  }
  return coerceOne(values[values.length - 1] ?? "", s);
}

function coerceOne(v: string, s: Json): unknown {
  const type = s?.type;
  if ((type === "integer" || type === "number") && v.trim() !== "" && !Number.isNaN(Number(v)))
    return Number(v);
  if (type === "boolean" && (v === "true" || v === "false")) return v === "true";
  if (s?.nullable === true && v === "null") return null;
  return v;
}

function formatErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  const out = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = e.instancePath || "";
    let msg = e.message ?? "is invalid";
    if (e.keyword === "required") {
      pointer += `/${(e.params as { missingProperty: string }).missingProperty}`;
      msg = "is required";
    } else if (e.keyword === "additionalProperties") {
      pointer += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
      msg = "is not allowed (additionalProperties: false)";
    } else if (e.keyword === "enum") {
      msg = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    } else if (e.keyword === "if") continue; // the failing `then` branch already says what is wrong
    out.add(`${where} ${pointer || "/"}: ${msg} [${e.keyword} at ${e.schemaPath}]`);
  }
  return [...out];
}

/** Statuses any Clerk endpoint can answer even when the operation does not declare them. */
function isGenericError(status: number): boolean {
  return status >= 400 && status <= 599;
}

export function validateExchange(ex: Exchange): ExchangeResult {
  const s = getState(specKindOf(ex.path));
  const method = ex.method.toUpperCase();
  const req: string[] = [];
  const res: string[] = [];
  const done = (operationId: string | null): ExchangeResult => ({
    operationId,
    problems: [...req, ...res],
    requestProblems: req,
    responseProblems: res,
  });
  const match = matchOperation(method, ex.path);
  const response = parseBody(ex.responseBody);

  if ("error" in match) {
    // Clerk answers unknown routes with a ClerkErrors 404/405; anything else on an unknown route is drift.
    if ((ex.status === 404 || ex.status === 405) && !response.notJson) {
      const v = compile(s, "#ClerkErrors/response", "response", { $ref: "#/components/schemas/ClerkErrors" });
      if (!v(response.value))
        res.push(...formatErrors(v.errors, `${method} ${ex.path} response ${ex.status} body`));
      return done(null);
    }
    res.push(`${method} ${ex.path}: ${match.error} (status ${ex.status})`);
    return done(null);
  }

  const { operation, params } = match;
  const id = operation.operationId;
  const allowedParams = QUERY_ALLOWANCES.filter((a) => a.operationId === id).flatMap((a) =>
    a.parameters.map(($ref) => ({ $ref })),
  );
  const declaredParams: Json[] = [
    ...(operation.pathItem.parameters ?? []),
    ...(operation.op.parameters ?? []),
  ].map((p) => deref(s.spec, p));
  const allowed: Json[] = allowedParams.map((p) => deref(s.spec, p));
  // Fail loudly once the spec declares them, so the allowance is removed rather than left to rot.
  const nowDeclared = allowed.filter((a) => declaredParams.some((d) => d?.name === a?.name));
  if (nowDeclared.length > 0) {
    throw new Error(
      `contract: query allowance for ${id} is stale (${nowDeclared.map((p) => p.name)}); remove it`,
    );
  }
  const allParams = [...declaredParams, ...allowed];

  // --- request: path + query parameters
  for (const kind of ["path", "query"] as const) {
    const declared = allParams.filter((p) => p?.in === kind);
    const present =
      kind === "path" ? new Map(Object.entries(params).map(([k, v]) => [k, [v]])) : queryEntries(ex);
    const value: Record<string, unknown> = {};
    for (const [k, vs] of present) {
      const p = declared.find((d) => d.name === k);
      value[k] = p ? coerce(vs, p, s.spec) : vs.length === 1 ? vs[0] : vs;
    }
    const schema = {
      type: "object",
      properties: Object.fromEntries(declared.map((p) => [p.name, p.schema ?? {}])),
      required: declared.filter((p) => p.required).map((p) => p.name),
      additionalProperties: false,
    };
    const v = compile(s, `${id}/request/${kind}`, "request", schema);
    if (!v(value)) req.push(...formatErrors(v.errors, `${id} request ${kind}`));
  }

  // --- request: body
  const reqBody = parseBody(ex.requestBody);
  const rb = deref(s.spec, operation.op.requestBody);
  const reqSchema = rb?.content?.["application/json"]?.schema;
  if (!rb) {
    if (reqBody.present) req.push(`${id} request body /: operation declares no request body [requestBody]`);
  } else if (reqSchema === undefined) {
    // multipart uploads (logos): their parts are not JSON and are out of this validator's reach.
  } else if (!reqBody.present) {
    if (rb.required) req.push(`${id} request body /: is required [requestBody.required]`);
  } else if (reqBody.notJson !== undefined) {
    req.push(`${id} request body /: is not JSON (${JSON.stringify(reqBody.notJson)}) [content-type]`);
  } else {
    const v = compile(s, `${id}/request/body`, "request", withBodyAllowances(id, reqSchema, s.spec));
    if (!v(reqBody.value)) req.push(...formatErrors(v.errors, `${id} request body`));
  }

  // --- response
  if (ex.status < 100) return done(id); // no response at all (dropped connection)
  const responses = operation.op.responses ?? {};
  const code = String(ex.status);
  const range = `${code[0]}XX`;
  const key =
    code in responses ? code : range in responses ? range : "default" in responses ? "default" : undefined;
  let declared: Json;
  let where = `${id} response ${ex.status} body`;
  if (key !== undefined) declared = deref(s.spec, responses[key]);
  else if (isGenericError(ex.status)) {
    declared = { content: { "application/json": { schema: { $ref: "#/components/schemas/ClerkErrors" } } } };
    where = `${id} response ${ex.status} (undeclared, generic ClerkErrors) body`;
  } else {
    res.push(
      `${id} response ${ex.status}: status not declared by the operation (declares ${Object.keys(responses).join(", ")}) [responses]`,
    );
    return done(id);
  }
  const resSchema = declared?.content?.["application/json"]?.schema;
  if (!declared?.content || Object.keys(declared.content).length === 0) {
    if (response.present) res.push(`${where} /: must be empty (the spec declares no content) [content]`);
  } else if (resSchema === undefined) {
    // A non-JSON response type; nothing in the BAPI today.
  } else if (!response.present) {
    res.push(`${where} /: is missing (the spec declares application/json) [content]`);
  } else if (response.notJson !== undefined) {
    res.push(`${where} /: is not JSON (${JSON.stringify(response.notJson)}) [content-type]`);
  } else {
    const paged =
      ex.status === 200 &&
      queryEntries(ex).get("paginated")?.at(-1) === "true" &&
      PAGINATED_ENVELOPE_ALLOWANCES.some((a) => a.operationId === id);
    const v = paged
      ? compile(s, `${id}/response/paginated`, "response", paginatedEnvelope(resSchema, s.spec, id))
      : compile(s, `${id}/response/${key ?? "generic"}`, "response", resSchema);
    if (!v(response.value)) res.push(...formatErrors(v.errors, paged ? `${where} (paginated=true)` : where));
  }
  return done(id);
}
