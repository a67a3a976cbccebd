import { z } from "zod";
import type { PasskeySignInArgs } from "../resources/passkey-sign-in";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<PasskeySignInArgs, typeof inputs>>;

const inputs = z.strictObject({
  usedForSignIn: flag,
  allowAutofill: flag,
  showSignInButton: flag,
  satisfiesSecondFactor: flag,
});

/** @internal */
export const passkeySignInDefinition = configResource({
  type: "PasskeySignIn",
  inputs,
  section: { key: "auth_passkey" },
  fields: {
    usedForSignIn: "used_for_sign_in",
    allowAutofill: "allow_autofill",
    showSignInButton: "show_sign_in_button",
    satisfiesSecondFactor: "satisfies_second_factor",
  },
  onDelete: "forget",
  title: "Passkey sign-in",
});
