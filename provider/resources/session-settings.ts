import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link SessionSettings} (`session_settings` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface SessionSettingsArgs extends InstanceArgs {
  /** Users may be signed in to several accounts at once. */
  multiSessionEnabled?: pulumi.Input<boolean>;
  /** End a session after a period without activity. */
  inactivityTimeoutEnabled?: pulumi.Input<boolean>;
  /** The inactivity period in seconds (at least 300). */
  inactivityTimeoutSeconds?: pulumi.Input<number>;
  /** End every session after a fixed lifetime. */
  maximumLifetimeEnabled?: pulumi.Input<boolean>;
  /** The maximum lifetime in seconds (at least 300). */
  maximumLifetimeSeconds?: pulumi.Input<number>;
}

/**
 * Session lifetime, inactivity timeout and multi-session: the `session_settings` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 */
export class SessionSettings extends ClerkResource {
  declare readonly multiSessionEnabled: pulumi.Output<boolean | undefined>;
  declare readonly inactivityTimeoutEnabled: pulumi.Output<boolean | undefined>;
  declare readonly inactivityTimeoutSeconds: pulumi.Output<number | undefined>;
  declare readonly maximumLifetimeEnabled: pulumi.Output<boolean | undefined>;
  declare readonly maximumLifetimeSeconds: pulumi.Output<number | undefined>;

  constructor(name: string, args: SessionSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "SessionSettings",
      name,
      args,
      opts,
      [
        "multiSessionEnabled",
        "inactivityTimeoutEnabled",
        "inactivityTimeoutSeconds",
        "maximumLifetimeEnabled",
        "maximumLifetimeSeconds",
      ],
      [],
      true,
    );
  }
}
