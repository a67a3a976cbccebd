import { z } from "zod";
import type { MultiFactorArgs } from "../resources/multi-factor";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<MultiFactorArgs, typeof inputs>>;

const inputs = z.strictObject({
  authenticatorAppEnabled: flag,
  backupCodeEnabled: flag,
  requiredForSignIn: flag,
  requiredForSignUp: flag,
});

/** @internal */
export const multiFactorDefinition = configResource({
  type: "MultiFactor",
  inputs,
  section: { key: "auth_multi_factor" },
  fields: {
    authenticatorAppEnabled: "authenticator_app.enabled",
    backupCodeEnabled: "backup_code.enabled",
    requiredForSignIn: "required_for_sign_in",
    requiredForSignUp: "required_for_sign_up",
  },
  onDelete: "forget",
  title: "Multi-factor authentication",
});
