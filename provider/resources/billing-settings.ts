import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Arguments of {@link BillingSettings} (`billing` switches in the instance's configuration document). */
export interface BillingSettingsArgs extends InstanceArgs {
  /** Billing for users (personal plans) is on. */
  userEnabled?: pulumi.Input<boolean>;
  /** Billing for organizations is on. */
  organizationEnabled?: pulumi.Input<boolean>;
}

/**
 * Whether Clerk Billing is on for users and for organizations: two switches of the `billing` section
 * of the instance's configuration document, written through Clerk's Platform API (a Platform API key
 * is needed: see docs/configuration.md, "Platform API"). Plans and features are `BillingPlan` and
 * `BillingFeature`.
 *
 * - **Create** adopts the switches and writes only the declared ones that differ.
 * - **Refresh** shows a dashboard change of a declared switch, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values.
 */
export class BillingSettings extends ClerkResource {
  declare readonly userEnabled: pulumi.Output<boolean | undefined>;
  declare readonly organizationEnabled: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: BillingSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("BillingSettings", name, args, opts, ["userEnabled", "organizationEnabled"], [], true);
  }
}
