/**
 * Fields Clerk sent that the response schema does not know, as paths with list positions folded
 * (`data[].new_field`: once, however many items carry it). Response schemas drop unknown keys, so
 * these are the keys present in the raw body and absent from the parsed value, found by walking both
 * side by side. A plain-array list was parsed as `{ data: [...] }`: the walk follows that.
 */
export function unknownFields(raw: unknown, parsed: unknown, limit = 20): string[] {
  const out = new Set<string>();
  const walk = (r: unknown, p: unknown, path: string) => {
    if (out.size >= limit) return;
    if (Array.isArray(r)) {
      if (Array.isArray(p)) for (const [i, item] of r.entries()) walk(item, p[i], `${path}[]`);
      else if (isObject(p) && Array.isArray(p.data) && path === "") walk(r, p.data, path);
      return;
    }
    if (!isObject(r) || !isObject(p)) return;
    for (const [key, value] of Object.entries(r)) {
      const at = path === "" ? key : `${path}.${key}`;
      if (!(key in p)) {
        if (out.size < limit) out.add(at);
      } else walk(value, p[key], at);
    }
  };
  walk(raw, parsed, "");
  return [...out];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
