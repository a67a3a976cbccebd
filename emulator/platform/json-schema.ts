// A validator for the JSON Schema (2020-12) keywords the emulator's config schema uses, and only those:
// type (one or several, "null" included), enum, properties, additionalProperties (false or a schema),
// propertyNames, required, items, minimum, maximum, minLength, maxLength, pattern. Annotations
// (description, default, readOnly, x-clerk-sensitive) are ignored. The emulator ships in the package
// and may not depend on ajv (a devDependency); a test checks that ajv agrees with this on the schema.

export interface JsonSchema {
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: readonly string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  readOnly?: boolean;
  "x-clerk-sensitive"?: boolean;
}

/** `obj[key]` only when it is the object's own property: a key such as `constructor` or `__proto__` names nothing. */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Sets an own property, even one named `__proto__` (plain assignment would replace the prototype). */
export function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export type JsonType = "object" | "array" | "string" | "integer" | "number" | "boolean" | "null";

export interface SchemaIssue {
  /** Property names (and array indexes) from the root to the failing value. */
  path: Array<string | number>;
  /** The keyword that failed, e.g. `maximum`; `additionalProperties` for an unknown key. */
  keyword: string;
  /** The JSON pointer of that keyword in the schema, e.g. `#/properties/session/properties/lifetime/maximum`. */
  schemaPath: string;
  message: string;
}

const KEYWORDS = new Set<string>([
  "type",
  "enum",
  "properties",
  "additionalProperties",
  "propertyNames",
  "required",
  "items",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "default",
  "description",
  "readOnly",
  "x-clerk-sensitive",
  "$schema",
  "$id",
]);

/** Throws on a keyword this validator does not implement, so the schema cannot silently outgrow it. */
export function assertSupported(schema: JsonSchema, at = "#"): void {
  for (const k of Object.keys(schema)) {
    if (!KEYWORDS.has(k)) throw new Error(`json-schema: unsupported keyword ${k} at ${at}`);
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {}))
    assertSupported(sub, `${at}/properties/${name}`);
  if (typeof schema.additionalProperties === "object")
    assertSupported(schema.additionalProperties, `${at}/additionalProperties`);
  if (schema.items) assertSupported(schema.items, `${at}/items`);
  if (schema.propertyNames) assertSupported(schema.propertyNames, `${at}/propertyNames`);
}

export function typeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonType;
}

const matchesType = (value: unknown, type: JsonType) => {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
};

/** Every issue of `value` against `schema` (empty when valid). */
export function validate(schema: JsonSchema, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(schema, value, [], "#", issues);
  return issues;
}

function walk(
  schema: JsonSchema,
  value: unknown,
  path: Array<string | number>,
  at: string,
  out: SchemaIssue[],
): void {
  const fail = (keyword: string, message: string, extra: Array<string | number> = []): void => {
    out.push({ path: [...path, ...extra], keyword, schemaPath: `${at}/${keyword}`, message });
  };

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) {
      fail("type", `must be ${types.join(" or ")}, not ${typeOf(value)}`);
      return;
    }
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    fail("enum", `must be one of: ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`);
    return;
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength)
      fail("minLength", `must be at least ${schema.minLength} characters long`);
    if (schema.maxLength !== undefined && length > schema.maxLength)
      fail("maxLength", `must be at most ${schema.maxLength} characters long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value))
      fail("pattern", `must match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      fail("minimum", `must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      fail("maximum", `must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    for (const [i, v] of value.entries()) walk(items, v, [...path, i], `${at}/items`, out);
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(obj, name)) fail("required", `is required`, [name]);
    }
    for (const [name, v] of Object.entries(obj)) {
      if (schema.propertyNames) {
        const nameIssues = validate(schema.propertyNames, name);
        if (nameIssues.length > 0)
          out.push({
            path: [...path, name],
            keyword: "propertyNames",
            schemaPath: `${at}/propertyNames`,
            message: `is not a valid name: ${nameIssues[0]?.message}`,
          });
      }
      const declared = own(schema.properties, name);
      if (declared) walk(declared, v, [...path, name], `${at}/properties/${name}`, out);
      else if (schema.additionalProperties === false)
        fail("additionalProperties", "is not a known key", [name]);
      else if (typeof schema.additionalProperties === "object")
        walk(schema.additionalProperties, v, [...path, name], `${at}/additionalProperties`, out);
    }
  }
}

/** The schema of the value at `path` (map entries through additionalProperties), if any. */
export function schemaAt(schema: JsonSchema, path: ReadonlyArray<string | number>): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === "number") current = current.items;
    else
      current =
        own(current.properties, step) ??
        (typeof current.additionalProperties === "object" ? current.additionalProperties : undefined);
  }
  return current;
}

/** An object schema whose entries are free-named (a map: slug → entry), as opposed to a record of fields. */
export const isMap = (schema: JsonSchema | undefined): boolean =>
  schema !== undefined && schema.properties === undefined && typeof schema.additionalProperties === "object";

/** The value a schema describes when nothing is set: its `default`, or an object of its fields' defaults. */
export function defaultOf(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(schema.properties)) {
      const d = defaultOf(sub);
      if (d !== undefined) out[name] = d;
    }
    return out;
  }
  return undefined;
}

/** Fills the fields an object leaves out with their defaults, recursively (maps: each entry). */
export function withDefaults(schema: JsonSchema, value: unknown): unknown {
  if (typeOf(value) !== "object") return value;
  const obj = { ...(value as Record<string, unknown>) };
  if (schema.properties) {
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (!Object.hasOwn(obj, name)) {
        const d = defaultOf(sub);
        if (d !== undefined) obj[name] = d;
      } else obj[name] = withDefaults(sub, obj[name]);
    }
  } else if (typeof schema.additionalProperties === "object") {
    const entry = schema.additionalProperties;
    for (const [name, v] of Object.entries(obj)) define(obj, name, withDefaults(entry, v));
  }
  return obj;
}
