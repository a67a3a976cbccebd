import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface AllowlistIdentifierArgs extends InstanceArgs {
  /** Email address, E.164 phone number or web3 wallet allowed to sign up. Changing it replaces the object. */
  identifier: pulumi.Input<string>;
  /** Send an invitation to this email address or phone number when the identifier is created. Only used at creation. */
  notify?: pulumi.Input<boolean>;
  /** Adopt an existing allow-list identifier with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * An identifier allowed to sign up when the instance's allow-list is on (see InstanceRestrictions).
 *
 * Clerk cannot edit identifiers: a change of `identifier` replaces it. `notify` only matters at
 * creation and is never read back. Refresh sees deletions.
 */
export class AllowlistIdentifier extends ClerkResource {
  declare readonly identifier: pulumi.Output<string>;
  declare readonly notify: pulumi.Output<boolean | undefined>;
  /** `email_address`, `phone_number` or `web3_wallet`, as Clerk classified the identifier. */
  declare readonly identifierType: pulumi.Output<string>;
  /** The invitation Clerk sent when `notify` was true. */
  declare readonly invitationId: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: AllowlistIdentifierArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<AllowlistIdentifier>()([
      "identifier",
      "notify",
      "identifierType",
      "invitationId",
      "createdAt",
      "updatedAt",
    ]);
    super("AllowlistIdentifier", name, args, opts, outputs);
  }
}
