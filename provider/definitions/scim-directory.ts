import { z } from "zod";
import type {
  ScimDirectoryObject,
  ScimGroupRoleMappingObject,
  UpdateScimDirectoryBody,
} from "../../sdk/schemas";
import { noControlCharacters, nonEmptyString } from "../inputs";
import type { ScimDirectoryArgs } from "../resources/scim-directory";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { deepEqual } from "../runtime/equality";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<ScimDirectoryArgs, typeof inputs>>;

const mapping = z.strictObject({ scimGroupId: nonEmptyString(255), roleId: nonEmptyString(255) });

const inputs = z
  .strictObject({
    enterpriseConnectionId: nonEmptyString(255),
    provider: nonEmptyString(255),
    name: nonEmptyString(255).optional(),
    enabled: z.boolean().optional(),
    groupRoleMappingEnabled: z.boolean().optional(),
    attributeMapping: z
      .record(z.string().min(1).superRefine(noControlCharacters), nonEmptyString(1024))
      .optional(),
    groupRoleMappings: z.array(mapping).optional(),
    rotateApiKey: z.union([z.number(), z.string()], { message: "must be a number or a string" }).optional(),
  })
  .superRefine((v, ctx) => {
    const groups = (v.groupRoleMappings ?? []).map((m) => m.scimGroupId);
    groups.forEach((g, i) => {
      if (groups.indexOf(g) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["groupRoleMappings", i, "scimGroupId"],
          message: "maps a group that an earlier mapping maps already",
        });
    });
    // Clerk refuses mappings on a directory where group-to-role mapping is off.
    if (groups.length > 0 && v.groupRoleMappingEnabled !== true) {
      ctx.addIssue({
        code: "custom",
        path: ["groupRoleMappingEnabled"],
        message: "must be true when groupRoleMappings are declared",
      });
    }
  });

/** A directory as the provider sees it: Clerk's object plus its mappings, when read. */
type Api = ScimDirectoryObject & { group_role_mappings?: ScimGroupRoleMappingObject[] | undefined };

const mappingsOf = (list: readonly ScimGroupRoleMappingObject[]) =>
  [...list]
    .sort((a, b) => a.precedence - b.precedence)
    .map((m) => ({ scimGroupId: m.scim_group_id, roleId: m.role?.id }));

/** Declared attribute-mapping keys only: Clerk keeps defaults for the rest. */
function sameDeclaredKeys(live: unknown, desired: unknown): boolean {
  if (desired === null || typeof desired !== "object" || live === null || typeof live !== "object")
    return deepEqual(live, desired);
  const have = live as Record<string, unknown>;
  return Object.entries(desired).every(([k, v]) => have[k] === v);
}

/** The PATCH body of what changed (attribute mapping: the declared keys whose values differ). */
function changedBody(news: Inputs, olds: Partial<Inputs>): UpdateScimDirectoryBody {
  const b: UpdateScimDirectoryBody = {};
  if (news.name !== undefined && news.name !== olds.name) b.name = news.name;
  if (news.provider !== olds.provider) b.provider = news.provider;
  if (news.enabled !== undefined && news.enabled !== olds.enabled) b.enabled = news.enabled;
  if (
    news.groupRoleMappingEnabled !== undefined &&
    news.groupRoleMappingEnabled !== olds.groupRoleMappingEnabled
  )
    b.group_role_mapping_enabled = news.groupRoleMappingEnabled;
  const have = olds.attributeMapping ?? {};
  const changed = Object.entries(news.attributeMapping ?? {}).filter(([k, v]) => have[k] !== v);
  if (changed.length > 0) b.attribute_mapping = Object.fromEntries(changed);
  return b;
}

const wireMappings = (list: Inputs["groupRoleMappings"] & {}) =>
  list.map((m) => ({ scim_group_id: m.scimGroupId, role_id: m.roleId }));

/** PATCH, then the mappings (which need group-to-role mapping on): what update and create share. */
async function apply(
  { client }: OperationContext,
  id: string,
  news: Inputs,
  olds: Partial<Inputs>,
): Promise<Api | undefined> {
  const patch = changedBody(news, olds);
  let api: Api | undefined =
    Object.keys(patch).length > 0 ? await client.scimDirectories.update(id, patch) : undefined;
  if (news.groupRoleMappings !== undefined && !deepEqual(news.groupRoleMappings, olds.groupRoleMappings)) {
    const mappings = await client.scimDirectories.replaceGroupRoleMappings(id, {
      mappings: wireMappings(news.groupRoleMappings),
    });
    api = { ...(api ?? (await client.scimDirectories.get(id))), group_role_mappings: mappings };
  }
  return api;
}

