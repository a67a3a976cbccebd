import { z } from "zod";
import type { Web3SignInArgs } from "../resources/web3-sign-in";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { sameSet } from "../runtime/equality";
import { flag, strategies } from "./config-inputs";

const WEB3 = [
  "web3_metamask_signature",
  "web3_coinbase_wallet_signature",
  "web3_okx_wallet_signature",
] as const;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<Web3SignInArgs, typeof inputs>>;

const inputs = z.strictObject({
  usedForSignIn: flag,
  usedForSignUp: flag,
  requiredForSignUp: flag,
  verifyAtSignUp: flag,
  signInStrategies: strategies(WEB3),
  verificationStrategies: strategies(WEB3),
});

/** @internal */
export const web3SignInDefinition = configResource({
  type: "Web3SignIn",
  inputs,
  section: { key: "auth_web3" },
  fields: {
    usedForSignIn: "used_for_sign_in",
    usedForSignUp: "used_for_sign_up",
    requiredForSignUp: "required_for_sign_up",
    verifyAtSignUp: "verify_at_sign_up",
    signInStrategies: "sign_in_strategies",
    verificationStrategies: "verification_strategies",
  },
  equals: { signInStrategies: sameSet, verificationStrategies: sameSet },
  onDelete: "forget",
  title: "Web3 sign-in",
});
