import { z } from "zod";

/**
 * Validators shared by the configuration-document resources (config-resource.ts). Each runs in
 * `check`, before any request, and names no value in its message.
 */

export const flag = z.boolean().optional();

/** A list of strategies Clerk knows for one identifier, each at most once; `[]` allowed. */
export function strategies<const T extends readonly [string, ...string[]]>(known: T) {
  return z
    .array(z.enum(known))
    .refine((l) => new Set(l).size === l.length, { message: "must not list a strategy twice" })
    .optional();
}

/** A whole number within Clerk's bounds. */
export const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number().int().min(min).max(max).optional();

/** Map-entry names (a custom provider's key, a plan or feature slug): also a dotted path segment. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, {
  message: "must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit",
});

/** An absolute https URL (OAuth endpoints and discovery documents). */
export const httpsUrl = z
  .string()
  .max(2048)
  .refine(
    (v) => {
      try {
        return new URL(v).protocol === "https:";
      } catch {
        return false;
      }
    },
    { message: "must be an https:// URL" },
  )
  .optional();

/** Refuses `min` above `max` when both are declared (and known). */
export function minAtMostMax(min: string, max: string) {
  return (v: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>) => {
    const lo = v[min];
    const hi = v[max];
    if (typeof lo === "number" && typeof hi === "number" && lo > hi) {
      ctx.addIssue({ code: "custom", path: [min], message: `must not be greater than ${max} (${hi})` });
    }
  };
}

/** An application path as Clerk takes it: starts with `/`, `?` or `#`, or is empty. */
export const appPath = z
  .string()
  .max(2048)
  .regex(/^(\/|\?|#|$)/, {
    message: 'must start with "/", "?" or "#" (a path of the application), or be empty',
  })
  .refine((v) => !/\s/.test(v), { message: "must not contain spaces" })
  .optional();
