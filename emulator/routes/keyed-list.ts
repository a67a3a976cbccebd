import { orderBy } from "./common";

interface Keyed {
  id: string;
  name: string;
  key: string;
  created_at: number;
}

/**
 * The `query` and `order_by` parameters the roles, permissions and role sets lists share: `query`
 * matches an id exactly or a name/key partially; `order_by` is created_at, name or key with an optional
 * +/- (default `-created_at`). Ties keep creation order either way: seeded objects share a timestamp.
 */
export function searchAndSort<T extends Keyed>(items: T[], query: URLSearchParams): T[] {
  const q = query.get("query")?.toLowerCase();
  const sort = orderBy<T>(
    query,
    { created_at: (r) => r.created_at, name: (r) => r.name, key: (r) => r.key },
    "creation",
  );
  return sort(
    items.filter(
      (r) => !q || r.id.toLowerCase() === q || r.name.toLowerCase().includes(q) || r.key.includes(q),
    ),
  );
}
