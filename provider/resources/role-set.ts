import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export type RoleSetType = "initial" | "custom";

export interface RoleSetArgs extends InstanceArgs {
  /** `role_set:` then lowercase letters, digits and `_`, e.g. `role_set:support`. Updated in place. */
  key: pulumi.Input<string>;
  /** Display name. */
  name: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /**
   * The **keys** of the roles in the set, 1 to 10, as a set (order does not matter). Added roles are
   * added in place; a removed role's members are moved to `defaultRoleKey`.
   */
  roles: pulumi.Input<pulumi.Input<string>[]>;
  /** Key of the role new members get; one of `roles`. */
  defaultRoleKey: pulumi.Input<string>;
  /** Key of the role an organization's creator gets; one of `roles`, and it must be able to manage members. */
  creatorRoleKey: pulumi.Input<string>;
  /**
   * `initial`: the role set new organizations start with (one per instance; making this one initial
   * makes the previous one custom). `custom` (Clerk's default) can only be declared at creation: Clerk
   * makes the initial set custom only when another becomes initial.
   */
  type?: pulumi.Input<RoleSetType>;
  /**
   * Key of the role set this one's organizations move to when it is destroyed (Clerk has no delete for
   * role sets, only a replacement). Default: the instance's initial role set. Never sent otherwise.
   */
  replaceWith?: pulumi.Input<string>;
  /** Adopt an existing role set with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * A role set: the roles an organization can hand out, with the role new members get and the role its
 * creator gets. Organizations use one role set; the `initial` one is what new organizations start with.
 *
 * - **Roles by key**, compared as a set. Clerk cannot PATCH them: an update adds new roles first, then
 *   changes the other fields, then removes roles one by one, moving each removed role's members to
 *   `defaultRoleKey`. Everything Clerk could refuse (unknown roles, a creator role that cannot manage
 *   members, an impossible type change) is checked before the first write.
 * - **`type`**: `initial` is set in place (the previous initial set becomes custom, which its own
 *   refresh shows); Clerk cannot make the initial set `custom` directly, so that is refused.
 * - **Destroy** replaces the set (Clerk has no delete): its organizations move to `replaceWith`, by
 *   default the instance's initial set, and members of roles the destination lacks get the
 *   destination's default role. The initial set itself needs `replaceWith`.
 */
export class RoleSet extends ClerkResource {
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly roles: pulumi.Output<string[]>;
  declare readonly defaultRoleKey: pulumi.Output<string>;
  declare readonly creatorRoleKey: pulumi.Output<string>;
  declare readonly type: pulumi.Output<RoleSetType>;
  declare readonly replaceWith: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: RoleSetArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<RoleSet>()([
      "key",
      "name",
      "description",
      "roles",
      "defaultRoleKey",
      "creatorRoleKey",
      "type",
      "replaceWith",
      "createdAt",
      "updatedAt",
    ]);
    super("RoleSet", name, args, opts, outputs);
  }
}
