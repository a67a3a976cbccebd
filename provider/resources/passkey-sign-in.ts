import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link PasskeySignIn} (`auth_passkey` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface PasskeySignInArgs extends InstanceArgs {
  /** Users may sign in with a passkey. */
  usedForSignIn?: pulumi.Input<boolean>;
  /** Browsers may offer passkeys in the identifier field's autofill. */
  allowAutofill?: pulumi.Input<boolean>;
  /** The sign-in form shows a "Sign in with passkey" button. */
  showSignInButton?: pulumi.Input<boolean>;
  /** A passkey sign-in counts as both factors. */
  satisfiesSecondFactor?: pulumi.Input<boolean>;
}

/**
 * Passkeys (WebAuthn): the `auth_passkey` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class PasskeySignIn extends ClerkResource {
  declare readonly usedForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly allowAutofill: pulumi.Output<boolean | undefined>;
  declare readonly showSignInButton: pulumi.Output<boolean | undefined>;
  declare readonly satisfiesSecondFactor: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: PasskeySignInArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "PasskeySignIn",
      name,
      args,
      opts,
      ["usedForSignIn", "allowAutofill", "showSignInButton", "satisfiesSecondFactor"],
      [],
      true,
    );
  }
}
