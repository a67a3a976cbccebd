import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { AllowlistIdentifierObject } from "../../sdk/schemas";
import { identifier } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

export interface AllowlistIdentifierArgs extends InstanceArgs {
  /** Email address, E.164 phone number or web3 wallet allowed to sign up. Changing it replaces the object. */
  identifier: pulumi.Input<string>;
  /** Send an invitation to this email address or phone number when the identifier is created. Only used at creation. */
  notify?: pulumi.Input<boolean>;
  /** Adopt an existing allow-list identifier with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

const inputs = z.strictObject({ identifier, notify: z.boolean().optional() });
type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<AllowlistIdentifierArgs, typeof inputs>>;

/** Clerk has no GET by id for allow-list identifiers: reads share one listing per provider process. */
const COLLECTION = "allowlist_identifiers";

/** @internal */
export const allowlistIdentifierDefinition: ResourceDefinition<Inputs, AllowlistIdentifierObject> = {
  type: "AllowlistIdentifier",
  inputs,
  replaceOnChange: ["identifier"],
  // The identifier is the key and the only replaceable input: the old object goes either way. Deleting it
  // first lets a program move the identifier to another of its resources in one `up` (docs/recovery.md).
  deleteBeforeReplace: true,
  createOnly: ["notify"],
  id: (api) => api.id,
  toInputs: (api) => ({ identifier: api.identifier }),
  toComputed: (api) => ({
    identifierType: api.identifier_type,
    invitationId: api.invitation_id ?? undefined,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client, lists }, inputs) =>
    lists.write(COLLECTION, () =>
      client.allowlistIdentifiers.create({
        identifier: inputs.identifier,
        ...(inputs.notify !== undefined ? { notify: inputs.notify } : {}),
      }),
    ),
  // A fresh listing, not the shared one: it must see what the lost create made.
  findExisting: async ({ client }, inputs) =>
    onlyMatch(await client.allowlistIdentifiers.list(), (x) => x.identifier === inputs.identifier),
  read: async ({ client, lists }, id) =>
    (await lists.get(COLLECTION, () => client.allowlistIdentifiers.list())).find((x) => x.id === id),
  delete: async ({ client, lists }, id) => {
    await lists.write(COLLECTION, () => client.allowlistIdentifiers.delete(id));
  },
  export: {
    title: "Allow-list identifiers",
    list: ({ client }) => client.allowlistIdentifiers.list(),
    key: (api) => api.identifier,
  },
};

/**
 * An identifier allowed to sign up when the instance's allow-list is on (see InstanceRestrictions).
 *
 * Clerk cannot edit identifiers: a change of `identifier` replaces it. `notify` only matters at
 * creation and is never read back. Refresh sees deletions.
 */
export class AllowlistIdentifier extends ClerkResource {
  /** @internal */
  static override readonly definition = allowlistIdentifierDefinition;
  declare readonly identifier: pulumi.Output<string>;
  declare readonly notify: pulumi.Output<boolean | undefined>;
  /** `email_address`, `phone_number` or `web3_wallet`, as Clerk classified the identifier. */
  declare readonly identifierType: pulumi.Output<string>;
  /** The invitation Clerk sent when `notify` was true. */
  declare readonly invitationId: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: AllowlistIdentifierArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = ["identifierType", "invitationId", "createdAt", "updatedAt"];
    super("AllowlistIdentifier", name, args, opts, outputs);
  }
}
