import { z } from "zod";

// Response schemas use z.object (unknown keys are dropped, not rejected): Clerk adds fields over time
// and a new field must not break a refresh. Request-body schemas state what this client sends (the
// endpoints take their types from them); they use z.strictObject where the spec says
// `additionalProperties: false`. The emulator validates requests with its own schemas, written apart
// from these on purpose (emulator/README.md, "Request validation").
// Names: the type of an object Clerk answers ends in `Object` (`JwtTemplateObject`), so it never
// clashes with the resource class of the same name (`JwtTemplate`); its schema ends in `Schema`
// (`JwtTemplateSchema`), a request body's type in `Body` (`CreateJwtTemplateBody`).

/** A value of an open enum that is not among its known values. */
export interface UnknownEnumValue {
  value: string;
  known: readonly string[];
}

// Parsing is synchronous, so one sink at a time is enough: set around a single safeParse call.
let unknownEnumSink: ((u: UnknownEnumValue) => void) | undefined;

/** Runs `parse` and collects the values that open enums met but did not know. */
export function collectUnknownEnumValues<R>(parse: () => R): { result: R; unknown: UnknownEnumValue[] } {
  const unknown: UnknownEnumValue[] = [];
  const previous = unknownEnumSink;
  unknownEnumSink = (u) => unknown.push(u);
  try {
    return { result: parse(), unknown };
  } finally {
    unknownEnumSink = previous;
  }
}

/**
 * An enum in a *response*: the known values are kept in the type for autocompletion, but any string
 * is accepted, because Clerk may add a value before the spec (and this package) learns about it. An
 * unknown value is reported to `collectUnknownEnumValues`, never refused.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const known: readonly string[] = values;
  return z
    .string()
    .check((ctx) => {
      if (!known.includes(ctx.value)) unknownEnumSink?.({ value: ctx.value, known });
    })
    .describe(`one of: ${values.join(", ")}`) as unknown as z.ZodType<T[number] | (string & {}), string>;
}

/** Unix timestamp as Clerk sends it (an integer; milliseconds for most objects). */
export const TimestampSchema = z.number().int();

/**
 * A Clerk list in either shape, normalised to `{ data, total_count }`: the `{ data, total_count }`
 * envelope, or a plain array (then `total_count` is absent). Which one comes back depends on the
 * endpoint and on `paginated=true`, and the spec is wrong about some of them.
 */
export function paginatedListSchema<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (body) => (Array.isArray(body) ? { data: body } : body),
    z.object({ data: z.array(item), total_count: z.number().int().optional() }),
  );
}

/**
 * The path of a list-schema issue in the body Clerk actually sent: a plain array was read as
 * `{ data: [...] }`, so its leading `data` is not part of what Clerk sent.
 */
export function pathInBody(body: unknown, path: readonly PropertyKey[]): readonly PropertyKey[] {
  return Array.isArray(body) && path[0] === "data" ? path.slice(1) : path;
}

export const DeletedObjectSchema = z.object({
  object: z.string(),
  id: z.string().optional(),
  slug: z.string().optional(),
  deleted: z.boolean(),
  external_id: z.string().optional(),
});
export type DeletedObject = z.infer<typeof DeletedObjectSchema>;

export const ClerkErrorSchema = z.object({
  message: z.string(),
  long_message: z.string(),
  code: z.string(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type ClerkError = z.infer<typeof ClerkErrorSchema>;

export const ClerkErrorsSchema = z.object({
  errors: z.array(ClerkErrorSchema),
  meta: z.record(z.string(), z.unknown()).optional(),
  clerk_trace_id: z.string().optional(),
});
export type ClerkErrors = z.infer<typeof ClerkErrorsSchema>;
