import { z } from "zod";
import type { UserModelArgs } from "../resources/user-model";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<UserModelArgs, typeof inputs>>;

const inputs = z.strictObject({
  firstNameEnabled: flag,
  firstNameRequired: flag,
  lastNameEnabled: flag,
  lastNameRequired: flag,
});

/** @internal */
export const userModelDefinition = configResource({
  type: "UserModel",
  inputs,
  section: { key: "user_model" },
  fields: {
    firstNameEnabled: "first_name.enabled",
    firstNameRequired: "first_name.required",
    lastNameEnabled: "last_name.enabled",
    lastNameRequired: "last_name.required",
  },
  onDelete: "forget",
  title: "User model",
});
