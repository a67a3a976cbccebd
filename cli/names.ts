/**
 * Pulumi resource names for exported objects: readable (from the natural key: identifier, URL,
 * template name …) and stable across exports, so re-exporting an instance yields the same program.
 */

const MAX = 60;

/** `https://app.example.com/cb` → `app-example-com-cb`; `ceo@example.com` → `ceo-at-example-com`. */
export function slug(key: string): string {
  const s = key
    .toLowerCase()
    // The https scheme is noise in a name; custom schemes (`myapp://`) say something, so they stay.
    .replace(/^https?:\/\//, "")
    .replace(/@/g, "-at-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, MAX).replace(/-+$/, "");
}

export interface Nameable {
  /** The natural key the name is made from. */
  key: string;
  /** Clerk id: the fallback name, and the last tie-breaker. */
  id: string;
  /** Creation time: among equal names the oldest object keeps the plain one. */
  createdAt?: number | undefined;
}

/**
 * One unique name per object of one type. Collisions (`a.com/x` and `a-com-x`, two OAuth apps called
 * "Web") are resolved by age: the oldest keeps the plain name, later ones get `-2`, `-3` … Ordering by
 * age rather than by id or position means a new object never renames an existing one.
 */
export function assignNames<T extends Nameable>(items: readonly T[]): Map<T, string> {
  const ordered = [...items].sort(
    (a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const taken = new Set<string>();
  const names = new Map<T, string>();
  for (const item of ordered) {
    const base = slug(item.key) || slug(item.id) || "object";
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(item, name);
  }
  return names;
}
