import { z } from "zod";
import type { UsernameSignInArgs } from "../resources/username-sign-in";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag, int, minAtMostMax } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<UsernameSignInArgs, typeof inputs>>;

const inputs = z
  .strictObject({
    usedForSignIn: flag,
    usedForSignUp: flag,
    requiredForSignUp: flag,
    immutable: flag,
    allowNumericUsernames: flag,
    allowExtendedSpecialCharacters: flag,
    minLength: int(1, 64),
    maxLength: int(1, 64),
  })
  .superRefine(minAtMostMax("minLength", "maxLength"));

/** @internal */
export const usernameSignInDefinition = configResource({
  type: "UsernameSignIn",
  inputs,
  section: { key: "auth_username" },
  fields: {
    usedForSignIn: "used_for_sign_in",
    usedForSignUp: "used_for_sign_up",
    requiredForSignUp: "required_for_sign_up",
    immutable: "immutable",
    allowNumericUsernames: "allow_numeric_usernames",
    allowExtendedSpecialCharacters: "allow_extended_special_characters",
    minLength: "min_length",
    maxLength: "max_length",
  },
  onDelete: "forget",
  title: "Username sign-in",
});
