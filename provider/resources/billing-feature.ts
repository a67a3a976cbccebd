import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** Arguments of {@link BillingFeature} (an entry of `billing.features` in the instance's configuration document). */
export interface BillingFeatureArgs extends InstanceArgs {
  /** The feature's slug, its key in Clerk (and in plans' `features`). Changing it replaces the feature. */
  slug: pulumi.Input<string>;
  /** The feature's name. */
  name?: pulumi.Input<string>;
  /** A description shown in the pricing table. */
  description?: pulumi.Input<string>;
  /** The feature appears in session tokens of users who have it. */
  includeInJwt?: pulumi.Input<boolean>;
  /** The value the token carries for it. */
  jwtValue?: pulumi.Input<string>;
  /** The feature is shown in the pricing table. */
  publiclyVisible?: pulumi.Input<boolean>;
  /** An https URL of the feature's icon. */
  avatarUrl?: pulumi.Input<string>;
}

/**
 * One Clerk Billing feature: an entry of `billing.features` in the instance's configuration document,
 * written through Clerk's Platform API (a Platform API key is needed: see docs/configuration.md,
 * "Platform API"). Plans list features by slug.
 *
 * - **Create** writes the feature (or adopts one with the same slug, writing the declared differences).
 * - **Refresh** shows a dashboard change of a declared argument; a feature removed in Clerk is gone.
 * - **Destroy** deletes the feature (`destructive=true`).
 */
export class BillingFeature extends ClerkResource {
  declare readonly slug: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string | undefined>;
  declare readonly description: pulumi.Output<string | undefined>;
  declare readonly includeInJwt: pulumi.Output<boolean | undefined>;
  declare readonly jwtValue: pulumi.Output<string | undefined>;
  declare readonly publiclyVisible: pulumi.Output<boolean | undefined>;
  declare readonly avatarUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: BillingFeatureArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "slug",
      "name",
      "description",
      "includeInJwt",
      "jwtValue",
      "publiclyVisible",
      "avatarUrl",
    ];
    super("BillingFeature", name, args, opts, outputs, [], true);
  }
}
