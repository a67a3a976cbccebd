import { z } from "zod";
import type { RoleSetObject, UpdateRoleSetBody } from "../../sdk/schemas";
import { MAX_ROLES_PER_SET, roleKey, roleSetKey } from "../authz-keys";
import { nonEmptyString } from "../inputs";
import type { RoleSetArgs } from "../resources/role-set";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { writeOrConfirm } from "../runtime/confirm";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";
import { isUnknown } from "../runtime/unknowns";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<RoleSetArgs, typeof inputs>>;

const known = (...values: unknown[]) => values.every((v) => !isUnknown(v));

const inputs = z
  .strictObject({
    key: roleSetKey,
    name: nonEmptyString(256),
    description: z.string().max(1024).optional(),
    roles: z.array(roleKey).min(1).max(MAX_ROLES_PER_SET),
    defaultRoleKey: roleKey,
    creatorRoleKey: roleKey,
    type: z.enum(["initial", "custom"]).optional(),
    replaceWith: roleSetKey.optional(),
  })
  .superRefine((v, ctx) => {
    // During preview a role's key may not be known yet: then only Clerk can tell.
    if (!known(...v.roles)) return;
    if (new Set(v.roles).size !== v.roles.length)
      ctx.addIssue({ code: "custom", path: ["roles"], message: "must not list a role twice" });
    for (const field of ["defaultRoleKey", "creatorRoleKey"] as const) {
      if (known(v[field]) && !v.roles.includes(v[field]))
        ctx.addIssue({ code: "custom", path: [field], message: "must be one of roles" });
    }
    if (known(v.key, v.replaceWith) && v.replaceWith === v.key)
      ctx.addIssue({
        code: "custom",
        path: ["replaceWith"],
        message: "must name another role set than this one",
      });
  });

const roleKeys = (api: RoleSetObject) => api.roles.map((r) => r.key);

/**
 * Everything an update will ask of Clerk, checked before its first write so that a refusal never
 * leaves the set half-changed: the roles exist, the creator role can manage members, and the type
 * change is one Clerk can make.
 */
async function validateUpdate(
  { client }: OperationContext,
  live: RoleSetObject,
  news: Inputs,
): Promise<void> {
  if (news.type === "custom" && live.type === "initial") {
    throw new Error(
      `RoleSet.type: "${live.key}" is the instance's initial role set, and Clerk cannot make it custom ` +
        'directly: declare type: "initial" on the role set that should replace it (this one then becomes ' +
        "custom; add dependsOn so that one is updated first), or leave type out here",
    );
  }
  const roles = await client.organizationRoles.list();
  const missing = news.roles.filter((k) => !roles.some((r) => r.key === k));
  if (missing.length > 0) {
    throw new Error(
      `RoleSet.roles: no organization role has the key(s) ${missing.map((k) => `"${k}"`).join(", ")}; ` +
        "declare each custom role with an OrganizationRole and pass its `key` output",
    );
  }
  const creator = roles.find((r) => r.key === news.creatorRoleKey);
  if (creator && !creator.is_creator_eligible) {
    throw new Error(
      `RoleSet.creatorRoleKey: role "${news.creatorRoleKey}" cannot be a creator role: it must grant the ` +
        '"org:sys_memberships:manage" permission',
    );
  }
}

/**
 * Clerk cannot PATCH a set's roles: added roles go through `POST …/roles` (with the new default and
 * creator roles when they are among them), then the PATCH, then each removed role through
 * `…/roles/replace`, which moves its members to the (new) default role. By then the default and
 * creator roles are the declared ones, which are never among the removed.
 */
async function applyUpdate(ctx: OperationContext, id: string, news: Inputs): Promise<RoleSetObject> {
  const sets = ctx.client.roleSets;
  let live = await sets.get(id);
  await validateUpdate(ctx, live, news);
  const have = roleKeys(live);
  const added = news.roles.filter((k) => !have.includes(k));
  const removed = have.filter((k) => !news.roles.includes(k));
  // After a lost answer, the set as it is now tells whether the request acted.
  const confirm = (done: (set: RoleSetObject) => boolean) => async () => {
    const now = await sets.get(id);
    return done(now) ? now : undefined;
  };
  if (added.length > 0) {
    const body = {
      role_keys: added,
      ...(added.includes(news.defaultRoleKey) ? { default_role_key: news.defaultRoleKey } : {}),
      ...(added.includes(news.creatorRoleKey) ? { creator_role_key: news.creatorRoleKey } : {}),
    };
    live = await writeOrConfirm(
      () => sets.addRoles(id, body),
      confirm((set) => added.every((k) => roleKeys(set).includes(k))),
    );
  }
  const patch = patchBody(live, news);
  if (Object.keys(patch).length > 0) live = await sets.update(id, patch);
  for (const roleKey of removed) {
    live = await writeOrConfirm(
      () => sets.replaceRole(id, { role_key: roleKey, to_role_key: news.defaultRoleKey }),
      confirm((set) => !roleKeys(set).includes(roleKey)),
    );
  }
  return live;
}

