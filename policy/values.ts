import { isUnknown, UNKNOWN } from "../provider/runtime/unknowns";

export { isUnknown, UNKNOWN };

/**
 * A resource's properties as plain data, with every value not known during preview replaced by
 * UNKNOWN. The policy SDK hands properties in a proxy that throws on an unknown value, which would stop
 * a rule at the first one; copying through it, catching per value, lets a rule skip just the values it
 * cannot see and still judge the rest (a list with one unknown entry and one `http://` entry).
 */
export function plain(value: unknown): unknown {
  if (isUnknown(value)) return UNKNOWN;
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const key of Object.keys(source)) {
    let v: unknown;
    try {
      v = source[key];
    } catch (e) {
      if (!isUnknownValueError(e)) throw e;
      v = UNKNOWN;
    }
    (out as Record<string, unknown>)[key] = plain(v);
  }
  return out;
}

/** The policy SDK's error for reading an unknown value (it carries the sentinel it met). */
function isUnknownValueError(e: unknown): boolean {
  return e instanceof Error && "unknownTypeSentinel" in e;
}

/** The value as a list, or undefined when it is not one (unset, or unknown as a whole). */
export function listOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
