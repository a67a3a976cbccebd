import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { InstanceCommunication as InstanceCommunicationObject } from "../../sdk/schemas";
import { ClerkResource } from "../resource-options";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";

/**
 * Arguments of {@link InstanceCommunication}. Left out, the blocked list is left as Clerk has it.
 */
export interface InstanceCommunicationArgs {
  /**
   * ISO 3166-1 alpha-2 country codes (`"RU"`, `"NG"`) to which Clerk must not send SMS. The whole list
   * is replaced; order does not matter; `[]` unblocks every country. Clerk only lets an instance block
   * countries it treats as high-cost "SMS-tier" destinations and silently drops any other code, so a
   * code Clerk did not keep fails the create or update with a message naming it (see the class docs).
   */
  blockedCountryCodes?: pulumi.Input<pulumi.Input<string>[]>;
}

type Inputs = { blockedCountryCodes?: string[] };

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: "must be a two-letter upper-case ISO 3166-1 country code, such as RU" });

const inputs = z.strictObject({
  blockedCountryCodes: z
    .array(countryCode)
    .max(250)
    .refine((codes) => new Set(codes).size === codes.length, { message: "must not list a country twice" })
    .optional(),
});

/** The fixed id of the one communication settings object (Clerk's own `object` name for it). */
export const INSTANCE_COMMUNICATION_ID = "instance_communication";

/**
 * PATCHes the declared list, then fails if Clerk dropped any declared code: otherwise the next preview
 * would show the same change forever, with no hint why.
 */
async function write({ client }: OperationContext, news: Inputs): Promise<InstanceCommunicationObject> {
  const codes = news.blockedCountryCodes;
  // Omitting the list is a no-op at Clerk; a GET gives the same answer without a write.
  if (codes === undefined) return client.instanceCommunication.get();
  const live = await client.instanceCommunication.update({ blocked_country_codes: codes });
  const kept = new Set(live.blocked_country_codes);
  const dropped = codes.filter((c) => !kept.has(c));
  if (dropped.length > 0) {
    throw new Error(
      `blockedCountryCodes: Clerk did not keep ${dropped.join(", ")}: Clerk only blocks countries it treats ` +
        "as high-cost SMS destinations and silently drops other codes. The rest of the list was applied " +
        `(Clerk now blocks: ${live.blocked_country_codes.join(", ") || "none"}); remove ${dropped.join(", ")} ` +
        "from blockedCountryCodes.",
    );
  }
  return live;
}

export const instanceCommunicationDefinition: ResourceDefinition<Inputs, InstanceCommunicationObject> = {
  type: "InstanceCommunication",
  inputs: inputs as z.ZodType<Inputs>,
  replaceOnChange: [],
  equals: { blockedCountryCodes: sameSet },
  id: () => INSTANCE_COMMUNICATION_ID,
  toInputs: (api) => ({ blockedCountryCodes: api.blocked_country_codes }),
  toComputed: () => ({}),
  // A singleton: create adopts it and PATCHes the list only when it is declared.
  create: (ctx, news) => write(ctx, news),
  read: ({ client }) => client.instanceCommunication.get(),
  update: (ctx, _id, news) => write(ctx, news),
  // Forget only: there is nothing to delete, and no reset nobody asked for.
  delete: async () => {},
};

/**
 * The instance's SMS country block-list (`/instance/communication`), a singleton: one per Clerk
 * instance.
 *
 * - **Create** adopts the existing settings and, when `blockedCountryCodes` is declared, replaces the
 *   list; the id is always `instance_communication`.
 * - **Dropped codes**: Clerk silently drops codes it does not treat as "SMS-tier" countries. After
 *   each write the provider compares Clerk's answer with the declared list and fails, naming the
 *   dropped codes, when any is missing. Clerk has then already stored the rest of the list (the PATCH
 *   cannot be split); state keeps the previous values, so the next preview shows the change again
 *   until the program stops declaring the dropped codes.
 * - **Refresh** reads `GET /instance/communication`: a country added or removed in the dashboard is
 *   drift. The list is compared as a set (order and Clerk's reordering do not matter).
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps the current list.
 */
export class InstanceCommunication extends ClerkResource {
  declare readonly blockedCountryCodes: pulumi.Output<string[]>;

  constructor(name: string, args: InstanceCommunicationArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("InstanceCommunication", name, args, opts, ["blockedCountryCodes"]);
  }
}
