import { formatIssuePath } from "./errors";

/**
 * Fields Clerk sent that the response schema does not know. Response schemas drop unknown keys, so
 * these are the keys present in the raw body and absent from the parsed value, found by walking both
 * side by side. A plain-array list was parsed as `{ data: [...] }`: the walk follows that.
 */
export function unknownFields(raw: unknown, parsed: unknown, limit = 20): string[] {
  const out: string[] = [];
  const walk = (r: unknown, p: unknown, path: PropertyKey[]) => {
    if (out.length >= limit) return;
    if (Array.isArray(r)) {
      if (Array.isArray(p)) {
        for (const [i, item] of r.entries()) walk(item, p[i], [...path, i]);
      } else if (isObject(p) && Array.isArray(p.data) && path.length === 0) walk(r, p.data, path);
      return;
    }
    if (!isObject(r) || !isObject(p)) return;
    for (const [key, value] of Object.entries(r)) {
      if (!(key in p)) {
        if (out.length < limit) out.push(formatIssuePath([...path, key]));
      } else walk(value, p[key], [...path, key]);
    }
  };
  walk(raw, parsed, []);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
