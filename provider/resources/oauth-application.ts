import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

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

/**
 * An OAuth application: lets another app use this Clerk instance as its OAuth 2.0 / OIDC provider.
 *
 * Every argument but `public` updates in place. `clientSecret` is returned by Clerk only at creation and rotation,
 * so it is kept (encrypted) from state on refresh and update; set or change `rotateSecret` to get a new
 * one. Refresh sees changes to every argument and deletions, but cannot see a secret rotated outside
 * Pulumi (the recorded `clientSecret` then no longer works: change `rotateSecret`).
 */
export class OAuthApplication extends ClerkResource {
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
    const outputs = outputNames<OAuthApplication>()([
      "name",
      "redirectUris",
      "scopes",
      "consentScreenEnabled",
      "pkceRequired",
      "public",
      "rotateSecret",
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
    ]);
    super("OAuthApplication", name, args, opts, outputs, ["clientSecret"]);
  }
}
