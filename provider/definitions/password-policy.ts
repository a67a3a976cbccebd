import { z } from "zod";
import type { PasswordPolicyArgs } from "../resources/password-policy";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag, int, minAtMostMax } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<PasswordPolicyArgs, typeof inputs>>;

const inputs = z
  .strictObject({
    enabled: flag,
    required: flag,
    minLength: int(8, 72),
    maxLength: int(8, 72),
    requireSpecialChar: flag,
    requireNumbers: flag,
    requireUppercase: flag,
    requireLowercase: flag,
    showZxcvbn: flag,
    minZxcvbnStrength: int(0, 4),
    disableHibp: flag,
    enforceHibpOnSignIn: flag,
    deviceTrustEnabled: flag,
  })
  .superRefine(minAtMostMax("minLength", "maxLength"));

/** @internal */
export const passwordPolicyDefinition = configResource({
  type: "PasswordPolicy",
  inputs,
  section: { key: "auth_password" },
  fields: {
    enabled: "enabled",
    required: "required",
    minLength: "min_length",
    maxLength: "max_length",
    requireSpecialChar: "require_special_char",
    requireNumbers: "require_numbers",
    requireUppercase: "require_uppercase",
    requireLowercase: "require_lowercase",
    showZxcvbn: "show_zxcvbn",
    minZxcvbnStrength: "min_zxcvbn_strength",
    disableHibp: "disable_hibp",
    enforceHibpOnSignIn: "enforce_hibp_on_sign_in",
    deviceTrustEnabled: "device_trust.enabled",
  },
  onDelete: "forget",
  title: "Password policy",
});
