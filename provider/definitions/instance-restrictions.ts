import { z } from "zod";
import type { InstanceRestrictionsObject, UpdateInstanceRestrictionsBody } from "../../sdk";
import { ClerkApiError } from "../../sdk/errors";
import type { InstanceRestrictionsArgs } from "../resources/instance-restrictions";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

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

/** The same switches in the configuration document's `auth_access_control` (AccessControl): one door per field. */
const DOCUMENT_FIELDS: Record<keyof Inputs, string> = {
  allowlist: "allowlist_enabled",
  blocklist: "blocklist_enabled",
  allowlistBlocklistDisabledOnSignIn: "allowlist_blocklist_enforced_on_sign_in",
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
  documentPaths: (news) =>
    Object.entries(DOCUMENT_FIELDS)
      .filter(([input]) => news[input as keyof Inputs] !== undefined)
      .map(([, wire]) => `auth_access_control.${wire}`),
  replaceOnChange: [],
  id: () => INSTANCE_RESTRICTIONS_ID,
  // Unseen: no keys at all, so the generic layer keeps the recorded values.
  toInputs: (api) => ("unseen" in api ? {} : wireInputs(api, FIELDS)),
  toComputed: () => ({}),
  // A singleton: create adopts it and PATCHes only the declared fields (an empty PATCH when none are).
  create: ({ client }, news) => client.instanceRestrictions.update(body(news)),
  read: (ctx) => readByEmptyPatch(ctx),
  update: ({ client }, _id, news) => client.instanceRestrictions.update(body(news)),
  // Destroy puts back the switches the stack found (the generic layer PATCHes them): an allow-list this
  // stack turned on would otherwise stay on after its entries are gone, and nobody could sign up.
  restoreOnDelete: true,
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
