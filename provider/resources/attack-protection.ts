import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** The CAPTCHA widget: `"smart"` (shown only when needed) or `""` (Clerk's default). */
export type CaptchaWidgetType = "smart" | "";

/**
 * Arguments of {@link AttackProtection} (`auth_attack_protection` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface AttackProtectionArgs extends InstanceArgs {
  /** Bot protection: a CAPTCHA at sign-up (`bot_protection.captcha_enabled`). */
  captchaEnabled?: pulumi.Input<boolean>;
  /** The CAPTCHA widget: `"smart"` or `""`. */
  captchaWidgetType?: pulumi.Input<CaptchaWidgetType>;
  /** An email link works only in the browser that asked for it. */
  emailLinkRequireSameClient?: pulumi.Input<boolean>;
  /** Lock an account after repeated failed sign-in attempts. */
  userLockoutEnabled?: pulumi.Input<boolean>;
  /** Failed attempts before the lockout, 1 to 100. */
  userLockoutMaxAttempts?: pulumi.Input<number>;
  /** Lockout duration in minutes (up to a year). */
  userLockoutDurationMinutes?: pulumi.Input<number>;
  /** Identifier enumeration protection mode, as Clerk names it. */
  enumerationProtection?: pulumi.Input<string>;
  /** Hide personal data in sign-in responses. */
  piiProtectionEnabled?: pulumi.Input<boolean>;
}

/**
 * Bot and brute-force protection: the `auth_attack_protection` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class AttackProtection extends ClerkResource {
  declare readonly captchaEnabled: pulumi.Output<boolean | undefined>;
  declare readonly captchaWidgetType: pulumi.Output<CaptchaWidgetType | undefined>;
  declare readonly emailLinkRequireSameClient: pulumi.Output<boolean | undefined>;
  declare readonly userLockoutEnabled: pulumi.Output<boolean | undefined>;
  declare readonly userLockoutMaxAttempts: pulumi.Output<number | undefined>;
  declare readonly userLockoutDurationMinutes: pulumi.Output<number | undefined>;
  declare readonly enumerationProtection: pulumi.Output<string | undefined>;
  declare readonly piiProtectionEnabled: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: AttackProtectionArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "AttackProtection",
      name,
      args,
      opts,
      [
        "captchaEnabled",
        "captchaWidgetType",
        "emailLinkRequireSameClient",
        "userLockoutEnabled",
        "userLockoutMaxAttempts",
        "userLockoutDurationMinutes",
        "enumerationProtection",
        "piiProtectionEnabled",
      ],
      [],
      true,
    );
  }
}
