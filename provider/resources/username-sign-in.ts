import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link UsernameSignIn} (`auth_username` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface UsernameSignInArgs extends InstanceArgs {
  /** Users may sign in with a username. */
  usedForSignIn?: pulumi.Input<boolean>;
  /** The sign-up form asks for a username. */
  usedForSignUp?: pulumi.Input<boolean>;
  /** A username is required at sign-up. */
  requiredForSignUp?: pulumi.Input<boolean>;
  /** Users cannot change their username. */
  immutable?: pulumi.Input<boolean>;
  /** Usernames may consist of digits only. */
  allowNumericUsernames?: pulumi.Input<boolean>;
  /** Usernames may hold special characters beyond `-` and `_`. */
  allowExtendedSpecialCharacters?: pulumi.Input<boolean>;
  /** Minimum length, 1 to 64 (Clerk's default: 4). */
  minLength?: pulumi.Input<number>;
  /** Maximum length, 1 to 64 (Clerk's default: 64). */
  maxLength?: pulumi.Input<number>;
}

/**
 * Username as an identifier: the `auth_username` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class UsernameSignIn extends ClerkResource {
  declare readonly usedForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly usedForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly immutable: pulumi.Output<boolean | undefined>;
  declare readonly allowNumericUsernames: pulumi.Output<boolean | undefined>;
  declare readonly allowExtendedSpecialCharacters: pulumi.Output<boolean | undefined>;
  declare readonly minLength: pulumi.Output<number | undefined>;
  declare readonly maxLength: pulumi.Output<number | undefined>;

  constructor(name: string, args: UsernameSignInArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "UsernameSignIn",
      name,
      args,
      opts,
      [
        "usedForSignIn",
        "usedForSignUp",
        "requiredForSignUp",
        "immutable",
        "allowNumericUsernames",
        "allowExtendedSpecialCharacters",
        "minLength",
        "maxLength",
      ],
      [],
      true,
    );
  }
}
