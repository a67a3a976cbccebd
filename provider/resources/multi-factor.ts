import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link MultiFactor} (`auth_multi_factor` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface MultiFactorArgs extends InstanceArgs {
  /** Authenticator apps (TOTP) may serve as a second factor. */
  authenticatorAppEnabled?: pulumi.Input<boolean>;
  /** Backup codes may serve as a second factor. */
  backupCodeEnabled?: pulumi.Input<boolean>;
  /** Every user must pass a second factor at sign-in. */
  requiredForSignIn?: pulumi.Input<boolean>;
  /** Every user must set up a second factor at sign-up. */
  requiredForSignUp?: pulumi.Input<boolean>;
}

/**
 * Multi-factor authentication: the `auth_multi_factor` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 *
 * SMS codes as a second factor are `PhoneSignIn.usedForSecondFactor`.
 */
export class MultiFactor extends ClerkResource {
  declare readonly authenticatorAppEnabled: pulumi.Output<boolean | undefined>;
  declare readonly backupCodeEnabled: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignUp: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: MultiFactorArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "MultiFactor",
      name,
      args,
      opts,
      ["authenticatorAppEnabled", "backupCodeEnabled", "requiredForSignIn", "requiredForSignUp"],
      [],
      true,
    );
  }
}
