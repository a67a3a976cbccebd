import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface OrganizationRoleArgs extends InstanceArgs {
  /** `org:` then lowercase letters, digits and `_`, e.g. `org:billing`. Updated in place. */
  key: pulumi.Input<string>;
  /** Display name, e.g. "Billing manager". */
  name: pulumi.Input<string>;
  /** What the role is for. */
  description?: pulumi.Input<string>;
  /**
   * The **keys** of the permissions the role grants, as a set (order does not matter): custom ones
   * (`permission.key` of an {@link OrganizationPermission}, so it is created first) or Clerk's system
   * ones (`org:sys_memberships:read`). Replaced as a whole on update. Left out: Clerk's to keep.
   */
  permissions?: pulumi.Input<pulumi.Input<string>[]>;
  /** Add the new role to the instance's initial role set. Create-only: Clerk never returns it. */
  includeInInitialRoleSet?: pulumi.Input<boolean>;
  /** Adopt an existing role with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * An organization role: a key, a name and the permissions it grants, by permission **key**.
 *
 * Every argument but `includeInInitialRoleSet` (create-only) updates in place; `permissions` is
 * compared as a set and written as a whole (Clerk's PATCH replaces a role's permissions). The roles
 * every instance starts with (`org:admin`, `org:member`) are adopted when declared (by key or
 * `importId`) and never deleted: destroying one only removes it from the stack. Clerk refuses to
 * delete a role that is in use; the error says where to look.
 */
export class OrganizationRole extends ClerkResource {
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly permissions: pulumi.Output<string[]>;
  declare readonly includeInInitialRoleSet: pulumi.Output<boolean | undefined>;
  /** True when the role can be an organization's creator role (it can manage members). */
  declare readonly isCreatorEligible: pulumi.Output<boolean>;
  /** The Clerk ids of `permissions`, in Clerk's order. */
  declare readonly permissionIds: pulumi.Output<string[]>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OrganizationRoleArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<OrganizationRole>()([
      "key",
      "name",
      "description",
      "permissions",
      "includeInInitialRoleSet",
      "isCreatorEligible",
      "permissionIds",
      "createdAt",
      "updatedAt",
    ]);
    super("OrganizationRole", name, args, opts, outputs);
  }
}
