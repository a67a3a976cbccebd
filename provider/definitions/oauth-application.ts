import { z } from "zod";
import type { OAuthApplicationWithSecretObject, UpdateOAuthApplicationBody } from "../../sdk/schemas";
import { nonEmptyString, oauthScopes, redirectUrl } from "../inputs";
import type { OAuthApplicationArgs } from "../resources/oauth-application";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OAuthApplicationArgs, typeof inputs>>;

const inputs = z.strictObject({
  name: nonEmptyString(256),
  redirectUris: z.array(redirectUrl).optional(),
  scopes: oauthScopes.optional().refine((v) => v === undefined || v.join(" ").length <= 1024, {
    message: "must fit in 1024 characters once joined with spaces",
  }),
  consentScreenEnabled: z.boolean().optional(),
  pkceRequired: z.boolean().optional(),
  public: z.boolean().optional(),
  rotateSecret: z.union([z.number(), z.string()], { message: "must be a number or a string" }).optional(),
});

type Body = UpdateOAuthApplicationBody;

function body(v: Partial<Inputs>): Body {
  const b: Body = {};
  if (v.name !== undefined) b.name = v.name;
  if (v.redirectUris !== undefined) b.redirect_uris = v.redirectUris;
  if (v.scopes !== undefined) b.scopes = v.scopes.join(" ");
  if (v.consentScreenEnabled !== undefined) b.consent_screen_enabled = v.consentScreenEnabled;
  if (v.pkceRequired !== undefined) b.pkce_required = v.pkceRequired;
  if (v.public !== undefined) b.public = v.public;
  return b;
}

/** The fields Clerk can change that differ between what is recorded and what is wanted. */
function changedBody(news: Inputs, olds: Partial<Inputs>): Body {
  const changed: Partial<Inputs> = {};
  for (const key of ["name", "redirectUris", "scopes", "consentScreenEnabled", "pkceRequired"] as const) {
    const want = news[key];
    if (want === undefined) continue;
    const eq = oauthApplicationDefinition.equals?.[key] ?? ((a: unknown, b: unknown) => a === b);
    if (!eq(olds[key], want)) (changed as Record<string, unknown>)[key] = want;
  }
  return body(changed);
}

async function update(
  { client }: OperationContext,
  id: string,
  news: Inputs,
  olds: Partial<Inputs>,
): Promise<OAuthApplicationWithSecretObject> {
  const patch = changedBody(news, olds);
  const patched =
    Object.keys(patch).length > 0 ? await client.oauthApplications.update(id, patch) : undefined;
  if (news.rotateSecret !== undefined && news.rotateSecret !== olds.rotateSecret) {
    // Repeating a rotation is harmless (the last answer's secret is the valid one): the sdk may retry it.
    return client.oauthApplications.rotateSecret(id, { idempotent: true });
  }
  const api = patched ?? (await client.oauthApplications.get(id));
  // PATCH and GET never carry the secret: the one in state stays valid.
  const kept = (olds as { clientSecret?: string }).clientSecret;
  return kept === undefined ? api : { ...api, client_secret: kept };
}

/** The scope Clerk adds to every application, whether asked for or not. */
export const IMPLICIT_SCOPE = "offline_access";

/**
 * Scopes as Clerk keeps them versus as declared: the same set, in any order, where `offline_access`
 * (which Clerk adds by itself) counts only when the program declares it.
 */
export function sameScopes(live: unknown, desired: unknown): boolean {
  if (!Array.isArray(live) || !Array.isArray(desired)) return sameSet(live, desired);
  const implicit = desired.includes(IMPLICIT_SCOPE) ? [] : [IMPLICIT_SCOPE];
  return sameSet(
    live.filter((s) => !implicit.includes(s)),
    desired,
  );
}

/** @internal */
export const oauthApplicationDefinition: ResourceDefinition<Inputs, OAuthApplicationWithSecretObject> = {
  type: "OAuthApplication",
  inputs,
  // Clerk's answer to switching a client between public and confidential is not documented (it may be
  // refused); a new application is certain, and gets a secret at creation when it is confidential.
  replaceOnChange: ["public"],
  writeOnly: ["rotateSecret"],
  equals: {
    // Clerk reorders scopes and adds offline_access; it sorts and de-duplicates redirect URIs.
    scopes: sameScopes,
    redirectUris: sameSet,
  },
  id: (api) => api.id,
  toInputs: (api) => ({
    name: api.name,
    redirectUris: api.redirect_uris,
    scopes: api.scopes.split(/\s+/).filter(Boolean),
    consentScreenEnabled: api.consent_screen_enabled,
    pkceRequired: api.pkce_required,
    public: api.public,
  }),
  toComputed: (api) => ({
    clientId: api.client_id,
    // Only create and rotate_secret answer with the secret; absent here, state keeps the recorded one.
    ...(api.client_secret ? { clientSecret: api.client_secret } : {}),
    instanceId: api.instance_id,
    authorizeUrl: api.authorize_url,
    tokenFetchUrl: api.token_fetch_url,
    userInfoUrl: api.user_info_url,
    discoveryUrl: api.discovery_url,
    tokenIntrospectionUrl: api.token_introspection_url,
    dynamicallyRegistered: api.dynamically_registered,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client }, news) => client.oauthApplications.create({ ...body(news), name: news.name }),
  // Names are not unique at Clerk: adopt only a single match that also has the declared redirect URIs.
  findExisting: async ({ client }, news) =>
    onlyMatch(
      await client.oauthApplications.list(),
      (a) =>
        a.name === news.name &&
        (news.redirectUris === undefined || sameSet(a.redirect_uris, news.redirectUris)),
    ),
  // The lost answer carried the only copy of the client secret: rotate to get one that works. Repeating a
  // rotation is harmless (the last answer's secret is the valid one), so the sdk may retry it.
  afterRecovery: async ({ client }, api) =>
    api.public
      ? { ...api, client_secret: null }
      : api.client_secret // already rotated by adoption (rotateSecret declared)
        ? api
        : client.oauthApplications.rotateSecret(api.id, { idempotent: true }),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.oauthApplications.get(id)),
  update,
  delete: async ({ client }, id) => {
    await client.oauthApplications.delete(id);
  },
  export: {
    title: "OAuth applications",
    list: ({ client }) => client.oauthApplications.list(),
    key: (api) => api.name,
    // rotateSecret is a trigger, not a value Clerk holds; the secret itself is an output.
    unexported: (api) =>
      api.public
        ? []
        : [
            {
              field: "clientSecret",
              reason:
                "Clerk shows it only at creation or rotation; set rotateSecret to issue a new one (the old one then stops working)",
            },
          ],
  },
};
