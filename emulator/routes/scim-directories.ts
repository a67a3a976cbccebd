import { z } from "zod";
import { ClerkErrorAnswer, notFound, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId, randomString } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { ScimDirectoryRecord, ScimGroupRoleMappingRecord } from "../types";
import { parseBody } from "../validate";
import { deleted, mustFind, newestFirst, ok, pagedList } from "./common";
import { frontendApiUrl } from "./frontend";
import { renderRole } from "./organization-roles";

// SCIM directories as Clerk's spec describes them (no official client models them yet). Where the spec
// gives no error code (mappings while group-role mapping is disabled), the code is the emulator's own.

const MappingIn = z.object({
  scim_group_id: z.string().min(1),
  scim_group_display_name: z.string().max(255).optional(),
  role_id: z.string().min(1),
  precedence: z.number().int().min(1).optional(),
});
const CreateBody = z.object({
  enterprise_connection_id: z.string().min(1),
  provider: z.string().min(1),
  name: z.string().optional(),
  group_role_mappings: z.array(MappingIn).optional(),
});
const UpdateBody = z.object({
  name: z.string().optional(),
  enabled: z.boolean().optional(),
  provider: z.string().min(1).optional(),
  attribute_mapping: z.record(z.string(), z.string().nullable()).optional(),
  group_role_mapping_enabled: z.boolean().optional(),
});
const ReplaceBody = z.object({
  mappings: z.array(z.object({ scim_group_id: z.string().min(1), role_id: z.string().min(1) })),
});

const DEFAULT_ATTRIBUTE_MAPPING = {
  user_name: "userName",
  email_address: "emails[primary eq true].value",
  first_name: "name.givenName",
  last_name: "name.familyName",
};

const newApiKey = () => randomString(48);

