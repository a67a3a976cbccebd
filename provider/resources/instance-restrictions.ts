import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

/**
 * Arguments of {@link InstanceRestrictions}. Every argument is optional: one left out is left as Clerk
 * has it (removing an argument later does not reset it either).
 */
export interface InstanceRestrictionsArgs extends InstanceArgs {
  /** Only identifiers on the allow-list (see `AllowlistIdentifier`) may sign up. */
  allowlist?: pulumi.Input<boolean>;
  /** Identifiers on the block-list (see `BlocklistIdentifier`) may not sign up. */
  blocklist?: pulumi.Input<boolean>;
  /** Apply the allow-list and block-list to sign-up only, not to sign-in. */
  allowlistBlocklistDisabledOnSignIn?: pulumi.Input<boolean>;
  /** Reject email addresses with a `+` subaddress (`name+tag@example.com`). */
  blockEmailSubaddresses?: pulumi.Input<boolean>;
  /** Reject email addresses at known disposable-email domains. */
  blockDisposableEmailDomains?: pulumi.Input<boolean>;
}

/**
 * The instance's sign-up restrictions (`/instance/restrictions`), a singleton: one per Clerk instance.
 * Allow-list and block-list entries themselves are `AllowlistIdentifier` / `BlocklistIdentifier`.
 *
 * - **Create** adopts the existing restrictions and PATCHes only the arguments you declare; the id is
 *   always `instance_restrictions`. All five settings are outputs, whether declared or not.
 * - **Refresh**: Clerk has no GET here. Refresh sends an *empty* `PATCH /instance/restrictions`, which
 *   changes nothing and answers with all five settings, so dashboard changes are seen as drift. Risk:
 *   this behaviour is confirmed against the emulator only; should Clerk reject an empty PATCH
 *   (400/422), refresh keeps the recorded values instead and cannot see drift. Refresh is therefore a
 *   (no-op) write at Clerk; it may appear in Clerk's logs as an update.
 * - **Destroy** forgets the restrictions: no request is sent and Clerk keeps its current values.
 */
export class InstanceRestrictions extends ClerkResource {
  declare readonly allowlist: pulumi.Output<boolean>;
  declare readonly blocklist: pulumi.Output<boolean>;
  declare readonly allowlistBlocklistDisabledOnSignIn: pulumi.Output<boolean>;
  declare readonly blockEmailSubaddresses: pulumi.Output<boolean>;
  declare readonly blockDisposableEmailDomains: pulumi.Output<boolean>;

  constructor(name: string, args: InstanceRestrictionsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<InstanceRestrictions>()([
      "allowlist",
      "blocklist",
      "allowlistBlocklistDisabledOnSignIn",
      "blockEmailSubaddresses",
      "blockDisposableEmailDomains",
    ]);
    // Named: check refuses a setting also declared through the configuration document, naming both.
    super("InstanceRestrictions", name, args, opts, outputs, [], true);
  }
}
