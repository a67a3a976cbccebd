import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { OAuthApplicationWithSecretObject, UpdateOAuthApplicationBody } from "../../sdk/schemas";
import { nonEmptyString, redirectUrl } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

export interface OAuthApplicationArgs extends InstanceArgs {
  /** Display name shown on the consent screen (at most 256 characters). Updated in place. */
  name: pulumi.Input<string>;
  /** Where Clerk may send users back after authorization. Compared as a set (order does not matter). */
  redirectUris?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Scopes the application may request, e.g. `["profile", "email"]` (Clerk's default when left out).
   * Clerk stores them in its own order and always adds `offline_access`: compared as a set, where
   * `offline_access` counts only when declared. The output keeps the declared list.
   */
  scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Show the consent screen to users (Clerk's default: true). */
  consentScreenEnabled?: pulumi.Input<boolean>;
  /** Require PKCE for the authorization code flow (Clerk's default: false). */
  pkceRequired?: pulumi.Input<boolean>;
  /**
   * A public client (no client secret; PKCE instead). Changing it replaces the application: a new
   * client id, and a new secret when it becomes confidential.
   */
  public?: pulumi.Input<boolean>;
  /**
   * Rotation trigger: any number or string. Whenever it differs from the value recorded in state
   * (including when first set), `pulumi up` rotates the client secret and `clientSecret` holds the new
   * one; the old secret stops working immediately. Never sent to Clerk.
   */
  rotateSecret?: pulumi.Input<number | string>;
  /**
   * Adopt an existing OAuth application with this Clerk id instead of creating one. Clerk never shows an
   * existing secret again, so an adopted application has no `clientSecret` until `rotateSecret` is set.
   */
  importId?: pulumi.Input<string>;
}

type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OAuthApplicationArgs, typeof inputs>>;

const scope = z
  .string()
  .trim()
  .min(1)
  .regex(/^\S+$/, { message: "must be a single scope name without spaces, e.g. profile" });

const inputs = z.strictObject({
  name: nonEmptyString(256),
  redirectUris: z.array(redirectUrl).optional(),
  scopes: z
    .array(scope)
    .optional()
    .refine((v) => v === undefined || v.join(" ").length <= 1024, {
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

/**
 * An OAuth application: lets another app use this Clerk instance as its OAuth 2.0 / OIDC provider.
 *
 * Every argument but `public` updates in place. `clientSecret` is returned by Clerk only at creation and rotation,
 * so it is kept (encrypted) from state on refresh and update; set or change `rotateSecret` to get a new
 * one. Refresh sees changes to every argument and deletions, but cannot see a secret rotated outside
 * Pulumi (the recorded `clientSecret` then no longer works: change `rotateSecret`).
 */
export class OAuthApplication extends ClerkResource {
  /** @internal */
  static override readonly definition = oauthApplicationDefinition;
  declare readonly name: pulumi.Output<string>;
  declare readonly redirectUris: pulumi.Output<string[]>;
  declare readonly scopes: pulumi.Output<string[]>;
  declare readonly consentScreenEnabled: pulumi.Output<boolean>;
  declare readonly pkceRequired: pulumi.Output<boolean>;
  declare readonly public: pulumi.Output<boolean>;
  declare readonly rotateSecret: pulumi.Output<number | string | undefined>;
  /** The OAuth client id. */
  declare readonly clientId: pulumi.Output<string>;
  /** The OAuth client secret (a secret output); unset for public clients and for adopted applications until `rotateSecret` is set. */
  declare readonly clientSecret: pulumi.Output<string | undefined>;
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly authorizeUrl: pulumi.Output<string>;
  declare readonly tokenFetchUrl: pulumi.Output<string>;
  declare readonly userInfoUrl: pulumi.Output<string>;
  declare readonly discoveryUrl: pulumi.Output<string>;
  declare readonly tokenIntrospectionUrl: pulumi.Output<string>;
  declare readonly dynamicallyRegistered: pulumi.Output<boolean>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OAuthApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "redirectUris",
      "scopes",
      "consentScreenEnabled",
      "pkceRequired",
      "public",
      "clientId",
      "clientSecret",
      "instanceId",
      "authorizeUrl",
      "tokenFetchUrl",
      "userInfoUrl",
      "discoveryUrl",
      "tokenIntrospectionUrl",
      "dynamicallyRegistered",
      "createdAt",
      "updatedAt",
    ];
    super("OAuthApplication", name, args, opts, outputs, ["clientSecret"]);
  }
}
