import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import type { OAuthApplicationSettingsObject, UpdateOAuthApplicationSettingsBody } from "../../sdk/schemas";
import { oauthScopes } from "../inputs";
import type { OAuthApplicationSettingsArgs } from "../resources/oauth-application-settings";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OAuthApplicationSettingsArgs, typeof inputs>>;

const inputs = z.strictObject({
  dynamicOauthClientRegistration: z.boolean().optional(),
  defaultScopes: oauthScopes.optional(),
  oauthJwtAccessTokens: z.boolean().optional(),
  clientIdMetadataDocumentsAdvertised: z.boolean().optional(),
  clientIdMetadataDocumentsOnlyAllowPreRegisteredClients: z.boolean().optional(),
  clientIdMetadataDocumentsBlockImplicitlyAllowedClients: z.boolean().optional(),
});

const FIELDS: FieldTable<Inputs, OAuthApplicationSettingsObject> = {
  dynamicOauthClientRegistration: "dynamic_oauth_client_registration",
  // null (Clerk's defaults) is read back as null, not dropped: a declared list then shows as drift.
  defaultScopes: "default_scopes",
  oauthJwtAccessTokens: "oauth_jwt_access_tokens",
  clientIdMetadataDocumentsAdvertised: "client_id_metadata_documents_advertised",
  clientIdMetadataDocumentsOnlyAllowPreRegisteredClients:
    "client_id_metadata_documents_only_allow_pre_registered_clients",
  clientIdMetadataDocumentsBlockImplicitlyAllowedClients:
    "client_id_metadata_documents_block_implicitly_allowed_clients",
};

const body = (news: Inputs): UpdateOAuthApplicationSettingsBody => declaredBody(news, FIELDS);

/** PATCHes the declared fields; with none declared, a GET gives the same answer without a write. */
function write(client: ClerkClient, news: Inputs): Promise<OAuthApplicationSettingsObject> {
  const b = body(news);
  return Object.keys(b).length === 0
    ? client.oauthApplicationSettings.get()
    : client.oauthApplicationSettings.update(b);
}

/** The fixed id of the one OAuth settings object (Clerk's own `object` name for it). */
export const OAUTH_APPLICATION_SETTINGS_ID = "oauth_application_settings";

/** @internal */
export const oauthApplicationSettingsDefinition: ResourceDefinition<Inputs, OAuthApplicationSettingsObject> =
  {
    type: "OAuthApplicationSettings",
    inputs,
    replaceOnChange: [],
    equals: { defaultScopes: sameSet },
    id: () => OAUTH_APPLICATION_SETTINGS_ID,
    toInputs: (api) => wireInputs(api, FIELDS),
    toComputed: () => ({}),
    // A singleton: create adopts it and PATCHes only the declared fields.
    create: ({ client }, news) => write(client, news),
    read: ({ client }) => client.oauthApplicationSettings.get(),
    update: ({ client }, _id, news) => write(client, news),
    // Forget only: there is nothing to delete, and no reset nobody asked for.
    delete: async () => {},
    export: {
      title: "OAuth application settings",
      singleton: true,
      list: async ({ client }) => [await client.oauthApplicationSettings.get()],
      key: () => "oauth-application-settings",
    },
  };