const render = (store: Store) => (r: ScimDirectoryRecord) => ({
  object: "scim_directory",
  id: r.id,
  name: r.name,
  enterprise_connection_id: r.enterprise_connection_id,
  endpoint_url: `${frontendApiUrl(store)}/scim/v2/${r.id}`,
  provider: r.provider,
  enabled: r.enabled,
  group_role_mapping_enabled: r.group_role_mapping_enabled,
  attribute_mapping: r.attribute_mapping,
  api_key: null,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const renderMapping =
  (store: Store, dir: ScimDirectoryRecord) => (m: ScimGroupRoleMappingRecord, i: number) => {
    const role = store.roles.get(m.role_id);
    return {
      object: "scim_group_role_mapping",
      id: m.id,
      scim_directory_id: dir.id,
      directory_id: dir.id,
      scim_group_id: m.scim_group_id,
      directory_group_id: m.scim_group_id,
      scim_group_display_name: m.scim_group_display_name,
      directory_group_display_name: m.scim_group_display_name,
      ...(role ? { role: renderRole(store)(role) } : {}),
      precedence: i + 1,
      created_at: m.created_at,
      updated_at: m.updated_at,
    };
  };

const mappingList = (store: Store, dir: ScimDirectoryRecord) =>
  ok({
    data: dir.group_role_mappings.map(renderMapping(store, dir)),
    total_count: dir.group_role_mappings.length,
  });

const find = (store: Store, id: string) => mustFind(store.scimDirectories.get(id), "directory");

function requireMappingEnabled(dir: ScimDirectoryRecord) {
  if (!dir.group_role_mapping_enabled)
    throw new ClerkErrorAnswer(400, [
      {
        code: "group_role_mapping_disabled",
        message: "group role mapping is disabled",
        long_message: "Group role mapping must be enabled on the directory.",
      },
    ]);
}

function checkRoles(store: Store, mappings: { role_id: string }[], param: string) {
  mappings.forEach((m, i) => {
    if (!store.roles.has(m.role_id))
      throw paramValueInvalid(
        `${param}[${i}].role_id`,
        `${m.role_id} is not an organization role of this instance.`,
      );
  });
}

/** Mappings in precedence order; an existing mapping of the same group keeps its id. */
function mappings(
  prev: ScimGroupRoleMappingRecord[],
  next: { scim_group_id: string; role_id: string; scim_group_display_name?: string | undefined }[],
): ScimGroupRoleMappingRecord[] {
  const now = Date.now();
  return next.map((m) => {
    const old = prev.find((p) => p.scim_group_id === m.scim_group_id);
    const same = old && old.role_id === m.role_id;
    return {
      id: old?.id ?? newId(ID_PREFIX.scimGroupRoleMapping),
      scim_group_id: m.scim_group_id,
      scim_group_display_name: m.scim_group_display_name ?? old?.scim_group_display_name ?? m.scim_group_id,
      role_id: m.role_id,
      created_at: old?.created_at ?? now,
      updated_at: same ? (old?.updated_at ?? now) : now,
    };
  });
}

export const scimDirectoryRoutes: Route[] = [
  {
    method: "GET",
    path: "/scim_directories",
    handler: ({ store, query }) => pagedList(newestFirst(store.scimDirectories.list()), query, render(store)),
  },
  {
    method: "POST",
    path: "/scim_directories",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      if (!store.enterpriseConnections.has(input.enterprise_connection_id))
        throw paramValueInvalid(
          "enterprise_connection_id",
          `${input.enterprise_connection_id} is not an enterprise connection of this instance.`,
        );
      const given = [...(input.group_role_mappings ?? [])].sort(
        (a, b) => (a.precedence ?? Number.MAX_SAFE_INTEGER) - (b.precedence ?? Number.MAX_SAFE_INTEGER),
      );
      checkRoles(store, given, "group_role_mappings");
      const now = Date.now();
      const rec = store.scimDirectories.insert({
        id: newId(ID_PREFIX.scimDirectory),
        name: input.name ?? "SCIM directory",
        enterprise_connection_id: input.enterprise_connection_id,
        provider: input.provider,
        enabled: true,
        group_role_mapping_enabled: given.length > 0,
        attribute_mapping: { ...DEFAULT_ATTRIBUTE_MAPPING },
        api_key: newApiKey(),
        group_role_mappings: mappings([], given),
        created_at: now,
        updated_at: now,
      });
      return ok({ ...render(store)(rec), api_key: rec.api_key });
    },
  },
  {
    method: "GET",
    path: "/scim_directories/{scim_directory_id}",
    handler: ({ store, params }) => ok(render(store)(find(store, params.scim_directory_id as string))),
  },
  {
    method: "PATCH",
    path: "/scim_directories/{scim_directory_id}",
    handler: ({ store, params, body }) => {
      const id = params.scim_directory_id as string;
      const prev = find(store, id);
      const input = parseBody(UpdateBody, body);
      const attribute_mapping = { ...prev.attribute_mapping };
      for (const [k, v] of Object.entries(input.attribute_mapping ?? {})) {
        if (v === null) delete attribute_mapping[k];
        else attribute_mapping[k] = v;
      }
      const rec = store.scimDirectories.update(id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.provider !== undefined ? { provider: input.provider } : {}),
        ...(input.group_role_mapping_enabled !== undefined
          ? { group_role_mapping_enabled: input.group_role_mapping_enabled }
          : {}),
        attribute_mapping,
        updated_at: Date.now(),
      }) as ScimDirectoryRecord;
      return ok(render(store)(rec));
    },
  },
  {
    method: "DELETE",
    path: "/scim_directories/{scim_directory_id}",
    handler: ({ store, params }) => {
      const id = params.scim_directory_id as string;
      if (!store.scimDirectories.delete(id)) throw notFound("directory");
      return deleted("scim_directory", id);
    },
  },
  {
    method: "POST",
    path: "/scim_directories/{scim_directory_id}/rotate_api_key",
    handler: ({ store, params }) => {
      const id = params.scim_directory_id as string;
      find(store, id);
      const rec = store.scimDirectories.update(id, {
        api_key: newApiKey(),
        updated_at: Date.now(),
      }) as ScimDirectoryRecord;
      return ok({ ...render(store)(rec), api_key: rec.api_key });
    },
  },
  {
    method: "GET",
    path: "/scim_directories/{scim_directory_id}/group_role_mappings",
    handler: ({ store, params }) => mappingList(store, find(store, params.scim_directory_id as string)),
  },
  {
    method: "POST",
    path: "/scim_directories/{scim_directory_id}/group_role_mappings",
    handler: ({ store, params, body }) => {
      const id = params.scim_directory_id as string;
      const dir = find(store, id);
      const input = parseBody(MappingIn, body);
      requireMappingEnabled(dir);
      checkRoles(store, [input], "mappings");
      const others = dir.group_role_mappings.filter((m) => m.scim_group_id !== input.scim_group_id);
      const at = Math.min((input.precedence ?? others.length + 1) - 1, others.length);
      const wanted = [...others.slice(0, at), input, ...others.slice(at)];
      const next = mappings(dir.group_role_mappings, wanted);
      const rec = store.scimDirectories.update(id, { group_role_mappings: next }) as ScimDirectoryRecord;
      const index = next.findIndex((m) => m.scim_group_id === input.scim_group_id);
      return ok(renderMapping(store, rec)(next[index] as ScimGroupRoleMappingRecord, index));
    },
  },
  {
    method: "PUT",
    path: "/scim_directories/{scim_directory_id}/group_role_mappings",
    handler: ({ store, params, body }) => {
      const id = params.scim_directory_id as string;
      const dir = find(store, id);
      const input = parseBody(ReplaceBody, body);
      requireMappingEnabled(dir);
      checkRoles(store, input.mappings, "mappings");
      const groups = input.mappings.map((m) => m.scim_group_id);
      const dup = groups.findIndex((g, i) => groups.indexOf(g) !== i);
      if (dup >= 0)
        throw paramValueInvalid(`mappings[${dup}].scim_group_id`, `${groups[dup]} is mapped more than once.`);
      const rec = store.scimDirectories.update(id, {
        group_role_mappings: mappings(dir.group_role_mappings, input.mappings),
      }) as ScimDirectoryRecord;
      return mappingList(store, rec);
    },
  },
  {
    method: "DELETE",
    path: "/scim_directories/{scim_directory_id}/group_role_mappings/{mapping_id}",
    handler: ({ store, params }) => {
      const id = params.scim_directory_id as string;
      const dir = find(store, id);
      requireMappingEnabled(dir);
      const mid = params.mapping_id as string;
      if (!dir.group_role_mappings.some((m) => m.id === mid)) throw notFound("SCIM group role mapping");
      store.scimDirectories.update(id, {
        group_role_mappings: dir.group_role_mappings.filter((m) => m.id !== mid),
      });
      return ok({ object: "scim_group_role_mapping", id: mid, deleted: true });
    },
  },
];
