import { z } from "zod";
import type { EmailSignInArgs } from "../resources/email-sign-in";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { sameSet } from "../runtime/equality";
import { flag, strategies } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<EmailSignInArgs, typeof inputs>>;

const inputs = z.strictObject({
  usedForSignIn: flag,
  usedForSignUp: flag,
  requiredForSignUp: flag,
  verifyAtSignUp: flag,
  immutable: flag,
  signInStrategies: strategies(["email_code", "email_link"]),
  verificationStrategies: strategies(["email_code", "email_link"]),
});

/** @internal */
export const emailSignInDefinition = configResource({
  type: "EmailSignIn",
  inputs,
  section: { key: "auth_email" },
  fields: {
    usedForSignIn: "used_for_sign_in",
    usedForSignUp: "used_for_sign_up",
    requiredForSignUp: "required_for_sign_up",
    verifyAtSignUp: "verify_at_sign_up",
    immutable: "immutable",
    signInStrategies: "sign_in_strategies",
    verificationStrategies: "verification_strategies",
  },
  equals: { signInStrategies: sameSet, verificationStrategies: sameSet },
  onDelete: "forget",
  title: "Email sign-in",
});
