/** Structural equality for JSON-like values: object key order does not matter, array order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Absent and undefined are the same thing once serialized into Pulumi state.
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** Equality for lists Clerk returns in its own order (scopes, domains): compare as sets. */
export function sameSet(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (Array.isArray(v) ? [...new Set(v.map((x) => JSON.stringify(x)))].sort() : v);
  return deepEqual(norm(a), norm(b));
}

/** Equality for space-separated lists (OAuth scopes as Clerk stores them). */
export function sameWords(a: unknown, b: unknown): boolean {
  const words = (v: unknown) => (typeof v === "string" ? v.split(/\s+/).filter(Boolean) : v);
  return sameSet(words(a), words(b));
}
