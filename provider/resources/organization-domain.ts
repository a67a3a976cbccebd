import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface OrganizationDomainArgs extends InstanceArgs {
  /** The organization's id (`org_…`), e.g. an `Organization`'s `id`. Changing it replaces the domain. */
  organizationId: pulumi.Input<string>;
  /** The email domain, e.g. `example.com` (lowercased). Clerk cannot rename one: a change replaces it. */
  name: pulumi.Input<string>;
  /**
   * How users with an email address at this domain join: `manual_invitation` (Clerk's default),
   * `automatic_invitation`, `automatic_suggestion` or `enterprise_sso`. Updated in place.
   */
  enrollmentMode?: pulumi.Input<
    "manual_invitation" | "automatic_invitation" | "automatic_suggestion" | "enterprise_sso"
  >;
  /** Whether the domain counts as verified for enrollment (Clerk's default at creation: true). Updated in place. */
  verified?: pulumi.Input<boolean>;
  /**
   * `true` marks the domain's DNS ownership verified by an admin, skipping the TXT challenge. Clerk
   * cannot undo it, so `false` is refused; leave it out to leave ownership as Clerk has it.
   */
  ownershipVerified?: pulumi.Input<boolean>;
  /** Adopt an existing organization domain with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * A verified domain of an organization: users with an email address at it can be invited or offered
 * to join automatically (`enrollmentMode`).
 *
 * `organizationId` and `name` replace the domain (deleting the old one first); the other arguments
 * update in place. Clerk has no read by id, so refreshing organization domains lists the instance's
 * organization domains once per run.
 */
export class OrganizationDomain extends ClerkResource {
  declare readonly organizationId: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly enrollmentMode: pulumi.Output<string>;
  declare readonly verified: pulumi.Output<boolean>;
  declare readonly ownershipVerified: pulumi.Output<boolean | undefined>;
  /** `unverified`, `verified`, `failed` or `expired`: whether the domain counts as the organization's. */
  declare readonly verificationStatus: pulumi.Output<string | undefined>;
  /** The DNS ownership proof's status; unset until ownership was attempted. */
  declare readonly ownershipVerificationStatus: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OrganizationDomainArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<OrganizationDomain>()([
      "organizationId",
      "name",
      "enrollmentMode",
      "verified",
      "ownershipVerified",
      "verificationStatus",
      "ownershipVerificationStatus",
      "createdAt",
      "updatedAt",
    ]);
    super("OrganizationDomain", name, args, opts, outputs);
  }
}
