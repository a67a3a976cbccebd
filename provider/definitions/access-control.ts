import { z } from "zod";
import type { AccessControlArgs } from "../resources/access-control";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<AccessControlArgs, typeof inputs>>;

const inputs = z.strictObject({
  signUpMode: z.enum(["public", "restricted", "waitlist"]).optional(),
  allowlistEnabled: flag,
  blocklistEnabled: flag,
  allowlistBlocklistEnforcedOnSignIn: flag,
  blockDisposableEmailDomains: flag,
  blockEmailSubaddresses: flag,
});

/** @internal */
export const accessControlDefinition = configResource({
  type: "AccessControl",
  inputs,
  section: { key: "auth_access_control" },
  fields: {
    signUpMode: "sign_up_mode",
    allowlistEnabled: "allowlist_enabled",
    blocklistEnabled: "blocklist_enabled",
    allowlistBlocklistEnforcedOnSignIn: "allowlist_blocklist_enforced_on_sign_in",
    blockDisposableEmailDomains: "block_disposable_email_domains",
    blockEmailSubaddresses: "block_email_subaddresses",
  },
  exportedElsewhere: {
    fields: [
      "allowlistEnabled",
      "blocklistEnabled",
      "allowlistBlocklistEnforcedOnSignIn",
      "blockDisposableEmailDomains",
      "blockEmailSubaddresses",
    ],
    by: "InstanceRestrictions",
  },
  onDelete: "forget",
  title: "Access control",
});
