import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface JwtTemplateArgs extends InstanceArgs {
  /** Template name; what `getToken({ template })` uses. Updated in place. */
  name: pulumi.Input<string>;
  /** The claims of tokens made from this template (a JSON object; Clerk shortcodes such as `{{user.id}}` allowed). */
  claims: pulumi.Input<Record<string, unknown>>;
  /** Token lifetime in seconds, 30 to 315360000. Clerk's default when left out. */
  lifetime?: pulumi.Input<number>;
  /** Allowed clock skew in seconds, 0 to 300. Clerk's default when left out. */
  allowedClockSkew?: pulumi.Input<number>;
  /** Signing algorithm of the custom signing key (e.g. `RS256`, `HS256`); set together with `signingKey`. */
  signingAlgorithm?: pulumi.Input<string>;
  /** A custom signing private key. Kept as a secret in state; Clerk never returns it, so refresh cannot see it change. Removing it switches back to Clerk's key. */
  signingKey?: pulumi.Input<string>;
  /** Adopt an existing JWT template with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * A JWT template: the claims, lifetime and signing of session tokens minted for an integration
 * (Supabase, Hasura, your own API).
 *
 * Every argument updates in place. `signingKey` is write-only at Clerk: it is kept encrypted in state,
 * and refresh cannot tell whether someone changed it in the dashboard.
 */
export class JwtTemplate extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly claims: pulumi.Output<Record<string, unknown>>;
  declare readonly lifetime: pulumi.Output<number>;
  declare readonly allowedClockSkew: pulumi.Output<number>;
  declare readonly signingAlgorithm: pulumi.Output<string>;
  declare readonly signingKey: pulumi.Output<string | undefined>;
  /** True when the template signs with `signingKey` rather than the instance's key. */
  declare readonly customSigningKey: pulumi.Output<boolean>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: JwtTemplateArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<JwtTemplate>()([
      "name",
      "claims",
      "lifetime",
      "allowedClockSkew",
      "signingAlgorithm",
      "signingKey",
      "customSigningKey",
      "createdAt",
      "updatedAt",
    ]);
    super("JwtTemplate", name, args, opts, outputs, ["signingKey"]);
  }
}
