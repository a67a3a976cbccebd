import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

/**
 * Arguments of {@link InstanceProtect}. Every argument is optional: one left out is left as Clerk has
 * it (removing an argument later does not reset it either).
 */
export interface InstanceProtectArgs extends InstanceArgs {
  /** Whether Clerk Protect's rules run on sign-ups and sign-ins. */
  rulesEnabled?: pulumi.Input<boolean>;
  /** Whether Clerk Protect's "Specter" bot and abuse detection runs. */
  specterEnabled?: pulumi.Input<boolean>;
}

/**
 * The instance's Clerk Protect settings (`/instance/protect`), a singleton: one per Clerk instance.
 *
 * - **Create** adopts the existing settings and PATCHes only the arguments you declare; the id is
 *   always `instance_protect`.
 * - **Refresh** reads `GET /instance/protect`, so a change made in the dashboard to `rulesEnabled` or
 *   `specterEnabled` shows up as drift; `checksBypassed` is an output only.
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps its current values.
 */
export class InstanceProtect extends ClerkResource {
  declare readonly rulesEnabled: pulumi.Output<boolean>;
  declare readonly specterEnabled: pulumi.Output<boolean>;
  /** Read-only: whether the instance has opted out of Protect's prerequisite checks. */
  declare readonly checksBypassed: pulumi.Output<boolean>;

  constructor(name: string, args: InstanceProtectArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<InstanceProtect>()(["rulesEnabled", "specterEnabled", "checksBypassed"]);
    super("InstanceProtect", name, args, opts, outputs);
  }
}
