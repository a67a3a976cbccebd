import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link CustomOAuthProvider} (an entry of `connections_oauth_custom` in the instance's
 * configuration document). Arguments left out are Clerk's to keep.
 */
export interface CustomOAuthProviderArgs extends InstanceArgs {
  /** The provider's key in Clerk (`custom_<key>` in strategies): lower-case letters, digits, `-`, `_`. Changing it replaces the resource. */
  key: pulumi.Input<string>;
  /** The name users see on the sign-in button. */
  name?: pulumi.Input<string>;
  /** Users may sign up and sign in with this provider. */
  enabled?: pulumi.Input<boolean>;
  /** The connection can be used to sign in (not only to connect an account). */
  authenticatable?: pulumi.Input<boolean>;
  /** The OpenID Connect discovery document (`https://…/.well-known/openid-configuration`); or give the three URLs below. */
  discoveryUrl?: pulumi.Input<string>;
  /** The authorization endpoint (https). */
  authUrl?: pulumi.Input<string>;
  /** The token endpoint (https). */
  tokenUrl?: pulumi.Input<string>;
  /** The user-info endpoint (https). */
  userInfoUrl?: pulumi.Input<string>;
  /** The OAuth client id. */
  clientId?: pulumi.Input<string>;
  /** The OAuth client secret: kept encrypted in state, never logged, write-only (refresh cannot see it change). */
  clientSecret?: pulumi.Input<string>;
  /** Scopes always requested, e.g. `["openid", "email", "profile"]`. */
  baseScopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Use PKCE. */
  requiresPkce?: pulumi.Input<boolean>;
  /** Where Clerk finds the user's attributes in the user-info answer, e.g. `{ id: { path: "sub" } }`. */
  userMapping?: pulumi.Input<Record<string, unknown>>;
}

/**
 * A custom OAuth / OpenID Connect provider: one entry of `connections_oauth_custom` in the instance's
 * configuration document, written through Clerk's Platform API (a Platform API key is needed: see
 * docs/configuration.md, "Platform API").
 *
 * - **Create** writes the entry (or adopts an entry with the same key, writing the declared differences).
 * - **Refresh** shows a dashboard change of a declared argument; an entry removed in Clerk is gone.
 * - **Destroy** deletes the entry (`destructive=true`): users can no longer sign in with it.
 */
export class CustomOAuthProvider extends ClerkResource {
  declare readonly key: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string | undefined>;
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly authenticatable: pulumi.Output<boolean | undefined>;
  declare readonly discoveryUrl: pulumi.Output<string | undefined>;
  declare readonly authUrl: pulumi.Output<string | undefined>;
  declare readonly tokenUrl: pulumi.Output<string | undefined>;
  declare readonly userInfoUrl: pulumi.Output<string | undefined>;
  declare readonly clientId: pulumi.Output<string | undefined>;
  /** Write-only: as the program declared it, kept encrypted in state. */
  declare readonly clientSecret: pulumi.Output<string | undefined>;
  declare readonly baseScopes: pulumi.Output<string[] | undefined>;
  declare readonly requiresPkce: pulumi.Output<boolean | undefined>;
  declare readonly userMapping: pulumi.Output<Record<string, unknown> | undefined>;

  constructor(name: string, args: CustomOAuthProviderArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "key",
      "name",
      "enabled",
      "authenticatable",
      "discoveryUrl",
      "authUrl",
      "tokenUrl",
      "userInfoUrl",
      "clientId",
      "clientSecret",
      "baseScopes",
      "requiresPkce",
      "userMapping",
    ];
    super("CustomOAuthProvider", name, args, opts, outputs, ["clientSecret"], true);
  }
}
