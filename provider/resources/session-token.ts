import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Arguments of {@link SessionToken} (`session` in the instance's configuration document). */
export interface SessionTokenArgs extends InstanceArgs {
  /**
   * Custom claims added to every session token, with Clerk's shortcodes (`{ role: "{{user.public_metadata.role}}" }`).
   * Sent as a whole object. Clerk's own claims (`azp`, `exp`, `iat`, `iss`, `jti`, `nbf`, `sub`) cannot
   * be declared.
   */
  claims?: pulumi.Input<Record<string, unknown>>;
  /** Token lifetime in seconds, 30 to 315360000 (Clerk's default: 60). */
  lifetime?: pulumi.Input<number>;
  /** Allowed clock skew in seconds, 0 to 300 (Clerk's default: 5). */
  allowedClockSkew?: pulumi.Input<number>;
}

/**
 * The session token's template: the `session` section of the instance's configuration document,
 * written through Clerk's Platform API (a Platform API key is needed: see docs/configuration.md,
 * "Platform API"). JWT templates for other audiences are `JwtTemplate`.
 *
 * - **Create** adopts the template and writes only the declared arguments that differ from Clerk's.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps the template as it is.
 */
export class SessionToken extends ClerkResource {
  declare readonly claims: pulumi.Output<Record<string, unknown> | undefined>;
  declare readonly lifetime: pulumi.Output<number | undefined>;
  declare readonly allowedClockSkew: pulumi.Output<number | undefined>;

  constructor(name: string, args: SessionTokenArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("SessionToken", name, args, opts, ["claims", "lifetime", "allowedClockSkew"], [], true);
  }
}
