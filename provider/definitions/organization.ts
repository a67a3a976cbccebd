import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import type { OrganizationMetadataBody, OrganizationObject, UpdateOrganizationBody } from "../../sdk/schemas";
import { jsonObject, nonEmptyString } from "../inputs";
import type { OrganizationArgs } from "../resources/organization";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { deepEqual } from "../runtime/equality";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

/**
 * What Clerk refuses in a name: a URL (`scheme://`) or an HTML tag. Linear in the length, since it also
 * runs on overlong names (a backtracking pattern took most of a minute on 100 000 characters).
 */
const hasUrlOrHtml = (v: string) => v.includes("://") || /<[^<>]*>/.test(v);

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationArgs, typeof inputs>>;

const inputs = z.strictObject({
  name: nonEmptyString(256).refine((v) => !hasUrlOrHtml(v), { message: "may not contain URLs or HTML" }),
  slug: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^[a-z0-9-]+$/, { message: 'must hold only lowercase letters, digits and "-"' })
    .optional(),
  maxAllowedMemberships: z.number().int().min(0).optional(),
  adminDeleteEnabled: z.boolean().optional(),
  publicMetadata: jsonObject.optional(),
  privateMetadata: jsonObject.optional(),
  roleSetKey: nonEmptyString(256).optional(),
  createdBy: z
    .string()
    .trim()
    .regex(/^user_\w+$/, { message: "must be a Clerk user id (user_…)" })
    .optional(),
});

/** Clerk answers `null` for metadata never written: the same as `{}` to a program. */
const metadataOf = (m: Record<string, unknown> | null | undefined) => m ?? {};

/** PATCH fields the program declares with a value that differs from Clerk's. */
function patchBody(news: Inputs, olds: Partial<Inputs>): UpdateOrganizationBody {
  const b: UpdateOrganizationBody = {};
  if (news.name !== olds.name) b.name = news.name;
  if (news.slug !== undefined && news.slug !== olds.slug) b.slug = news.slug;
  if (news.maxAllowedMemberships !== undefined && news.maxAllowedMemberships !== olds.maxAllowedMemberships)
    b.max_allowed_memberships = news.maxAllowedMemberships;
  if (news.adminDeleteEnabled !== undefined && news.adminDeleteEnabled !== olds.adminDeleteEnabled)
    b.admin_delete_enabled = news.adminDeleteEnabled;
  if (news.roleSetKey !== undefined && news.roleSetKey !== olds.roleSetKey) b.role_set_key = news.roleSetKey;
  return b;
}

/**
 * Metadata to PUT: each declared field that differs, whole. PUT replaces a field it carries (so keys the
 * program removed are removed at Clerk) and keeps a field it omits; PATCH /metadata would deep-merge
 * and keep removed keys, and PATCH /organizations no longer takes metadata (API version 2026-05-12).
 */
function metadataBody(news: Inputs, olds: Partial<Inputs>): OrganizationMetadataBody {
  const b: OrganizationMetadataBody = {};
  if (news.publicMetadata !== undefined && !deepEqual(news.publicMetadata, olds.publicMetadata))
    b.public_metadata = news.publicMetadata;
  if (news.privateMetadata !== undefined && !deepEqual(news.privateMetadata, olds.privateMetadata))
    b.private_metadata = news.privateMetadata;
  return b;
}

async function applyChanges(
  client: ClerkClient,
  live: OrganizationObject,
  news: Inputs,
  olds: Partial<Inputs>,
): Promise<OrganizationObject> {
  let api = live;
  const patch = patchBody(news, olds);
  if (Object.keys(patch).length > 0) api = await client.organizations.update(api.id, patch);
  const metadata = metadataBody(news, olds);
  if (Object.keys(metadata).length > 0) api = await client.organizations.replaceMetadata(api.id, metadata);
  return api;
}

function toInputs(api: OrganizationObject): Partial<Inputs> {
  return {
    name: api.name,
    slug: api.slug,
    maxAllowedMemberships: api.max_allowed_memberships,
    adminDeleteEnabled: api.admin_delete_enabled,
    publicMetadata: metadataOf(api.public_metadata),
    // Absent (not null) when Clerk leaves it out of an answer: then the declared value stands.
    ...(api.private_metadata !== undefined ? { privateMetadata: metadataOf(api.private_metadata) } : {}),
    roleSetKey: api.role_set_key ?? undefined,
  };
}

/** @internal */
export const organizationDefinition: ResourceDefinition<Inputs, OrganizationObject> = {
  type: "Organization",
  inputs,
  replaceOnChange: [],
  createOnly: ["createdBy"],
  equals: {
    publicMetadata: (live, want) => deepEqual(live ?? {}, want),
    privateMetadata: (live, want) => deepEqual(live ?? {}, want),
  },
  id: (api) => api.id,
  toInputs,
  toComputed: (api) => ({
    imageUrl: api.image_url || undefined,
    hasImage: api.has_image,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: async ({ client }, news) => {
    const created = await client.organizations.create({
      name: news.name,
      ...(news.slug !== undefined ? { slug: news.slug } : {}),
      ...(news.createdBy !== undefined ? { created_by: news.createdBy } : {}),
      ...(news.maxAllowedMemberships !== undefined
        ? { max_allowed_memberships: news.maxAllowedMemberships }
        : {}),
      ...(news.publicMetadata !== undefined ? { public_metadata: news.publicMetadata } : {}),
      ...(news.privateMetadata !== undefined ? { private_metadata: news.privateMetadata } : {}),
      ...(news.roleSetKey !== undefined ? { role_set_key: news.roleSetKey } : {}),
    });
    // `admin_delete_enabled` is accepted by PATCH only.
    return applyChanges(client, created, news, toInputs(created));
  },
  // Slugs are unique and Clerk's GET takes one. Names are not unique, so without a slug nothing tells
  // what a create whose answer was lost made: say so rather than adopt a look-alike or make a second.
  findExisting: async ({ client }, news) => {
    if (news.slug === undefined)
      throw new Error(
        "an organization without a declared slug has no natural key (names are not unique); declare slug " +
          "so that a lost create can be recovered",
      );
    return orUndefined(client.organizations.get(news.slug));
  },
  // One GET per organization, not a listing: an instance may hold thousands of customer organizations
  // while a program declares a few.
  read: ({ client }, id) => orUndefined(client.organizations.get(id)),
  update: async ({ client }, id, news, olds) => {
    const live = await client.organizations.get(id);
    // Compared with Clerk's values just read, not the recorded ones: PUT and PATCH are cheap, and the
    // program's metadata must converge even if someone changed Clerk's since the last refresh.
    const current = { ...olds, ...toInputs(live) };
    return applyChanges(client, live, news, current);
  },
  delete: async ({ client }, id) => {
    await client.organizations.delete(id);
  },
  export: {
    title: "Organizations",
    optIn: "organizations",
    list: ({ client }) => client.organizations.list(),
    key: (api) => api.slug,
    args: (_api, args) => {
      // Metadata left empty is not worth declaring (and declaring it would wipe what the app writes).
      const { publicMetadata, privateMetadata, ...rest } = args;
      const nonEmpty = (m: unknown) => m !== undefined && Object.keys(m as object).length > 0;
      return {
        ...rest,
        ...(nonEmpty(publicMetadata) ? { publicMetadata } : {}),
        ...(nonEmpty(privateMetadata) ? { privateMetadata } : {}),
      };
    },
    unexported: () => [],
  },
};
