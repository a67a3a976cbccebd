import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

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
  declare readonly dynamicOauthClientRegistration: pulumi.Output<boolean>;
  declare readonly defaultScopes: pulumi.Output<string[] | null>;
  declare readonly oauthJwtAccessTokens: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsAdvertised: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsOnlyAllowPreRegisteredClients: pulumi.Output<boolean>;
  declare readonly clientIdMetadataDocumentsBlockImplicitlyAllowedClients: pulumi.Output<boolean>;

  constructor(name: string, args: OAuthApplicationSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<OAuthApplicationSettings>()([
      "dynamicOauthClientRegistration",
      "defaultScopes",
      "oauthJwtAccessTokens",
      "clientIdMetadataDocumentsAdvertised",
      "clientIdMetadataDocumentsOnlyAllowPreRegisteredClients",
      "clientIdMetadataDocumentsBlockImplicitlyAllowedClients",
    ]);
    super("OAuthApplicationSettings", name, args, opts, outputs);
  }
}
