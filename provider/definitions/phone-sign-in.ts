import { z } from "zod";
import type { PhoneSignInArgs } from "../resources/phone-sign-in";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { sameSet } from "../runtime/equality";
import { flag, strategies } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<PhoneSignInArgs, typeof inputs>>;

const inputs = z.strictObject({
  usedForSignIn: flag,
  usedForSignUp: flag,
  requiredForSignUp: flag,
  usedForSecondFactor: flag,
  verifyAtSignUp: flag,
  signInStrategies: strategies(["phone_code"]),
  secondFactorStrategies: strategies(["phone_code"]),
  verificationStrategies: strategies(["phone_code"]),
});

/** @internal */
export const phoneSignInDefinition = configResource({
  type: "PhoneSignIn",
  inputs,
  section: { key: "auth_phone" },
  fields: {
    usedForSignIn: "used_for_sign_in",
    usedForSignUp: "used_for_sign_up",
    requiredForSignUp: "required_for_sign_up",
    usedForSecondFactor: "used_for_second_factor",
    verifyAtSignUp: "verify_at_sign_up",
    signInStrategies: "sign_in_strategies",
    secondFactorStrategies: "second_factor_strategies",
    verificationStrategies: "verification_strategies",
  },
  equals: { signInStrategies: sameSet, secondFactorStrategies: sameSet, verificationStrategies: sameSet },
  onDelete: "forget",
  title: "Phone sign-in",
});
