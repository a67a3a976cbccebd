import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import type { InstanceProtectObject, UpdateInstanceProtectBody } from "../../sdk/schemas";
import type { InstanceProtectArgs } from "../resources/instance-protect";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<InstanceProtectArgs, typeof inputs>>;

const inputs = z.strictObject({
  rulesEnabled: z.boolean().optional(),
  specterEnabled: z.boolean().optional(),
});

const FIELDS: FieldTable<Inputs, InstanceProtectObject> = {
  rulesEnabled: "rules_enabled",
  specterEnabled: "specter_enabled",
};

const body = (news: Inputs): UpdateInstanceProtectBody => declaredBody(news, FIELDS);

/** PATCHes the declared fields; with none declared, a GET gives the same answer without a write. */
function write(client: ClerkClient, news: Inputs): Promise<InstanceProtectObject> {
  const b = body(news);
  return Object.keys(b).length === 0 ? client.instanceProtect.get() : client.instanceProtect.update(b);
}

/** The fixed id of the one Protect settings object (Clerk's own `object` name for it). */
export const INSTANCE_PROTECT_ID = "instance_protect";

/** @internal */
export const instanceProtectDefinition: ResourceDefinition<Inputs, InstanceProtectObject> = {
  type: "InstanceProtect",
  inputs,
  replaceOnChange: [],
  id: () => INSTANCE_PROTECT_ID,
  toInputs: (api) => wireInputs(api, FIELDS),
  toComputed: (api) => ({ checksBypassed: api.checks_bypassed }),
  // A singleton: create adopts it and PATCHes only the declared fields.
  create: ({ client }, news) => write(client, news),
  read: ({ client }) => client.instanceProtect.get(),
  update: ({ client }, _id, news) => write(client, news),
  // Forget only: there is nothing to delete, and no reset nobody asked for.
  delete: async () => {},
  export: {
    title: "Protect",
    singleton: true,
    list: async ({ client }) => [await client.instanceProtect.get()],
    key: () => "instance-protect",
  },
};
