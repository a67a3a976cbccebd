import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

import { SOCIAL_PROVIDERS } from "../social-providers";

export { SOCIAL_PROVIDERS };

export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

/** Arguments only some providers take: the provider each belongs to. */
export const PROVIDER_ONLY_ARGS = {
  showAccountSelectorPrompt: "google",
  teamId: "apple",
  keyId: "apple",
  bundleId: "apple",
  actor: "linear",
} as const;

/**
 * Arguments of {@link SocialConnection} (`connection_oauth_<provider>` in the instance's configuration
 * document). Arguments left out are Clerk's to keep, and the resource neither shows nor manages them.
 */
export interface SocialConnectionArgs extends InstanceArgs {
  /** The provider, e.g. `"google"`, `"github"`, `"apple"` (one of {@link SOCIAL_PROVIDERS}). Changing it replaces the resource. */
  provider: pulumi.Input<SocialProvider>;
  /** Users may sign up and sign in with this provider. */
  enabled?: pulumi.Input<boolean>;
  /** The connection can be used to sign in (not only to connect an account); Clerk's default: true. */
  authenticatable?: pulumi.Input<boolean>;
  /** Refuse provider accounts whose email address has a `+` subaddress. */
  blockEmailSubaddresses?: pulumi.Input<boolean>;
  /** Your OAuth app's client id (production instances need your own credentials). For Apple: the Services ID. */
  clientId?: pulumi.Input<string>;
  /**
   * Your OAuth app's client secret; for Apple, the private key (.p8 file content). A secret: kept
   * encrypted in state, never logged, and write-only (Clerk does not show it back, so a change made in
   * the dashboard cannot be seen by refresh).
   */
  clientSecret?: pulumi.Input<string>;
  /** Google only: always show Google's account chooser. */
  showAccountSelectorPrompt?: pulumi.Input<boolean>;
  /** Apple only: your Apple Developer Team ID. */
  teamId?: pulumi.Input<string>;
  /** Apple only: the Key ID of the private key. */
  keyId?: pulumi.Input<string>;
  /** Apple only: the iOS bundle id for native Sign in with Apple. */
  bundleId?: pulumi.Input<string>;
  /** Linear only: whose token Linear issues, `"user"` or `"application"`. */
  actor?: pulumi.Input<"user" | "application">;
}

/**
 * One social sign-in provider ("Sign in with Google"): the `connection_oauth_<provider>` key of the
 * instance's configuration document, written through Clerk's Platform API (a Platform API key is
 * needed: see docs/configuration.md, "Platform API"). One resource per provider.
 *
 * - **Create** adopts the provider's settings and writes only the declared arguments that differ.
 * - **Refresh** shows a dashboard change of a declared argument (not of `clientSecret`: write-only).
 * - **Destroy** disables the provider (`enabled: false`); its credentials stay in Clerk.
 * - Production instances refuse enabling a provider without your own `clientId` and `clientSecret`.
 */
export class SocialConnection extends ClerkResource {
  declare readonly provider: pulumi.Output<SocialProvider>;
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly authenticatable: pulumi.Output<boolean | undefined>;
  declare readonly blockEmailSubaddresses: pulumi.Output<boolean | undefined>;
  declare readonly clientId: pulumi.Output<string | undefined>;
  /** Write-only: as the program declared it, kept encrypted in state. */
  declare readonly clientSecret: pulumi.Output<string | undefined>;
  declare readonly showAccountSelectorPrompt: pulumi.Output<boolean | undefined>;
  declare readonly teamId: pulumi.Output<string | undefined>;
  declare readonly keyId: pulumi.Output<string | undefined>;
  declare readonly bundleId: pulumi.Output<string | undefined>;
  declare readonly actor: pulumi.Output<"user" | "application" | undefined>;

  constructor(name: string, args: SocialConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "provider",
      "enabled",
      "authenticatable",
      "blockEmailSubaddresses",
      "clientId",
      "clientSecret",
      "showAccountSelectorPrompt",
      "teamId",
      "keyId",
      "bundleId",
      "actor",
    ];
    super("SocialConnection", name, args, opts, outputs, ["clientSecret"], true);
  }
}
