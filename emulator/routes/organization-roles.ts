import { z } from "zod";
import { ClerkErrorAnswer, identifierExists, notFound, paramFormatInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { RoleRecord } from "../types";
import { parseBody } from "../validate";
import { deleted, mustFind, ok, pagedList } from "./common";
import { searchAndSort } from "./keyed-list";
import { renderPermission } from "./organization-permissions";

const CREATOR_PERMISSION = "org:sys_memberships:manage";
const ROLE_KEY = /^org:[a-z0-9_]+$/;
/** A role set holds at most this many roles. */
export const MAX_ROLES_PER_SET = 10;

const CreateBody = z.strictObject({
  name: z.string().min(1),
  key: z.string(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).nullable().optional(),
  include_in_initial_role_set: z.boolean().nullable().optional(),
});
const UpdateBody = z.object({
  name: z.string().min(1).nullable().optional(),
  key: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  permissions: z.array(z.string()).nullable().optional(),
});

export const renderRole = (store: Store) => (r: RoleRecord) => {
  const permissions = r.permissions.flatMap((id) => {
    const p = store.permissions.get(id);
    return p ? [renderPermission(p)] : [];
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

function checkKey(store: Store, key: string, self?: string) {
  if (!ROLE_KEY.test(key)) {
    throw paramFormatInvalid(
      "key",
      "key must start with 'org:' and contain only lowercase alphanumeric characters and underscores.",
    );
  }
  if (store.roles.find((r) => r.key === key && r.id !== self)) throw identifierExists("key");
}

/** Permission ids, each of which must exist (404 otherwise, as the spec's create and assign answer). */
function checkPermissions(store: Store, ids: string[]): string[] {
  for (const id of ids) if (!store.permissions.has(id)) throw notFound("permission");
  return [...new Set(ids)];
}

/** Why a role cannot be deleted, or undefined. (The emulator has no members or invitations.) */
function usedBy(store: Store, id: string): string | undefined {
  const s = store.organizationSettings.get();
  if (s.creator_role_id === id) return "it is the default creator role";
  if (s.domains_default_role_id === id) return "it is the domain default role";
  const set = store.roleSets.find((rs) => rs.role_ids.includes(id));
  if (set) return `it is in the role set ${set.key}`;
  return undefined;
}

const roleInUse = (why: string) =>
  new ClerkErrorAnswer(422, [
    {
      code: "organization_role_in_use",
      message: "role is in use",
      long_message:
        `This role cannot be deleted because ${why}. A role cannot be deleted while it is the creator ` +
        "role, the domain default role, part of a role set, assigned to members or used in invitations.",
    },
  ]);

export const organizationRoleRoutes: Route[] = [
  {
    method: "GET",
    path: "/organization_roles",
    handler: ({ store, query }) =>
      pagedList(searchAndSort(store.roles.list(), query), query, renderRole(store)),
  },
  {
    method: "POST",
    path: "/organization_roles",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      checkKey(store, input.key);
      const permissions = checkPermissions(store, input.permissions ?? []);
      const now = Date.now();
      return store.batch(() => {
        const role = store.roles.insert({
          id: newId(ID_PREFIX.role),
          name: input.name,
          key: input.key,
          description: input.description ?? null,
          permissions,
          created_at: now,
          updated_at: now,
        });
        if (input.include_in_initial_role_set) {
          const initial = store.roleSets.find((rs) => rs.type === "initial");
          if (initial && initial.role_ids.length < MAX_ROLES_PER_SET) {
            store.roleSets.update(initial.id, { role_ids: [...initial.role_ids, role.id], updated_at: now });
          }
        }
        return ok(renderRole(store)(role));
      });
    },
  },
  {
    method: "GET",
    path: "/organization_roles/{organization_role_id}",
    handler: ({ store, params }) =>
      ok(
        renderRole(store)(
          mustFind(store.roles.get(params.organization_role_id as string), "organization role"),
        ),
      ),
  },
  {
    method: "PATCH",
    path: "/organization_roles/{organization_role_id}",
    handler: ({ store, params, body }) => {
      const id = params.organization_role_id as string;
      mustFind(store.roles.get(id), "organization role");
      const input = parseBody(UpdateBody, body);
      const patch: Partial<RoleRecord> = { updated_at: Date.now() };
      if (input.key != null) {
        checkKey(store, input.key, id);
        patch.key = input.key;
      }
      if (input.name != null) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.permissions != null) patch.permissions = checkPermissions(store, input.permissions);
      return ok(renderRole(store)(store.roles.update(id, patch) as RoleRecord));
    },
  },
  {
    method: "DELETE",
    path: "/organization_roles/{organization_role_id}",
    handler: ({ store, params }) => {
      const id = params.organization_role_id as string;
      mustFind(store.roles.get(id), "organization role");
      const why = usedBy(store, id);
      if (why) throw roleInUse(why);
      store.roles.delete(id);
      return deleted("role", id);
    },
  },
  {
    method: "POST",
    path: "/organization_roles/{organization_role_id}/permissions/{permission_id}",
    handler: ({ store, params }) => {
      const id = params.organization_role_id as string;
      const role = mustFind(store.roles.get(id), "organization role");
      const pid = params.permission_id as string;
      mustFind(store.permissions.get(pid), "permission");
      if (role.permissions.includes(pid)) {
        throw new ClerkErrorAnswer(409, [
          {
            code: "duplicate_record",
            message: "already assigned",
            long_message: "The permission is already assigned to this role.",
          },
        ]);
      }
      const updated = store.roles.update(id, {
        permissions: [...role.permissions, pid],
        updated_at: Date.now(),
      });
      return ok(renderRole(store)(updated as RoleRecord));
    },
  },
  {
    method: "DELETE",
    path: "/organization_roles/{organization_role_id}/permissions/{permission_id}",
    handler: ({ store, params }) => {
      const id = params.organization_role_id as string;
      const role = mustFind(store.roles.get(id), "organization role");
      const pid = params.permission_id as string;
      if (!role.permissions.includes(pid)) throw notFound("permission");
      const updated = store.roles.update(id, {
        permissions: role.permissions.filter((p) => p !== pid),
        updated_at: Date.now(),
      });
      return ok(renderRole(store)(updated as RoleRecord));
    },
  },
];
