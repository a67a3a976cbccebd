import { z } from "zod";
import { identifierExists, notFound, paramFormatInvalid, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { RoleRecord, RoleSetRecord } from "../types";
import { parseBody } from "../validate";
import { deleted, mustFind, ok, pagedList } from "./common";
import { searchAndSort } from "./keyed-list";
import { MAX_ROLES_PER_SET } from "./organization-roles";

const ROLE_SET_KEY = /^role_set:[a-z0-9_]+$/;
const CREATOR_PERMISSION = "org:sys_memberships:manage";

const CreateBody = z.strictObject({
  name: z.string().min(1),
  key: z.string().optional(),
  description: z.string().nullable().optional(),
  default_role_key: z.string(),
  creator_role_key: z.string(),
  type: z.enum(["initial", "custom"]).optional(),
  roles: z.array(z.string()),
});
const UpdateBody = z.object({
  name: z.string().min(1).nullable().optional(),
  key: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  type: z.enum(["initial"]).nullable().optional(),
  default_role_key: z.string().nullable().optional(),
  creator_role_key: z.string().nullable().optional(),
});
const AddRolesBody = z.object({
  role_keys: z.array(z.string()),
  default_role_key: z.string().optional(),
  creator_role_key: z.string().optional(),
});
const ReplaceRoleBody = z.object({ role_key: z.string(), to_role_key: z.string() });
const ReplaceSetBody = z.object({
  dest_role_set_key: z.string(),
  reassignment_mappings: z.record(z.string(), z.string()).optional(),
});

const renderItem = (r: RoleRecord) => ({
  object: "role_set_item",
  id: r.id,
  name: r.name,
  key: r.key,
  description: r.description,
  members_count: 0,
  has_members: false,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const render = (store: Store) => (s: RoleSetRecord) => {
  const item = (id: string) => {
    const r = store.roles.get(id);
    return r ? renderItem(r) : null;
  };
  return {
    object: "role_set",
    id: s.id,
    name: s.name,
    key: s.key,
    description: s.description,
    roles: s.role_ids.flatMap((id) => item(id) ?? []),
    default_role: item(s.default_role_id),
    creator_role: item(s.creator_role_id),
    type: s.type,
    role_set_migration: null,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
};

/** Paths take a role set's key or its id. */
const findSet = (store: Store, keyOrId: string): RoleSetRecord =>
  mustFind(store.roleSets.get(keyOrId) ?? store.roleSets.find((s) => s.key === keyOrId), "role set");

function roleIdsOf(store: Store, param: string, keys: string[]): string[] {
  return keys.map((key, i) => {
    const role = store.roles.find((r) => r.key === key);
    if (!role)
      throw paramValueInvalid(`${param}[${i}]`, `${key} is not an organization role of this instance.`);
    return role.id;
  });
}

function checkSize(param: string, count: number) {
  if (count < 1 || count > MAX_ROLES_PER_SET)
    throw paramValueInvalid(
      param,
      `A role set must contain at least one role and no more than ${MAX_ROLES_PER_SET}.`,
    );
}

/** The id of `key` among the set's roles; the creator role must also be able to manage members. */
function memberRole(store: Store, roleIds: string[], param: string, key: string, creator = false): string {
  const id = roleIds.find((r) => store.roles.get(r)?.key === key);
  if (!id) throw paramValueInvalid(param, `${param} must be one of the roles in the role set.`);
  if (creator) {
    const keys = (store.roles.get(id)?.permissions ?? []).map((p) => store.permissions.get(p)?.key);
    if (!keys.includes(CREATOR_PERMISSION))
      throw paramValueInvalid(param, `The creator role must include the ${CREATOR_PERMISSION} permission.`);
  }
  return id;
}

function checkKey(store: Store, key: string, self?: string) {
  if (!ROLE_SET_KEY.test(key))
    throw paramFormatInvalid(
      "key",
      "key must start with 'role_set:' and contain only lowercase alphanumeric characters and underscores.",
    );
  if (store.roleSets.find((s) => s.key === key && s.id !== self)) throw identifierExists("key");
}

/** Only one initial role set: making one initial makes the others custom. */
function demoteOthers(store: Store, self: string) {
  for (const s of store.roleSets.list())
    if (s.id !== self && s.type === "initial") store.roleSets.update(s.id, { type: "custom" });
}

export const roleSetRoutes: Route[] = [
  {
    method: "GET",
    path: "/role_sets",
    handler: ({ store, query }) =>
      pagedList(searchAndSort(store.roleSets.list(), query), query, render(store)),
  },
  {
    method: "POST",
    path: "/role_sets",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const key = input.key ?? `role_set:${input.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}`;
      checkKey(store, key);
      checkSize("roles", input.roles.length);
      const roleIds = [...new Set(roleIdsOf(store, "roles", input.roles))];
      const now = Date.now();
      const record: RoleSetRecord = {
        id: newId(ID_PREFIX.roleSet),
        key,
        name: input.name,
        description: input.description ?? null,
        type: input.type ?? "custom",
        role_ids: roleIds,
        default_role_id: memberRole(store, roleIds, "default_role_key", input.default_role_key),
        creator_role_id: memberRole(store, roleIds, "creator_role_key", input.creator_role_key, true),
        created_at: now,
        updated_at: now,
      };
      return store.batch(() => {
        if (record.type === "initial") demoteOthers(store, record.id);
        return ok(render(store)(store.roleSets.insert(record)));
      });
    },
  },
  {
    method: "GET",
    path: "/role_sets/{role_set_key_or_id}",
    handler: ({ store, params }) => ok(render(store)(findSet(store, params.role_set_key_or_id as string))),
  },
  {
    method: "PATCH",
    path: "/role_sets/{role_set_key_or_id}",
    handler: ({ store, params, body }) => {
      const set = findSet(store, params.role_set_key_or_id as string);
      const input = parseBody(UpdateBody, body);
      const patch: Partial<RoleSetRecord> = { updated_at: Date.now() };
      if (input.key != null) {
        checkKey(store, input.key, set.id);
        patch.key = input.key;
      }
      if (input.name != null) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.default_role_key != null)
        patch.default_role_id = memberRole(store, set.role_ids, "default_role_key", input.default_role_key);
      if (input.creator_role_key != null)
        patch.creator_role_id = memberRole(
          store,
          set.role_ids,
          "creator_role_key",
          input.creator_role_key,
          true,
        );
      if (input.type === "initial") patch.type = "initial";
      return store.batch(() => {
        if (patch.type === "initial") demoteOthers(store, set.id);
        return ok(render(store)(store.roleSets.update(set.id, patch) as RoleSetRecord));
      });
    },
  },
  {
    method: "POST",
    path: "/role_sets/{role_set_key_or_id}/roles",
    handler: ({ store, params, body }) => {
      const set = findSet(store, params.role_set_key_or_id as string);
      const input = parseBody(AddRolesBody, body);
      checkSize("role_keys", input.role_keys.length);
      const added = roleIdsOf(store, "role_keys", input.role_keys);
      added.forEach((id, i) => {
        if (set.role_ids.includes(id))
          throw paramValueInvalid(`role_keys[${i}]`, `${input.role_keys[i]} is already in the role set.`);
      });
      const roleIds = [...set.role_ids, ...new Set(added)];
      checkSize("role_keys", roleIds.length);
      const patch: Partial<RoleSetRecord> = { role_ids: roleIds, updated_at: Date.now() };
      if (input.default_role_key !== undefined)
        patch.default_role_id = memberRole(store, roleIds, "default_role_key", input.default_role_key);
      if (input.creator_role_key !== undefined)
        patch.creator_role_id = memberRole(store, roleIds, "creator_role_key", input.creator_role_key, true);
      return ok(render(store)(store.roleSets.update(set.id, patch) as RoleSetRecord));
    },
  },
  {
    method: "POST",
    path: "/role_sets/{role_set_key_or_id}/roles/replace",
    handler: ({ store, params, body }) => {
      const set = findSet(store, params.role_set_key_or_id as string);
      const input = parseBody(ReplaceRoleBody, body);
      const from = memberRole(store, set.role_ids, "role_key", input.role_key);
      const to = memberRole(store, set.role_ids, "to_role_key", input.to_role_key);
      if (from === to) throw paramValueInvalid("to_role_key", "to_role_key must differ from role_key.");
      if (from === set.default_role_id || from === set.creator_role_id)
        throw paramValueInvalid(
          "role_key",
          "The default role and the creator role cannot be removed from the role set; change them first.",
        );
      const patch = { role_ids: set.role_ids.filter((id) => id !== from), updated_at: Date.now() };
      return ok(render(store)(store.roleSets.update(set.id, patch) as RoleSetRecord));
    },
  },
  {
    method: "POST",
    path: "/role_sets/{role_set_key_or_id}/replace",
    handler: ({ store, params, body }) => {
      const set = findSet(store, params.role_set_key_or_id as string);
      const input = parseBody(ReplaceSetBody, body);
      const dest = store.roleSets.find((s) => s.key === input.dest_role_set_key);
      if (!dest) throw notFound("role set");
      if (dest.id === set.id)
        throw paramValueInvalid("dest_role_set_key", "A role set cannot be replaced with itself.");
      // Mappings name roles of this set (keys) and roles of the destination (values).
      for (const [from, to] of Object.entries(input.reassignment_mappings ?? {})) {
        if (!set.role_ids.some((id) => store.roles.get(id)?.key === from))
          throw paramValueInvalid("reassignment_mappings", `${from} is not a role of ${set.key}.`);
        if (!dest.role_ids.some((id) => store.roles.get(id)?.key === to))
          throw paramValueInvalid("reassignment_mappings", `${to} is not a role of ${dest.key}.`);
      }
      return store.batch(() => {
        // The instance always has an initial role set: replacing it hands the part to the destination.
        if (set.type === "initial") store.roleSets.update(dest.id, { type: "initial" });
        store.roleSets.delete(set.id);
        return deleted("role_set", set.id);
      });
    },
  },
];
