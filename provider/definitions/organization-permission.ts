import { z } from "zod";
import type { CreateOrganizationPermissionBody, PermissionObject } from "../../sdk/schemas";
import { permissionKey, SYSTEM_PERMISSION_PREFIX } from "../authz-keys";
import { nonEmptyString } from "../inputs";
import type { OrganizationPermissionArgs } from "../resources/organization-permission";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationPermissionArgs, typeof inputs>>;

const inputs = z.strictObject({
  key: permissionKey.refine((k) => !k.startsWith(SYSTEM_PERMISSION_PREFIX), {
    message: `must not begin with "${SYSTEM_PERMISSION_PREFIX}", which Clerk reserves for its system permissions`,
  }),
  name: nonEmptyString(256),
  description: z.string().max(1024).optional(),
});

/** Every declared field (a description left out is Clerk's to keep). */
const body = (news: Inputs): CreateOrganizationPermissionBody => ({
  key: news.key,
  name: news.name,
  ...(news.description !== undefined ? { description: news.description } : {}),
});

/** @internal */
export const organizationPermissionDefinition: ResourceDefinition<Inputs, PermissionObject> = {
  type: "OrganizationPermission",
  inputs,
  replaceOnChange: [],
  id: (api) => api.id,
  toInputs: (api) => ({
    key: api.key,
    name: api.name,
    // Clerk answers "" for a permission made without one.
    description: api.description || undefined,
  }),
  toComputed: (api) => ({ createdAt: api.created_at, updatedAt: api.updated_at }),
  create: ({ client }, news) => client.organizationPermissions.create(body(news)),
  // Keys are unique per instance.
  findExisting: async ({ client }, news) =>
    onlyMatch(await client.organizationPermissions.list(), (p) => p.key === news.key),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.organizationPermissions.get(id)),
  update: ({ client }, id, news) => client.organizationPermissions.update(id, body(news)),
  delete: async ({ client }, id) => {
    await client.organizationPermissions.delete(id);
  },
  export: {
    title: "Organization permissions",
    // Clerk's system permissions (`org:sys_…`) exist in every instance and cannot be managed.
    list: async ({ client }) =>
      (await client.organizationPermissions.list()).filter(
        (p) => !p.key.startsWith(SYSTEM_PERMISSION_PREFIX),
      ),
    key: (api) => api.key,
  },
};