async function readFull({ client }: OperationContext, id: string): Promise<Api | undefined> {
  const [api, mappings] = await Promise.all([
    orUndefined(client.scimDirectories.get(id)),
    orUndefined(client.scimDirectories.listGroupRoleMappings(id)),
  ]);
  return api === undefined ? undefined : { ...api, group_role_mappings: mappings };
}

/** Fills what a partial answer lacks: the mappings (one GET) when they were not part of it. */
async function complete(ctx: OperationContext, api: Api): Promise<Api> {
  if (api.group_role_mappings !== undefined) return api;
  return { ...api, group_role_mappings: await ctx.client.scimDirectories.listGroupRoleMappings(api.id) };
}

async function create(ctx: OperationContext, news: Inputs): Promise<Api> {
  const created = await ctx.client.scimDirectories.create({
    enterprise_connection_id: news.enterpriseConnectionId,
    provider: news.provider,
    ...(news.name !== undefined ? { name: news.name } : {}),
  });
  try {
    const olds: Partial<Inputs> = {
      name: created.name,
      provider: created.provider,
      enabled: created.enabled,
      groupRoleMappingEnabled: created.group_role_mapping_enabled,
      attributeMapping: (created.attribute_mapping ?? {}) as Record<string, string>,
      groupRoleMappings: [],
    };
    const applied = await apply(ctx, created.id, news, olds);
    // Only the create answer carries the API key.
    return await complete(ctx, { ...(applied ?? created), api_key: created.api_key });
  } catch (e) {
    // All or nothing: a directory left half-configured (and with a key nobody recorded) is worse than none.
    await ctx.client.scimDirectories.delete(created.id).catch(() => undefined);
    throw e;
  }
}

async function update(ctx: OperationContext, id: string, news: Inputs, olds: Partial<Inputs>): Promise<Api> {
  const applied = await apply(ctx, id, news, olds);
  if (news.rotateApiKey !== undefined && news.rotateApiKey !== olds.rotateApiKey) {
    // Repeating a rotation is harmless (the last answer's key is the valid one): the sdk may retry it.
    const rotated = await ctx.client.scimDirectories.rotateApiKey(id, { idempotent: true });
    return complete(ctx, { ...rotated, group_role_mappings: applied?.group_role_mappings });
  }
  const api = applied ?? (await ctx.client.scimDirectories.get(id));
  // PATCH and GET never carry the key: the one in state stays valid.
  const kept = (olds as { apiKey?: string }).apiKey;
  return complete(ctx, { ...api, api_key: kept ?? null });
}

/** @internal */
export const scimDirectoryDefinition: ResourceDefinition<Inputs, Api> = {
  type: "ScimDirectory",
  inputs,
  // Clerk's PATCH does not take the enterprise connection.
  replaceOnChange: ["enterpriseConnectionId"],
  writeOnly: ["rotateApiKey"],
  partialObjects: ["attributeMapping"],
  equals: { attributeMapping: sameDeclaredKeys },
  id: (api) => api.id,
  toInputs: (api) => ({
    enterpriseConnectionId: api.enterprise_connection_id ?? undefined,
    provider: api.provider,
    name: api.name,
    enabled: api.enabled,
    groupRoleMappingEnabled: api.group_role_mapping_enabled,
    attributeMapping: api.attribute_mapping
      ? (Object.fromEntries(Object.entries(api.attribute_mapping).filter(([, v]) => v !== null)) as Record<
          string,
          string
        >)
      : undefined,
    groupRoleMappings: api.group_role_mappings
      ? (mappingsOf(api.group_role_mappings) as Inputs["groupRoleMappings"])
      : undefined,
  }),
  toComputed: (api) => ({
    // Only create and rotate_api_key answer with the key; absent here, state keeps the recorded one.
    ...(api.api_key ? { apiKey: api.api_key } : {}),
    endpointUrl: api.endpoint_url,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create,
  // No findExisting: whether Clerk allows one directory per enterprise connection is not documented, so
  // a lookup by connection could adopt someone else's directory after a lost create answer.
  read: readFull,
  update,
  delete: async ({ client }, id) => {
    await client.scimDirectories.delete(id);
  },
  export: {
    title: "SCIM directories",
    // The listing carries no mappings: one more request per directory (directories are few).
    list: async (ctx) => Promise.all((await ctx.client.scimDirectories.list()).map((d) => complete(ctx, d))),
    key: (api) => api.name,
    unexported: () => [
      {
        field: "apiKey",
        reason:
          "Clerk shows it only at creation or rotation; set rotateApiKey to issue a new one (the old one then expires after a short grace period)",
      },
    ],
  },
};
