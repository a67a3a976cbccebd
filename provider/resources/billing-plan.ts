import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Arguments of {@link BillingPlan} (an entry of `billing.plans` in the instance's configuration document). */
export interface BillingPlanArgs extends InstanceArgs {
  /** The plan's slug, its key in Clerk: lower-case letters, digits, `-`, `_`. Changing it replaces the plan. */
  slug: pulumi.Input<string>;
  /** The plan's name. */
  name?: pulumi.Input<string>;
  /** A description shown in the pricing table. */
  description?: pulumi.Input<string>;
  /** Monthly price in cents (0 for a free plan). */
  amount?: pulumi.Input<number>;
  /** Monthly price in cents when paid yearly. */
  annualMonthlyAmount?: pulumi.Input<number>;
  /** Currency, a three-letter ISO code in upper case (`"USD"`). */
  currency?: pulumi.Input<string>;
  /** Slugs of the features the plan includes (`BillingFeature`). */
  features?: pulumi.Input<pulumi.Input<string>[]>;
  /** A free trial is offered. */
  freeTrialEnabled?: pulumi.Input<boolean>;
  /** Length of the free trial in days, 1 to 365. */
  freeTrialDays?: pulumi.Input<number>;
  /** The plan renews. */
  isRecurring?: pulumi.Input<boolean>;
  /** Who pays: `"user"` or `"org"`. */
  payerType?: pulumi.Input<"user" | "org">;
  /** The plan is shown in the pricing table. */
  publiclyVisible?: pulumi.Input<boolean>;
}

/**
 * One Clerk Billing plan: an entry of `billing.plans` in the instance's configuration document, written
 * through Clerk's Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** writes the plan (or adopts a plan with the same slug, writing the declared differences).
 * - **Refresh** shows a dashboard change of a declared argument; a plan removed in Clerk is gone.
 * - **Destroy** deletes the plan (`destructive=true`).
 */
export class BillingPlan extends ClerkResource {
  declare readonly slug: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly amount: pulumi.Output<number | undefined>;
  declare readonly annualMonthlyAmount: pulumi.Output<number | undefined>;
  declare readonly currency: pulumi.Output<string | undefined>;
  declare readonly features: pulumi.Output<string[] | undefined>;
  declare readonly freeTrialEnabled: pulumi.Output<boolean | undefined>;
  declare readonly freeTrialDays: pulumi.Output<number | undefined>;
  declare readonly isRecurring: pulumi.Output<boolean | undefined>;
  declare readonly payerType: pulumi.Output<"user" | "org" | undefined>;
  declare readonly publiclyVisible: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: BillingPlanArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "slug",
      "name",
      "description",
      "amount",
      "annualMonthlyAmount",
      "currency",
      "features",
      "freeTrialEnabled",
      "freeTrialDays",
      "isRecurring",
      "payerType",
      "publiclyVisible",
    ];
    super("BillingPlan", name, args, opts, outputs, [], true);
  }
}
