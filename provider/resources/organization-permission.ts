import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

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

/**
 * A custom organization permission (`org:feature:action`), which organization roles grant.
 *
 * Every argument updates in place, `key` included. Clerk's system permissions (`org:sys_…`) cannot be
 * created, updated or deleted, so they are refused at preview: a role grants them by key without a
 * resource.
 */
export class OrganizationPermission extends ClerkResource {
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OrganizationPermissionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<OrganizationPermission>()([
      "key",
      "name",
      "description",
      "createdAt",
      "updatedAt",
    ]);
    super("OrganizationPermission", name, args, opts, outputs);
  }
}
