import { z } from "zod";
import { forbidden, identifierExists, notFound, paramFormatInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { PermissionRecord } from "../types";
import { parseBody } from "../validate";
import { deleted, mustFind, ok, pagedList } from "./common";
import { searchAndSort } from "./keyed-list";

const PERMISSION_KEY = /^org:[a-z0-9_]+:[a-z0-9_]+$/;

const CreateBody = z.object({
  name: z.string().min(1),
  key: z.string(),
  description: z.string().optional(),
});
const UpdateBody = CreateBody.partial();

export const renderPermission = (p: PermissionRecord) => ({ object: "permission", ...p });

function checkKey(store: Store, key: string, self?: string) {
  if (!PERMISSION_KEY.test(key) || key.startsWith("org:sys_")) {
    throw paramFormatInvalid(
      "key",
      'key must have the format "org:feature:action" (lowercase letters, digits and underscores), ' +
        'and cannot begin with "org:sys_", which is reserved for system permissions.',
    );
  }
  if (store.permissions.find((p) => p.key === key && p.id !== self)) throw identifierExists("key");
}

function mustBeCustom(store: Store, id: string, verb: string): PermissionRecord {
  const p = mustFind(store.permissions.get(id), "permission");
  if (p.type === "system") throw forbidden("system_permission", `System permissions cannot be ${verb}.`);
  return p;
}

export const organizationPermissionRoutes: Route[] = [
  {
    method: "GET",
    path: "/organization_permissions",
    handler: ({ store, query }) =>
      pagedList(searchAndSort(store.permissions.list(), query), query, renderPermission),
  },
  {
    method: "POST",
    path: "/organization_permissions",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      checkKey(store, input.key);
      const now = Date.now();
      return ok(
        renderPermission(
          store.permissions.insert({
            id: newId(ID_PREFIX.permission),
            name: input.name,
            key: input.key,
            description: input.description ?? "",
            type: "user",
            created_at: now,
            updated_at: now,
          }),
        ),
      );
    },
  },
  {
    method: "GET",
    path: "/organization_permissions/{permission_id}",
    handler: ({ store, params }) =>
      ok(renderPermission(mustFind(store.permissions.get(params.permission_id as string), "permission"))),
  },
  {
    method: "PATCH",
    path: "/organization_permissions/{permission_id}",
    handler: ({ store, params, body }) => {
      const id = params.permission_id as string;
      mustBeCustom(store, id, "updated");
      const input = parseBody(UpdateBody, body);
      if (input.key !== undefined) checkKey(store, input.key, id);
      const patch: Partial<PermissionRecord> = { updated_at: Date.now() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.key !== undefined) patch.key = input.key;
      if (input.description !== undefined) patch.description = input.description;
      return ok(renderPermission(store.permissions.update(id, patch) as PermissionRecord));
    },
  },
  {
    method: "DELETE",
    path: "/organization_permissions/{permission_id}",
    handler: ({ store, params }) => {
      const id = params.permission_id as string;
      mustBeCustom(store, id, "deleted");
      return store.batch(() => {
        // Roles that held it simply lose it.
        for (const r of store.roles.list()) {
          if (r.permissions.includes(id))
            store.roles.update(r.id, { permissions: r.permissions.filter((p) => p !== id) });
        }
        if (!store.permissions.delete(id)) throw notFound("permission");
        return deleted("permission", id);
      });
    },
  },
];
