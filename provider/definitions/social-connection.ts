import { z } from "zod";
import {
  PROVIDER_ONLY_ARGS,
  SOCIAL_PROVIDERS,
  type SocialConnectionArgs,
} from "../resources/social-connection";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SocialConnectionArgs, typeof inputs>>;

const text = z.string().trim().min(1).max(256).optional();

const inputs = z
  .strictObject({
    provider: z.enum(SOCIAL_PROVIDERS),
    enabled: flag,
    authenticatable: flag,
    blockEmailSubaddresses: flag,
    clientId: z.string().trim().min(1).max(1024).optional(),
    // An Apple private key (.p8) is a few hundred bytes; 16 KB leaves room and stops a wrong file.
    clientSecret: z.string().min(1).max(16_384).optional(),
    showAccountSelectorPrompt: flag,
    teamId: text,
    keyId: text,
    bundleId: text,
    actor: z.enum(["user", "application"]).optional(),
  })
  .superRefine((v, ctx) => {
    for (const [arg, only] of Object.entries(PROVIDER_ONLY_ARGS)) {
      if (v[arg as keyof typeof v] !== undefined && typeof v.provider === "string" && v.provider !== only) {
        ctx.addIssue({
          code: "custom",
          path: [arg],
          message: `is a ${only} setting; ${v.provider} has none`,
        });
      }
    }
  });

const PREFIX = "connection_oauth_";

/** @internal */
export const socialConnectionDefinition = configResource({
  type: "SocialConnection",
  inputs,
  section: {
    nameInput: "provider",
    path: (provider) => `${PREFIX}${provider}`,
    nameOf: (path) => (path.startsWith(PREFIX) ? path.slice(PREFIX.length) : undefined),
  },
  fields: {
    enabled: "enabled",
    authenticatable: "authenticatable",
    blockEmailSubaddresses: "block_email_subaddresses",
    clientId: "client_id",
    clientSecret: "client_secret",
    showAccountSelectorPrompt: "show_account_selector_prompt",
    teamId: "team_id",
    keyId: "key_id",
    bundleId: "bundle_id",
    actor: "actor",
  },
  writeOnly: ["clientSecret"],
  onDelete: "disable",
  title: "Social connections",
  // Every provider has a key; export declares the ones in use.
  entries: (doc) =>
    Object.entries(doc)
      .filter(([k, v]) => k.startsWith(PREFIX) && (v as { enabled?: unknown } | null)?.enabled === true)
      .map(([k]) => k.slice(PREFIX.length)),
});
