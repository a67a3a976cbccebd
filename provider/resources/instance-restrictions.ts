import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { InstanceRestrictionsObject, UpdateInstanceRestrictionsBody } from "../../sdk";
import { ClerkApiError } from "../../sdk/errors";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

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

type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<InstanceRestrictionsArgs, typeof inputs>>;

const inputs = z.strictObject({
  allowlist: z.boolean().optional(),
  blocklist: z.boolean().optional(),
  allowlistBlocklistDisabledOnSignIn: z.boolean().optional(),
  blockEmailSubaddresses: z.boolean().optional(),
  blockDisposableEmailDomains: z.boolean().optional(),
});

const FIELDS: FieldTable<Inputs, InstanceRestrictionsObject> = {
  allowlist: "allowlist",
  blocklist: "blocklist",
  allowlistBlocklistDisabledOnSignIn: "allowlist_blocklist_disabled_on_sign_in",
  blockEmailSubaddresses: "block_email_subaddresses",
  blockDisposableEmailDomains: "block_disposable_email_domains",
};

const body = (news: Inputs): UpdateInstanceRestrictionsBody => declaredBody(news, FIELDS);

/** The fixed id of the one restrictions object (Clerk's own `object` name for it). */
export const INSTANCE_RESTRICTIONS_ID = "instance_restrictions";

/** What read returns when Clerk refuses the empty PATCH: nothing seen, so state is carried over. */
type Unseen = { object: "instance_restrictions"; unseen: true };
type Api = InstanceRestrictionsObject | Unseen;

/**
 * Clerk has no GET for the restrictions; a PATCH answers with all five settings. An empty PATCH
 * changes nothing and so serves as the read (it does in the emulator; at Clerk this is untested). If
 * Clerk ever refuses an empty body (400/422), refresh falls back to carrying the recorded values
 * rather than failing the whole refresh.
 */
async function readByEmptyPatch({ client }: OperationContext): Promise<Api> {
  try {
    return await client.instanceRestrictions.update({});
  } catch (e) {
    if (e instanceof ClerkApiError && (e.status === 400 || e.status === 422)) {
      return { object: "instance_restrictions", unseen: true };
    }
    throw e;
  }
}

/** @internal */
export const instanceRestrictionsDefinition: ResourceDefinition<Inputs, Api> = {
  type: "InstanceRestrictions",
  inputs,
  replaceOnChange: [],
  id: () => INSTANCE_RESTRICTIONS_ID,
  // Unseen: no keys at all, so the generic layer keeps the recorded values.
  toInputs: (api) => ("unseen" in api ? {} : wireInputs(api, FIELDS)),
  toComputed: () => ({}),
  // A singleton: create adopts it and PATCHes only the declared fields (an empty PATCH when none are).
  create: ({ client }, news) => client.instanceRestrictions.update(body(news)),
  read: (ctx) => readByEmptyPatch(ctx),
  update: ({ client }, _id, news) => client.instanceRestrictions.update(body(news)),
  // Forget only: there is nothing to delete, and no reset nobody asked for.
  delete: async () => {},
  export: {
    title: "Restrictions",
    singleton: true,
    list: async (ctx) => [await readByEmptyPatch(ctx)],
    key: () => "instance-restrictions",
    unexported: (api) =>
      "unseen" in api
        ? [
            {
              field: "(all settings)",
              reason:
                "Clerk refused the empty PATCH that is the only way to read them; adopted without declaring any",
            },
          ]
        : [],
  },
};

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
  /** @internal */
  static override readonly definition = instanceRestrictionsDefinition;
  declare readonly allowlist: pulumi.Output<boolean>;
  declare readonly blocklist: pulumi.Output<boolean>;
  declare readonly allowlistBlocklistDisabledOnSignIn: pulumi.Output<boolean>;
  declare readonly blockEmailSubaddresses: pulumi.Output<boolean>;
  declare readonly blockDisposableEmailDomains: pulumi.Output<boolean>;

  constructor(name: string, args: InstanceRestrictionsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "allowlist",
      "blocklist",
      "allowlistBlocklistDisabledOnSignIn",
      "blockEmailSubaddresses",
      "blockDisposableEmailDomains",
    ];
    super("InstanceRestrictions", name, args, opts, outputs);
  }
}
