import { paramValueInvalid } from "../errors";

interface Keyed {
  id: string;
  name: string;
  key: string;
  created_at: number;
}

/**
 * The `query` and `order_by` parameters the roles, permissions and role sets lists share: `query`
 * matches an id exactly or a name/key partially; `order_by` is created_at, name or key with an optional
 * +/- (default `-created_at`). The sort is stable: seeded objects share a timestamp and keep their order.
 */
export function searchAndSort<T extends Keyed>(items: T[], query: URLSearchParams): T[] {
  const q = query.get("query")?.toLowerCase();
  const orderBy = query.get("order_by") ?? "-created_at";
  const m = /^([+-]?)(created_at|name|key)$/.exec(orderBy);
  if (!m)
    throw paramValueInvalid(
      "order_by",
      "order_by must be created_at, name or key, optionally prefixed with + or -.",
    );
  const dir = m[1] === "-" ? -1 : 1;
  const field = m[2] as "created_at" | "name" | "key";
  return items
    .filter((r) => !q || r.id.toLowerCase() === q || r.name.toLowerCase().includes(q) || r.key.includes(q))
    .sort((a, b) => (a[field] < b[field] ? -dir : a[field] > b[field] ? dir : 0));
}
