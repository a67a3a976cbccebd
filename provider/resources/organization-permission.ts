import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { CreateOrganizationPermissionBody, PermissionObject } from "../../sdk/schemas";
import { permissionKey, SYSTEM_PERMISSION_PREFIX } from "../authz-keys";
import { nonEmptyString } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

export interface OrganizationPermissionArgs extends InstanceArgs {
  /** `org:feature:action`, e.g. `org:invoices:read`: what `has({ permission })` checks. Updated in place. */
  key: pulumi.Input<string>;
  /** Display name, e.g. "Read invoices". */
  name: pulumi.Input<string>;
  /** What the permission allows. */
  description?: pulumi.Input<string>;
  /** Adopt an existing custom permission with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

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

/**
 * A custom organization permission (`org:feature:action`), which organization roles grant.
 *
 * Every argument updates in place, `key` included. Clerk's system permissions (`org:sys_…`) cannot be
 * created, updated or deleted, so they are refused at preview: a role grants them by key without a
 * resource.
 */
export class OrganizationPermission extends ClerkResource {
  /** @internal */
  static override readonly definition = organizationPermissionDefinition;
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OrganizationPermissionArgs, opts?: pulumi.CustomResourceOptions) {
    super("OrganizationPermission", name, args, opts, ["description", "createdAt", "updatedAt"]);
  }
}
