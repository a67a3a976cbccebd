import { z } from "zod";

// Response schemas use z.object (unknown keys are dropped, not rejected): Clerk adds fields over time
// and a new field must not break a refresh. Request bodies use z.strictObject where the spec says
// `additionalProperties: false`, so the emulator can reject what Clerk would reject.

/**
 * An enum in a *response*: the known values are kept in the type for autocompletion, but any string
 * is accepted, because Clerk may add a value before the spec (and this package) learns about it.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().describe(`one of: ${values.join(", ")}`) as unknown as z.ZodType<
    T[number] | (string & {}),
    string
  >;
}

/** Unix timestamp as Clerk sends it (an integer; milliseconds for most objects). */
export const TimestampSchema = z.number().int();

/** The `{ data, total_count }` list envelope. */
export function paginatedListSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), total_count: z.number().int() });
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
