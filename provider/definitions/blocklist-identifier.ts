import { z } from "zod";
import type { BlocklistIdentifierObject } from "../../sdk/schemas";
import { identifier } from "../inputs";
import type { BlocklistIdentifierArgs } from "../resources/blocklist-identifier";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

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
  // A replacement changes the identifier, so the new object is made before the old one goes (no moment
  // without the entry); a program moving the identifier to another of its resources still works (uniqueKey).
  uniqueKey: ["identifier"],
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
