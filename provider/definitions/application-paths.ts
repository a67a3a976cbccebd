import { z } from "zod";
import type { ApplicationPathsArgs } from "../resources/application-paths";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { appPath } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<ApplicationPathsArgs, typeof inputs>>;

const inputs = z.strictObject({
  signIn: appPath,
  signUp: appPath,
  home: appPath,
  afterSignOutAll: appPath,
  unauthorizedSignIn: appPath,
  waitlist: appPath,
  oauthConsent: appPath,
});

/** @internal */
export const applicationPathsDefinition = configResource({
  type: "ApplicationPaths",
  inputs,
  section: { key: "paths" },
  fields: {
    signIn: "sign_in",
    signUp: "sign_up",
    home: "home",
    afterSignOutAll: "after_sign_out_all",
    unauthorizedSignIn: "unauthorized_sign_in",
    waitlist: "waitlist",
    oauthConsent: "oauth_consent",
  },
  onDelete: "forget",
  title: "Application paths",
});
