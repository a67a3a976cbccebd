import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface BlocklistIdentifierArgs extends InstanceArgs {
  /** Email address, E.164 phone number or web3 wallet that may not sign up. Changing it replaces the object. */
  identifier: pulumi.Input<string>;
  /** Adopt an existing block-list identifier with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * An identifier that may not sign up when the instance's block-list is on (see InstanceRestrictions).
 *
 * Clerk cannot edit identifiers: a change of `identifier` replaces it. Refresh sees deletions.
 */
export class BlocklistIdentifier extends ClerkResource {
  declare readonly identifier: pulumi.Output<string>;
  /** `email_address`, `phone_number` or `web3_wallet`, as Clerk classified the identifier. */
  declare readonly identifierType: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: BlocklistIdentifierArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<BlocklistIdentifier>()([
      "identifier",
      "identifierType",
      "createdAt",
      "updatedAt",
    ]);
    super("BlocklistIdentifier", name, args, opts, outputs);
  }
}
