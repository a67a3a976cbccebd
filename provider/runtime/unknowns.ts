/**
 * During preview an input that depends on another resource's output is not known yet; the dynamic
 * provider host hands it to us as this sentinel string (see docs/architecture.md, "Unknowns in preview"). check and diff must let it
 * through: it is neither valid nor invalid, and a field holding it counts as changed.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True if the value at `path`, or any object on the way to it, is unknown. */
export function isUnknownAt(root: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = root;
  if (isUnknown(cur)) return true;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
    if (isUnknown(cur)) return true;
  }
  return false;
}

/** True if the value holds an unknown anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}