/** The fields that differ from the live set (the PATCH also refuses roles and a `custom` type). */
function patchBody(live: RoleSetObject, news: Inputs): UpdateRoleSetBody {
  const body: UpdateRoleSetBody = {};
  if (news.name !== live.name) body.name = news.name;
  if (news.key !== live.key) body.key = news.key;
  if (news.description !== undefined && news.description !== (live.description ?? undefined))
    body.description = news.description;
  if (news.type === "initial" && live.type !== "initial") body.type = "initial";
  if (news.defaultRoleKey !== live.default_role?.key) body.default_role_key = news.defaultRoleKey;
  if (news.creatorRoleKey !== live.creator_role?.key) body.creator_role_key = news.creatorRoleKey;
  return body;
}

/**
 * Clerk removes a role set only by replacing it: its organizations move to another set, and members
 * whose role that set lacks get the destination's default role.
 */
async function replaceOnDelete(
  { client }: OperationContext,
  id: string,
  olds: Partial<Inputs>,
): Promise<void> {
  const live = await orUndefined(client.roleSets.get(id));
  if (live === undefined) return;
  const all = await client.roleSets.list();
  const dest = olds.replaceWith
    ? all.find((s) => s.key === olds.replaceWith)
    : all.find((s) => s.type === "initial" && s.id !== live.id);
  if (dest === undefined) {
    throw new Error(
      olds.replaceWith
        ? `RoleSet.replaceWith: no role set has the key "${olds.replaceWith}", so "${live.key}" cannot be ` +
            "replaced; set replaceWith to an existing role set, run `pulumi up`, then delete again"
        : `RoleSet "${live.key}" is the instance's initial role set: Clerk removes a role set only by moving ` +
            "its organizations to another, and by default that is the initial one, itself. Set replaceWith " +
            "to the key of the role set they should move to, run `pulumi up`, then delete again",
    );
  }
  const destRoles = roleKeys(dest);
  const to = dest.default_role?.key;
  const mappings = Object.fromEntries(
    roleKeys(live)
      .filter((k) => !destRoles.includes(k) && to !== undefined)
      .map((k) => [k, to as string]),
  );
  // A repeat after a lost answer is harmless: the set is gone if the first one acted (404, which delete
  // takes as done), else the repeat does it.
  await client.roleSets.replace(
    live.id,
    {
      dest_role_set_key: dest.key,
      ...(Object.keys(mappings).length > 0 ? { reassignment_mappings: mappings } : {}),
    },
    { idempotent: true },
  );
}

/** @internal */
export const roleSetDefinition: ResourceDefinition<Inputs, RoleSetObject> = {
  type: "RoleSet",
  inputs,
  replaceOnChange: [],
  writeOnly: ["replaceWith"],
  equals: { roles: sameSet },
  id: (api) => api.id,
  toInputs: (api) => ({
    key: api.key,
    name: api.name,
    description: api.description ?? undefined,
    roles: roleKeys(api).sort(),
    defaultRoleKey: api.default_role?.key,
    creatorRoleKey: api.creator_role?.key,
    // A type this package does not know yet is not something a program could declare.
    type: api.type === "initial" ? "initial" : api.type === "custom" ? "custom" : undefined,
  }),
  toComputed: (api) => ({ createdAt: api.created_at, updatedAt: api.updated_at }),
  create: ({ client }, news) =>
    client.roleSets.create({
      key: news.key,
      name: news.name,
      ...(news.description !== undefined ? { description: news.description } : {}),
      roles: news.roles,
      default_role_key: news.defaultRoleKey,
      creator_role_key: news.creatorRoleKey,
      ...(news.type !== undefined ? { type: news.type } : {}),
    }),
  // Keys are unique per instance.
  findExisting: async ({ client }, news) =>
    onlyMatch(await client.roleSets.list(), (s) => s.key === news.key),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.roleSets.get(id)),
  update: (ctx, id, news) => applyUpdate(ctx, id, news),
  delete: (ctx, id, olds) => replaceOnDelete(ctx, id, olds),
  export: {
    title: "Role sets",
    list: ({ client }) => client.roleSets.list(),
    key: (api) => api.key,
    // The replacement is the instance's initial set unless the program says otherwise.
    unexported: () => [],
    note: (api) =>
      api.type === "initial"
        ? "The initial role set: destroying it needs replaceWith (the role set its organizations move to)."
        : undefined,
  },
};
