import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link UserModel} (`user_model` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface UserModelArgs extends InstanceArgs {
  /** Users have a first name. */
  firstNameEnabled?: pulumi.Input<boolean>;
  /** The first name is required at sign-up. */
  firstNameRequired?: pulumi.Input<boolean>;
  /** Users have a last name. */
  lastNameEnabled?: pulumi.Input<boolean>;
  /** The last name is required at sign-up. */
  lastNameRequired?: pulumi.Input<boolean>;
}

/**
 * Which personal fields users have: the `user_model` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class UserModel extends ClerkResource {
  declare readonly firstNameEnabled: pulumi.Output<boolean | undefined>;
  declare readonly firstNameRequired: pulumi.Output<boolean | undefined>;
  declare readonly lastNameEnabled: pulumi.Output<boolean | undefined>;
  declare readonly lastNameRequired: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: UserModelArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "UserModel",
      name,
      args,
      opts,
      ["firstNameEnabled", "firstNameRequired", "lastNameEnabled", "lastNameRequired"],
      [],
      true,
    );
  }
}
