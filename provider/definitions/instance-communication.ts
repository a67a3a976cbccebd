import { z } from "zod";
import type { InstanceCommunicationObject } from "../../sdk/schemas";
import type { InstanceCommunicationArgs } from "../resources/instance-communication";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<InstanceCommunicationArgs, typeof inputs>>;

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
 * PATCHes the declared list. If Clerk dropped any declared code, puts the previous list back and fails
 * naming the dropped codes: succeeding would leave a diff that no `up` can settle, and failing after a
 * partial write would leave Clerk differing from state unseen until the next refresh.
 */
async function write({ client }: OperationContext, news: Inputs): Promise<InstanceCommunicationObject> {
  const codes = news.blockedCountryCodes;
  const api = client.instanceCommunication;
  // Omitting the list is a no-op at Clerk; a GET gives the same answer without a write.
  if (codes === undefined) return api.get();
  const before = await api.get();
  const live = await api.update({ blocked_country_codes: codes });
  const kept = new Set(live.blocked_country_codes);
  const dropped = codes.filter((c) => !kept.has(c));
  if (dropped.length === 0) return live;
  let outcome: string;
  try {
    await api.update({ blocked_country_codes: before.blocked_country_codes });
    outcome = "Nothing was changed (the previous list was put back).";
  } catch (e) {
    outcome =
      `Putting the previous list back failed (${e instanceof Error ? e.message : String(e)}); Clerk now blocks ` +
      `${live.blocked_country_codes.join(", ") || "no country"}: run \`pulumi refresh\`.`;
  }
  throw new Error(
    `blockedCountryCodes: Clerk does not accept ${dropped.join(", ")}: it only blocks countries it treats as ` +
      `high-cost SMS destinations and silently drops other codes. ${outcome} Remove ${dropped.join(", ")} ` +
      "from blockedCountryCodes.",
  );
}

/** @internal */
export const instanceCommunicationDefinition: ResourceDefinition<Inputs, InstanceCommunicationObject> = {
  type: "InstanceCommunication",
  inputs,
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
  export: {
    title: "Communication",
    singleton: true,
    list: async ({ client }) => [await client.instanceCommunication.get()],
    key: () => "instance-communication",
  },
};
