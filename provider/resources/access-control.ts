import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Who may sign up: anyone, only invited or allow-listed users, or people from a waitlist. */
export type SignUpMode = "public" | "restricted" | "waitlist";

/**
 * Arguments of {@link AccessControl} (`auth_access_control` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface AccessControlArgs extends InstanceArgs {
  /** Who may sign up: `"public"`, `"restricted"` (invitations and the allow-list only) or `"waitlist"`. */
  signUpMode?: pulumi.Input<SignUpMode>;
  /** Only identifiers on the allow-list (`AllowlistIdentifier`) may sign up. */
  allowlistEnabled?: pulumi.Input<boolean>;
  /** Identifiers on the block-list (`BlocklistIdentifier`) may not sign up. */
  blocklistEnabled?: pulumi.Input<boolean>;
  /** Apply the allow-list and block-list at sign-in too. */
  allowlistBlocklistEnforcedOnSignIn?: pulumi.Input<boolean>;
  /** Refuse addresses at known disposable-email domains. */
  blockDisposableEmailDomains?: pulumi.Input<boolean>;
  /** Refuse addresses with a `+` subaddress. */
  blockEmailSubaddresses?: pulumi.Input<boolean>;
}

/**
 * Who may sign up and the allow-list and block-list switches: the `auth_access_control` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 *
 * The four list switches are also reachable through the Backend API's `InstanceRestrictions`: declare
 * each through one resource only (check refuses a field declared through both, naming both resources).
 */
export class AccessControl extends ClerkResource {
  declare readonly signUpMode: pulumi.Output<SignUpMode | undefined>;
  declare readonly allowlistEnabled: pulumi.Output<boolean | undefined>;
  declare readonly blocklistEnabled: pulumi.Output<boolean | undefined>;
  declare readonly allowlistBlocklistEnforcedOnSignIn: pulumi.Output<boolean | undefined>;
  declare readonly blockDisposableEmailDomains: pulumi.Output<boolean | undefined>;
  declare readonly blockEmailSubaddresses: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: AccessControlArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "AccessControl",
      name,
      args,
      opts,
      [
        "signUpMode",
        "allowlistEnabled",
        "blocklistEnabled",
        "allowlistBlocklistEnforcedOnSignIn",
        "blockDisposableEmailDomains",
        "blockEmailSubaddresses",
      ],
      [],
      true,
    );
  }
}
