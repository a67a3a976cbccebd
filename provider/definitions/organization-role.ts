import { z } from "zod";
import { ClerkApiError } from "../../sdk/errors";
import type { OrganizationRoleObject, UpdateOrganizationRoleBody } from "../../sdk/schemas";
import { permissionKey, roleKey, SYSTEM_ROLE_KEYS } from "../authz-keys";
import { nonEmptyString } from "../inputs";
import type { OrganizationRoleArgs } from "../resources/organization-role";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";
import { isUnknown } from "../runtime/unknowns";

const noDuplicates = (keys: readonly string[]) => new Set(keys).size === keys.length;

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationRoleArgs, typeof inputs>>;

const inputs = z.strictObject({
  key: roleKey,
  name: nonEmptyString(256),
  description: z.string().max(1024).optional(),
  permissions: z
    .array(permissionKey)
    // Keys not known yet during preview (other resources' outputs) all look alike: only known ones count.
    .refine((keys) => noDuplicates(keys.filter((k) => !isUnknown(k))), {
      message: "must not list a permission twice",
    })
    .optional(),
  includeInInitialRoleSet: z.boolean().optional(),
});

/**
 * Clerk takes permission ids; the program gives keys. One listing of the instance's permissions maps
 * them, and an unknown key fails here, before anything is written.
 */
async function permissionIds({ client }: OperationContext, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const all = await client.organizationPermissions.list();
  const missing = keys.filter((k) => !all.some((p) => p.key === k));
  if (missing.length > 0) {
    throw new Error(
      `OrganizationRole.permissions: no organization permission has the key(s) ${missing.map((k) => `"${k}"`).join(", ")}; ` +
        "declare each custom permission with an OrganizationPermission and pass its `key` output, so that " +
        "it exists before the role",
    );
  }
  return keys.map((k) => all.find((p) => p.key === k)?.id as string);
}

/** The declared fields; `permissions`, when declared, replaces the role's permissions in the same PATCH. */
async function updateBody(ctx: OperationContext, news: Inputs): Promise<UpdateOrganizationRoleBody> {
  return {
    key: news.key,
    name: news.name,
    ...(news.description !== undefined ? { description: news.description } : {}),
    ...(news.permissions !== undefined ? { permissions: await permissionIds(ctx, news.permissions) } : {}),
  };
}

const isSystemRole = (key: unknown) => typeof key === "string" && SYSTEM_ROLE_KEYS.includes(key);

/**
 * Clerk refuses to delete a role that is in use; its refusal says little about what to change, so the
 * error adds where a role can be in use, keeping Clerk's code, message and trace id.
 */
function inUseError(e: ClerkApiError, key: unknown): Error {
  const err = new Error(
    `${e.message}. Clerk does not delete a role that is in use: make sure role "${String(key)}" is not ` +
      "OrganizationSettings' creatorRole or domainsDefaultRole, is in no RoleSet's roles, and is held by " +
      "no organization member or pending invitation (reassign them in the dashboard), then run the " +
      "command again",
    { cause: e },
  );
  err.name = e.name;
  return err;
}

/** @internal */
export const organizationRoleDefinition: ResourceDefinition<Inputs, OrganizationRoleObject> = {
  type: "OrganizationRole",
  inputs,
  replaceOnChange: [],
  writeOnly: ["includeInInitialRoleSet"],
  createOnly: ["includeInInitialRoleSet"],
  equals: { permissions: sameSet },
  id: (api) => api.id,
  toInputs: (api) => ({
    key: api.key,
    name: api.name,
    description: api.description ?? undefined,
    permissions: api.permissions.map((p) => p.key).sort(),
  }),
  toComputed: (api) => ({
    isCreatorEligible: api.is_creator_eligible,
    permissionIds: api.permissions.map((p) => p.id),
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: async (ctx, news) => {
    // The roles every instance starts with cannot be made again: declaring one by key adopts it and
    // applies the declared fields, as importId would.
    if (isSystemRole(news.key)) {
      const live = (await ctx.client.organizationRoles.list()).find((r) => r.key === news.key);
      if (live) return ctx.client.organizationRoles.update(live.id, await updateBody(ctx, news));
    }
    return ctx.client.organizationRoles.create({
      key: news.key,
      name: news.name,
      ...(news.description !== undefined ? { description: news.description } : {}),
      ...(news.permissions !== undefined ? { permissions: await permissionIds(ctx, news.permissions) } : {}),
      ...(news.includeInInitialRoleSet !== undefined
        ? { include_in_initial_role_set: news.includeInInitialRoleSet }
        : {}),
    });
  },
  // Keys are unique per instance.
  findExisting: async ({ client }, news) =>
    onlyMatch(await client.organizationRoles.list(), (r) => r.key === news.key),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.organizationRoles.get(id)),
  update: async (ctx, id, news, olds) => {
    // Destroy recognises these roles by key, so a renamed one would be deleted instead of forgotten.
    if (isSystemRole(olds.key) && news.key !== olds.key) {
      throw new Error(
        `OrganizationRole.key: "${String(olds.key)}" is one of the roles every Clerk instance starts with, ` +
          "which this package does not rename; declare a new OrganizationRole with the new key instead",
      );
    }
    return ctx.client.organizationRoles.update(id, await updateBody(ctx, news));
  },
  delete: async ({ client }, id, olds) => {
    if (isSystemRole(olds.key)) {
      // The dynamic-provider host has no logging API; the engine shows its stderr lines as diagnostics.
      console.error(
        `pulumi-clerk: OrganizationRole "${id}" (${String(olds.key)}) is one of the roles every Clerk instance ` +
          "starts with, which this package never deletes: it was removed from the stack and left unchanged in Clerk.",
      );
      return;
    }
    try {
      await client.organizationRoles.delete(id);
    } catch (e) {
      if (e instanceof ClerkApiError && (e.status === 422 || e.status === 403 || e.status === 409))
        throw inUseError(e, olds.key);
      throw e;
    }
  },
  export: {
    title: "Organization roles",
    list: ({ client }) => client.organizationRoles.list(),
    key: (api) => api.key,
    // includeInInitialRoleSet only ever acted at creation: an adopted role loses nothing without it.
    unexported: () => [],
    note: (api) =>
      isSystemRole(api.key)
        ? "A role every instance starts with: adopted only; destroying it only removes it from the stack."
        : undefined,
  },
};
