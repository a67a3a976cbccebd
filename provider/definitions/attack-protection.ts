import { z } from "zod";
import type { AttackProtectionArgs } from "../resources/attack-protection";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag, int } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<AttackProtectionArgs, typeof inputs>>;

const inputs = z.strictObject({
  captchaEnabled: flag,
  captchaWidgetType: z.enum(["smart", ""]).optional(),
  emailLinkRequireSameClient: flag,
  userLockoutEnabled: flag,
  userLockoutMaxAttempts: int(1, 100),
  userLockoutDurationMinutes: int(1, 525600),
  enumerationProtection: z.string().min(1).max(64).optional(),
  piiProtectionEnabled: flag,
});

/** @internal */
export const attackProtectionDefinition = configResource({
  type: "AttackProtection",
  inputs,
  section: { key: "auth_attack_protection" },
  fields: {
    captchaEnabled: "bot_protection.captcha_enabled",
    captchaWidgetType: "bot_protection.captcha_widget_type",
    emailLinkRequireSameClient: "email_link_require_same_client",
    userLockoutEnabled: "user_lockout.enabled",
    userLockoutMaxAttempts: "user_lockout.max_attempts",
    userLockoutDurationMinutes: "user_lockout.duration_in_minutes",
    enumerationProtection: "enumeration_protection",
    piiProtectionEnabled: "pii_protection_enabled",
  },
  onDelete: "forget",
  title: "Attack protection",
});
