import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface MachineArgs extends InstanceArgs {
  /** Display name (1 to 255 characters). Not unique at Clerk. Updated in place. */
  name: pulumi.Input<string>;
  /** Default lifetime in seconds of the tokens this machine creates, 1 to 315360000 (Clerk's default: 3600). */
  defaultTokenTtl?: pulumi.Input<number>;
  /**
   * The machines this machine may call, by id (`mch_…`, typically other `Machine` resources' `id`).
   * Compared as a set; changes are applied one scope at a time, in place. `[]` removes every scope;
   * leaving the argument out leaves Clerk's scopes as they are.
   */
  scopedMachines?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Rotation trigger: any number or string. Whenever it differs from the value recorded in state
   * (including when first set), `pulumi up` rotates the secret key and `secretKey` holds the new one.
   * Never sent to Clerk.
   */
  rotateSecretKey?: pulumi.Input<number | string>;
  /**
   * How long, in seconds (0 to 28800), the previous secret key keeps working after a rotation
   * (default 0: it stops at once). Used only when `rotateSecretKey` changes; never returned by Clerk.
   */
  previousKeyTtl?: pulumi.Input<number>;
  /** Adopt an existing machine with this Clerk id (`mch_…`) instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * A machine: a backend service that authenticates to other machines with machine-to-machine tokens.
 *
 * Every argument updates in place; scopes are added and removed one at a time. `secretKey` (a secret
 * output) is the machine's current secret key: Clerk lets it be read at any time, so adoption gets it
 * and refresh sees a key rotated outside Pulumi. Set or change `rotateSecretKey` to rotate it.
 */
export class Machine extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly defaultTokenTtl: pulumi.Output<number>;
  declare readonly scopedMachines: pulumi.Output<string[]>;
  declare readonly rotateSecretKey: pulumi.Output<number | string | undefined>;
  declare readonly previousKeyTtl: pulumi.Output<number | undefined>;
  /** The machine's current secret key (a secret output). */
  declare readonly secretKey: pulumi.Output<string>;
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: MachineArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<Machine>()([
      "name",
      "defaultTokenTtl",
      "scopedMachines",
      "rotateSecretKey",
      "previousKeyTtl",
      "secretKey",
      "instanceId",
      "createdAt",
      "updatedAt",
    ]);
    super("Machine", name, args, opts, outputs, ["secretKey"]);
  }
}
