import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { BlocklistIdentifierObject } from "../../sdk/schemas";
import { identifier } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

export interface BlocklistIdentifierArgs extends InstanceArgs {
  /** Email address, E.164 phone number or web3 wallet that may not sign up. Changing it replaces the object. */
  identifier: pulumi.Input<string>;
  /** Adopt an existing block-list identifier with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

const inputs = z.strictObject({ identifier });
type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<BlocklistIdentifierArgs, typeof inputs>>;

/** Clerk has no GET by id for block-list identifiers: reads share one listing per provider process. */
const COLLECTION = "blocklist_identifiers";

/** @internal */
export const blocklistIdentifierDefinition: ResourceDefinition<Inputs, BlocklistIdentifierObject> = {
  type: "BlocklistIdentifier",
  inputs,
  replaceOnChange: ["identifier"],
  // The identifier is the key and the only replaceable input: the old object goes either way. Deleting it
  // first lets a program move the identifier to another of its resources in one `up` (docs/recovery.md).
  deleteBeforeReplace: true,
  id: (api) => api.id,
  toInputs: (api) => ({ identifier: api.identifier }),
  toComputed: (api) => ({
    identifierType: api.identifier_type,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client, lists }, inputs) =>
    lists.write(COLLECTION, () => client.blocklistIdentifiers.create({ identifier: inputs.identifier })),
  // A fresh listing, not the shared one: it must see what the lost create made.
  findExisting: async ({ client }, inputs) =>
    onlyMatch(await client.blocklistIdentifiers.list(), (x) => x.identifier === inputs.identifier),
  read: async ({ client, lists }, id) =>
    (await lists.get(COLLECTION, () => client.blocklistIdentifiers.list())).find((x) => x.id === id),
  delete: async ({ client, lists }, id) => {
    await lists.write(COLLECTION, () => client.blocklistIdentifiers.delete(id));
  },
  export: {
    title: "Block-list identifiers",
    list: ({ client }) => client.blocklistIdentifiers.list(),
    key: (api) => api.identifier,
  },
};

/**
 * An identifier that may not sign up when the instance's block-list is on (see InstanceRestrictions).
 *
 * Clerk cannot edit identifiers: a change of `identifier` replaces it. Refresh sees deletions.
 */
export class BlocklistIdentifier extends ClerkResource {
  /** @internal */
  static override readonly definition = blocklistIdentifierDefinition;
  declare readonly identifier: pulumi.Output<string>;
  /** `email_address`, `phone_number` or `web3_wallet`, as Clerk classified the identifier. */
  declare readonly identifierType: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: BlocklistIdentifierArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = ["identifierType", "createdAt", "updatedAt"];
    super("BlocklistIdentifier", name, args, opts, outputs);
  }
}
