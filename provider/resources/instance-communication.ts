import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

/**
 * Arguments of {@link InstanceCommunication}. Left out, the blocked list is left as Clerk has it.
 */
export interface InstanceCommunicationArgs extends InstanceArgs {
  /**
   * ISO 3166-1 alpha-2 country codes (`"RU"`, `"NG"`) to which Clerk must not send SMS. The whole list
   * is replaced; order does not matter; `[]` unblocks every country. Clerk only lets an instance block
   * countries it treats as high-cost "SMS-tier" destinations and silently drops any other code; a
   * code Clerk does not keep fails the create or update, naming it, and changes nothing (see the class).
   */
  blockedCountryCodes?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * The instance's SMS country block-list (`/instance/communication`), a singleton: one per Clerk
 * instance.
 *
 * - **Create** adopts the existing settings and, when `blockedCountryCodes` is declared, replaces the
 *   list; the id is always `instance_communication`.
 * - **Dropped codes**: Clerk silently drops codes it does not treat as "SMS-tier" countries, and
 *   which countries those are is Clerk's to decide (not published as a list, so check cannot know).
 *   After each write the provider compares Clerk's answer with the declared list; when a declared code
 *   is missing it PATCHes the previous list back and fails, naming the dropped codes. Clerk and state
 *   then both keep the previous list, and every preview shows the change until the program stops
 *   declaring those codes (rather than an `up` that "succeeds" yet never settles the diff). A write is
 *   therefore a GET plus a PATCH (plus the restoring PATCH on failure).
 * - **Refresh** reads `GET /instance/communication`: a country added or removed in the dashboard is
 *   drift. The list is compared as a set (order and Clerk's reordering do not matter).
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps the current list.
 */
export class InstanceCommunication extends ClerkResource {
  declare readonly blockedCountryCodes: pulumi.Output<string[]>;

  constructor(name: string, args: InstanceCommunicationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<InstanceCommunication>()(["blockedCountryCodes"]);
    super("InstanceCommunication", name, args, opts, outputs);
  }
}
