import { paramValueInvalid } from "../errors";
import type { Route } from "../router";
import type { Store } from "../store";
import type { RoleRecord } from "../types";
import { mustFind, ok, pagedList } from "./common";

const CREATOR_PERMISSION = "org:sys_memberships:manage";

export const render = (store: Store) => (r: RoleRecord) => {
  const permissions = r.permissions.flatMap((id) => {
    const p = store.permissions.get(id);
    return p ? [{ object: "permission", ...p }] : [];
  });
  return {
    object: "role",
    id: r.id,
    name: r.name,
    key: r.key,
    description: r.description,
    is_creator_eligible: permissions.some((p) => p.key === CREATOR_PERMISSION),
    permissions,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
};

export const organizationRoleRoutes: Route[] = [
  {
    method: "GET",
    path: "/organization_roles",
    handler: ({ store, query }) => {
      const q = query.get("query")?.toLowerCase();
      const orderBy = query.get("order_by") ?? "-created_at";
      const m = /^([+-]?)(created_at|name|key)$/.exec(orderBy);
      if (!m)
        throw paramValueInvalid(
          "order_by",
          "order_by must be created_at, name or key, optionally prefixed with + or -.",
        );
      const dir = m[1] === "-" ? -1 : 1;
      const key = m[2] as "created_at" | "name" | "key";
      // Stable sort: seeded roles share a timestamp and keep their seeded order (admin, member).
      const items = store.roles
        .list()
        .filter(
          (r) => !q || r.id.toLowerCase() === q || r.name.toLowerCase().includes(q) || r.key.includes(q),
        )
        .sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : 0));
      return pagedList(items, query, render(store));
    },
  },
  {
    method: "GET",
    path: "/organization_roles/{organization_role_id}",
    handler: ({ store, params }) =>
      ok(
        render(store)(mustFind(store.roles.get(params.organization_role_id as string), "organization role")),
      ),
  },
];
