import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link PasswordPolicy} (`auth_password` in the instance's configuration document). Every
 * argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface PasswordPolicyArgs extends InstanceArgs {
  /** Whether users may have a password at all. */
  enabled?: pulumi.Input<boolean>;
  /** Whether a password is required at sign-up. */
  required?: pulumi.Input<boolean>;
  /** Minimum length, 8 to 72. */
  minLength?: pulumi.Input<number>;
  /** Maximum length, 8 to 72 (Clerk hashes with bcrypt, which reads at most 72 bytes). */
  maxLength?: pulumi.Input<number>;
  /** Require a special character. */
  requireSpecialChar?: pulumi.Input<boolean>;
  /** Require a digit. */
  requireNumbers?: pulumi.Input<boolean>;
  /** Require an upper-case letter. */
  requireUppercase?: pulumi.Input<boolean>;
  /** Require a lower-case letter. */
  requireLowercase?: pulumi.Input<boolean>;
  /** Show the password-strength meter (zxcvbn) at sign-up. */
  showZxcvbn?: pulumi.Input<boolean>;
  /** Minimum zxcvbn strength, 0 (weakest) to 4. */
  minZxcvbnStrength?: pulumi.Input<number>;
  /** Turn off the check against known breached passwords (Have I Been Pwned). */
  disableHibp?: pulumi.Input<boolean>;
  /** Also check known breached passwords at sign-in, not only at sign-up. */
  enforceHibpOnSignIn?: pulumi.Input<boolean>;
  /** Device trust (`device_trust.enabled`): ask for a second check on a new device. */
  deviceTrustEnabled?: pulumi.Input<boolean>;
}

/**
 * The instance's password policy: the `auth_password` section of its configuration document, written
 * through Clerk's Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class PasswordPolicy extends ClerkResource {
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly required: pulumi.Output<boolean | undefined>;
  declare readonly minLength: pulumi.Output<number | undefined>;
  declare readonly maxLength: pulumi.Output<number | undefined>;
  declare readonly requireSpecialChar: pulumi.Output<boolean | undefined>;
  declare readonly requireNumbers: pulumi.Output<boolean | undefined>;
  declare readonly requireUppercase: pulumi.Output<boolean | undefined>;
  declare readonly requireLowercase: pulumi.Output<boolean | undefined>;
  declare readonly showZxcvbn: pulumi.Output<boolean | undefined>;
  declare readonly minZxcvbnStrength: pulumi.Output<number | undefined>;
  declare readonly disableHibp: pulumi.Output<boolean | undefined>;
  declare readonly enforceHibpOnSignIn: pulumi.Output<boolean | undefined>;
  declare readonly deviceTrustEnabled: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: PasswordPolicyArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("PasswordPolicy", name, args, opts, PASSWORD_POLICY_OUTPUTS, [], true);
  }
}

const PASSWORD_POLICY_OUTPUTS = [
  "enabled",
  "required",
  "minLength",
  "maxLength",
  "requireSpecialChar",
  "requireNumbers",
  "requireUppercase",
  "requireLowercase",
  "showZxcvbn",
  "minZxcvbnStrength",
  "disableHibp",
  "enforceHibpOnSignIn",
  "deviceTrustEnabled",
];
