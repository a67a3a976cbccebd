import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import type { InstanceProtectObject, UpdateInstanceProtectBody } from "../../sdk/schemas";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

/**
 * Arguments of {@link InstanceProtect}. Every argument is optional: one left out is left as Clerk has
 * it (removing an argument later does not reset it either).
 */
export interface InstanceProtectArgs extends InstanceArgs {
  /** Whether Clerk Protect's rules run on sign-ups and sign-ins. */
  rulesEnabled?: pulumi.Input<boolean>;
  /** Whether Clerk Protect's "Specter" bot and abuse detection runs. */
  specterEnabled?: pulumi.Input<boolean>;
}

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

/**
 * The instance's Clerk Protect settings (`/instance/protect`), a singleton: one per Clerk instance.
 *
 * - **Create** adopts the existing settings and PATCHes only the arguments you declare; the id is
 *   always `instance_protect`.
 * - **Refresh** reads `GET /instance/protect`, so a change made in the dashboard to `rulesEnabled` or
 *   `specterEnabled` shows up as drift; `checksBypassed` is an output only.
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps its current values.
 */
export class InstanceProtect extends ClerkResource {
  /** @internal */
  static override readonly definition = instanceProtectDefinition;
  declare readonly rulesEnabled: pulumi.Output<boolean>;
  declare readonly specterEnabled: pulumi.Output<boolean>;
  /** Read-only: whether the instance has opted out of Protect's prerequisite checks. */
  declare readonly checksBypassed: pulumi.Output<boolean>;

  constructor(name: string, args: InstanceProtectArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("InstanceProtect", name, args, opts, ["rulesEnabled", "specterEnabled", "checksBypassed"]);
  }
}
