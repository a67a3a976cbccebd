import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import type { OAuthApplicationSettingsObject, UpdateOAuthApplicationSettingsBody } from "../../sdk/schemas";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

/**
 * Arguments of {@link OAuthApplicationSettings}. Every argument is optional: one left out is left as
 * Clerk has it (removing an argument later does not reset it either).
 */
export interface OAuthApplicationSettingsArgs extends InstanceArgs {
  /** Allow OAuth clients to register themselves (RFC 7591 dynamic client registration). */
  dynamicOauthClientRegistration?: pulumi.Input<boolean>;
  /**
   * Scopes granted to OAuth applications that do not ask for any (e.g. `["openid", "profile"]`);
   * compared as a set. Leaving it out keeps Clerk's list, which is `null` (Clerk's built-in defaults)
   * until one is set.
   */
  defaultScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Issue access tokens as JWTs instead of opaque tokens. */
  oauthJwtAccessTokens?: pulumi.Input<boolean>;
  /** Advertise support for OAuth Client ID Metadata Documents in the authorization server metadata. */
  clientIdMetadataDocumentsAdvertised?: pulumi.Input<boolean>;
  /** Accept Client ID Metadata Documents only from clients registered beforehand. */
  clientIdMetadataDocumentsOnlyAllowPreRegisteredClients?: pulumi.Input<boolean>;
  /** Refuse clients that Clerk would otherwise allow implicitly through a Client ID Metadata Document. */
  clientIdMetadataDocumentsBlockImplicitlyAllowedClients?: pulumi.Input<boolean>;
}

type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OAuthApplicationSettingsArgs, typeof inputs>>;

const scope = z
  .string()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, { message: "must be one OAuth scope (no spaces or quotes)" });

const inputs = z.strictObject({
  dynamicOauthClientRegistration: z.boolean().optional(),
  defaultScopes: z
    .array(scope)
    .refine((s) => new Set(s).size === s.length, { message: "must not list a scope twice" })
    .optional(),
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

/**
 * The instance's OAuth provider settings (`/instance/oauth_application_settings`), a singleton: one per
 * Clerk instance. OAuth applications themselves are `OAuthApplication`.
 *
 * - **Create** adopts the existing settings and PATCHes only the arguments you declare; the id is
 *   always `oauth_application_settings`. All six settings are outputs, whether declared or not.
 * - **Refresh** reads `GET /instance/oauth_application_settings`: every setting is visible, so a
 *   dashboard change is drift. `defaultScopes` is compared as a set; `null` means Clerk's defaults.
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps its current values (this
 *   provider never sends `default_scopes: null`, Clerk's "reset to defaults").
 */
export class OAuthApplicationSettings extends ClerkResource {
  /** @internal */
  static override readonly definition = oauthApplicationSettingsDefinition;
  declare readonly dynamicOauthClientRegistration: pulumi.Output<boolean>;
  declare readonly defaultScopes: pulumi.Output<string[] | null>;
  declare readonly oauthJwtAccessTokens: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsAdvertised: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsOnlyAllowPreRegisteredClients: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsBlockImplicitlyAllowedClients: pulumi.Output<boolean>;

  constructor(name: string, args: OAuthApplicationSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "dynamicOauthClientRegistration",
      "defaultScopes",
      "oauthJwtAccessTokens",
      "clientIdMetadataDocumentsAdvertised",
      "clientIdMetadataDocumentsOnlyAllowPreRegisteredClients",
      "clientIdMetadataDocumentsBlockImplicitlyAllowedClients",
    ];
    super("OAuthApplicationSettings", name, args, opts, outputs);
  }
}
