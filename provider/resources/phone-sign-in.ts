import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Phone numbers prove themselves by a one-time SMS code. */
export type PhoneStrategy = "phone_code";

/**
 * Arguments of {@link PhoneSignIn} (`auth_phone` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface PhoneSignInArgs extends InstanceArgs {
  /** Users may sign in with their phone number. */
  usedForSignIn?: pulumi.Input<boolean>;
  /** The sign-up form asks for a phone number. */
  usedForSignUp?: pulumi.Input<boolean>;
  /** A phone number is required at sign-up. */
  requiredForSignUp?: pulumi.Input<boolean>;
  /** An SMS code may serve as a second factor. */
  usedForSecondFactor?: pulumi.Input<boolean>;
  /** The number is verified during sign-up. */
  verifyAtSignUp?: pulumi.Input<boolean>;
  /** How a user signs in with the number: `["phone_code"]` or `[]`. */
  signInStrategies?: pulumi.Input<pulumi.Input<PhoneStrategy>[]>;
  /** Second-factor strategies: `["phone_code"]` or `[]`. */
  secondFactorStrategies?: pulumi.Input<pulumi.Input<PhoneStrategy>[]>;
  /** How the number is verified: `["phone_code"]`. */
  verificationStrategies?: pulumi.Input<pulumi.Input<PhoneStrategy>[]>;
}

/**
 * Phone number as an identifier and second factor: the `auth_phone` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class PhoneSignIn extends ClerkResource {
  declare readonly usedForSignIn: pulumi.Output<boolean | undefined>;
  declare readonly usedForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly requiredForSignUp: pulumi.Output<boolean | undefined>;
  declare readonly usedForSecondFactor: pulumi.Output<boolean | undefined>;
  declare readonly verifyAtSignUp: pulumi.Output<boolean | undefined>;
  declare readonly signInStrategies: pulumi.Output<PhoneStrategy[] | undefined>;
  declare readonly secondFactorStrategies: pulumi.Output<PhoneStrategy[] | undefined>;
  declare readonly verificationStrategies: pulumi.Output<PhoneStrategy[] | undefined>;

  constructor(name: string, args: PhoneSignInArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "PhoneSignIn",
      name,
      args,
      opts,
      [
        "usedForSignIn",
        "usedForSignUp",
        "requiredForSignUp",
        "usedForSecondFactor",
        "verifyAtSignUp",
        "signInStrategies",
        "secondFactorStrategies",
        "verificationStrategies",
      ],
      [],
      true,
    );
  }
}
