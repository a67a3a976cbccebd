import { z } from "zod";
import { jsonObject } from "../inputs";
import type { CustomOAuthProviderArgs } from "../resources/custom-oauth-provider";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag, httpsUrl, slug } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<CustomOAuthProviderArgs, typeof inputs>>;

const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

const inputs = z.strictObject({
  key: slug,
  name: z.string().trim().min(1).max(256).optional(),
  enabled: flag,
  authenticatable: flag,
  discoveryUrl: httpsUrl,
  authUrl: httpsUrl,
  tokenUrl: httpsUrl,
  userInfoUrl: httpsUrl,
  clientId: z.string().trim().min(1).max(1024).optional(),
  clientSecret: z.string().min(1).max(4096).optional(),
  baseScopes: z
    .array(z.string().regex(SCOPE, { message: "must be one scope (no spaces or quotes)" }))
    .refine((l) => new Set(l).size === l.length, { message: "must not list a scope twice" })
    .optional(),
  requiresPkce: flag,
  userMapping: jsonObject.optional(),
});

const MAP = "connections_oauth_custom";

/** @internal */
export const customOAuthProviderDefinition = configResource({
  type: "CustomOAuthProvider",
  inputs,
  section: {
    nameInput: "key",
    path: (key) => `${MAP}.${key}`,
    nameOf: (path) => (path.startsWith(`${MAP}.`) ? path.slice(MAP.length + 1) : undefined),
  },
  fields: {
    name: "name",
    enabled: "enabled",
    authenticatable: "authenticatable",
    discoveryUrl: "discovery_url",
    authUrl: "auth_url",
    tokenUrl: "token_url",
    userInfoUrl: "user_info_url",
    clientId: "client_id",
    clientSecret: "client_secret",
    baseScopes: "base_scopes",
    requiresPkce: "requires_pkce",
    userMapping: "user_mapping",
  },
  writeOnly: ["clientSecret"],
  onDelete: "delete",
  title: "Custom OAuth providers",
  entries: (doc) => Object.keys(isObject(doc[MAP]) ? doc[MAP] : {}),
});

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
