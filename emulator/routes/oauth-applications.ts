import { z } from "zod";
import { notFound, paramFormatInvalid, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId, randomString } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { OAuthApplicationRecord } from "../types";
import { isUrl, parseBody } from "../validate";
import { deleted, mustFind, ok, orderBy, pagedList } from "./common";
import { frontendApiUrl } from "./frontend";

/** The spec names profile, email, public_metadata, private_metadata; openid and offline_access also exist. */
export const OAUTH_SCOPES = [
  "email",
  "offline_access",
  "openid",
  "private_metadata",
  "profile",
  "public_metadata",
];

const fields = {
  redirect_uris: z.array(z.string()).nullable().optional(),
  callback_url: z.string().max(1024).nullable().optional(),
  scopes: z.string().max(1024).nullable().optional(),
  consent_screen_enabled: z.boolean().nullable().optional(),
  pkce_required: z.boolean().nullable().optional(),
  public: z.boolean().nullable().optional(),
};
// Create has no `additionalProperties: false` (unknown fields ignored); PATCH does.
const CreateBody = z.object({ name: z.string().min(1).max(256), ...fields });
const UpdateBody = z.strictObject({ name: z.string().min(1).max(256).nullable().optional(), ...fields });

/**
 * Clerk answers scopes in its own order, not the order sent, and adds `offline_access` to every
 * application: unique and sorted here, with `offline_access` always in, so a client that compares
 * literally with what it sent sees a difference.
 */
export function canonicalScopes(raw: string): string {
  const scopes = [...new Set([...raw.split(/\s+/).filter((s) => s !== ""), "offline_access"])];
  for (const s of scopes) {
    if (!OAUTH_SCOPES.includes(s)) {
      throw paramValueInvalid(
        "scopes",
        `${s} is not a supported scope; available: ${OAUTH_SCOPES.join(", ")}.`,
      );
    }
  }
  return scopes.sort().join(" ");
}

function checkRedirectUris(uris: string[]): string[] {
  uris.forEach((u, i) => {
    if (!isUrl(u, { customScheme: true }))
      throw paramFormatInvalid(`redirect_uris[${i}]`, `${u} is not a valid URL.`);
  });
  return [...new Set(uris)];
}

const render = (store: Store) => (r: OAuthApplicationRecord) => {
  const fapi = frontendApiUrl(store);
  return {
    object: "oauth_application",
    id: r.id,
    instance_id: store.instanceId,
    name: r.name,
    client_id: r.client_id,
    client_uri: null,
    client_image_url: null,
    dynamically_registered: false,
    consent_screen_enabled: r.consent_screen_enabled,
    pkce_required: r.pkce_required,
    public: r.public,
    scopes: r.scopes,
    redirect_uris: r.redirect_uris,
    callback_url: r.redirect_uris[0] ?? "",
    authorize_url: `${fapi}/oauth/authorize`,
    token_fetch_url: `${fapi}/oauth/token`,
    user_info_url: `${fapi}/oauth/userinfo`,
    discovery_url: `${fapi}/.well-known/oauth-authorization-server`,
    token_introspection_url: `${fapi}/oauth/token_info`,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
};

/** Only create and rotate_secret show the secret ("Empty if public client"). */
const withSecret = (store: Store, r: OAuthApplicationRecord) => ({
  ...render(store)(r),
  client_secret: r.client_secret,
});
const newSecret = (isPublic: boolean) => (isPublic ? "" : randomString(32));

export const oauthApplicationRoutes: Route[] = [
  {
    method: "GET",
    path: "/oauth_applications",
    handler: ({ store, query }) => {
      const nameQuery = query.get("name_query")?.toLowerCase();
      // Clerk's default is newest first (`-created_at`), whatever the spec's `default` says.
      const sort = orderBy<OAuthApplicationRecord>(query, {
        created_at: (a) => a.created_at,
        name: (a) => a.name,
      });
      const items = store.oauthApplications
        .list()
        .filter(
          (a) =>
            !nameQuery || a.name.toLowerCase().includes(nameQuery) || a.client_id.toLowerCase() === nameQuery,
        );
      return pagedList(sort(items), query, render(store));
    },
  },
  {
    method: "POST",
    path: "/oauth_applications",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const isPublic = input.public ?? false;
      const redirect = input.redirect_uris ?? (input.callback_url ? [input.callback_url] : []);
      const now = Date.now();
      const rec = store.oauthApplications.insert({
        id: newId(ID_PREFIX.oauthApplication),
        name: input.name,
        client_id: randomString(16),
        client_secret: newSecret(isPublic),
        public: isPublic,
        scopes: canonicalScopes(input.scopes ?? "profile email"),
        redirect_uris: checkRedirectUris(redirect),
        consent_screen_enabled: input.consent_screen_enabled ?? true,
        pkce_required: input.pkce_required ?? false,
        created_at: now,
        updated_at: now,
      });
      return ok(withSecret(store, rec));
    },
  },
  {
    method: "GET",
    path: "/oauth_applications/{oauth_application_id}",
    handler: ({ store, params }) =>
      ok(
        render(store)(
          mustFind(store.oauthApplications.get(params.oauth_application_id as string), "OAuth application"),
        ),
      ),
  },
  {
    method: "PATCH",
    path: "/oauth_applications/{oauth_application_id}",
    handler: ({ store, params, body }) => {
      const id = params.oauth_application_id as string;
      const prev = mustFind(store.oauthApplications.get(id), "OAuth application");
      const input = parseBody(UpdateBody, body);
      const next: OAuthApplicationRecord = { ...prev, updated_at: Date.now() };
      if (input.name != null) next.name = input.name;
      if (input.redirect_uris != null) next.redirect_uris = checkRedirectUris(input.redirect_uris);
      else if (input.callback_url != null) next.redirect_uris = checkRedirectUris([input.callback_url]);
      if (input.scopes != null) next.scopes = canonicalScopes(input.scopes);
      if (input.consent_screen_enabled != null) next.consent_screen_enabled = input.consent_screen_enabled;
      if (input.pkce_required != null) next.pkce_required = input.pkce_required;
      if (input.public != null && input.public !== prev.public) {
        next.public = input.public;
        next.client_secret = newSecret(input.public);
      }
      return ok(render(store)(store.oauthApplications.update(id, next) as OAuthApplicationRecord));
    },
  },
  {
    method: "DELETE",
    path: "/oauth_applications/{oauth_application_id}",
    handler: ({ store, params }) => {
      const id = params.oauth_application_id as string;
      if (!store.oauthApplications.delete(id)) throw notFound("OAuth application");
      return deleted("oauth_application", id);
    },
  },
  {
    method: "POST",
    path: "/oauth_applications/{oauth_application_id}/rotate_secret",
    handler: ({ store, params }) => {
      const id = params.oauth_application_id as string;
      const prev = mustFind(store.oauthApplications.get(id), "OAuth application");
      const rec = store.oauthApplications.update(id, {
        client_secret: newSecret(prev.public),
        updated_at: Date.now(),
      }) as OAuthApplicationRecord;
      return ok(withSecret(store, rec));
    },
  },
];
