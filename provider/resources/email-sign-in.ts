import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** How an email address proves itself: a one-time code or a magic link. */
export type EmailStrategy = "email_code" | "email_link";

/**
 * Arguments of {@link EmailSignIn} (`auth_email` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface EmailSignInArgs extends InstanceArgs {
  /** Users may sign in with their email address. */
  usedForSignIn?: pulumi.Input<boolean>;
  /** The sign-up form asks for an email address. */
  usedForSignUp?: pulumi.Input<boolean>;
  /** An email address is required at sign-up. */
  requiredForSignUp?: pulumi.Input<boolean>;
  /** The email address is verified during sign-up. */
  verifyAtSignUp?: pulumi.Input<boolean>;
  /** Users cannot change their email address. */
  immutable?: pulumi.Input<boolean>;
  /** How a user signs in with the address: `"email_code"`, `"email_link"` (a set; `[]` for none). */
  signInStrategies?: pulumi.Input<pulumi.Input<EmailStrategy>[]>;
  /** How the address is verified: `"email_code"`, `"email_link"` (a set). */
  verificationStrategies?: pulumi.Input<pulumi.Input<EmailStrategy>[]>;
}

/**
 * Email address as an identifier (sign-up, sign-in, verification): the `auth_email` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class EmailSignIn extends ClerkResource {
  declare readonly usedForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly usedForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly verifyAtSignUp: pulumi.Output<boolean | undefined>;
  declare readonly immutable: pulumi.Output<boolean | undefined>;
  declare readonly signInStrategies: pulumi.Output<EmailStrategy[] | undefined>;
  declare readonly verificationStrategies: pulumi.Output<EmailStrategy[] | undefined>;

  constructor(name: string, args: EmailSignInArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "EmailSignIn",
      name,
      args,
      opts,
      [
        "usedForSignIn",
        "usedForSignUp",
        "requiredForSignUp",
        "verifyAtSignUp",
        "immutable",
        "signInStrategies",
        "verificationStrategies",
      ],
      [],
      true,
    );
  }
}
