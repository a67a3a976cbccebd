import { z } from "zod";
import type { AllowlistIdentifierObject } from "../../sdk/schemas";
import { identifier } from "../inputs";
import type { AllowlistIdentifierArgs } from "../resources/allowlist-identifier";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

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
  // A replacement changes the identifier, so the new object is made before the old one goes (no moment
  // without the entry); a program moving the identifier to another of its resources still works (uniqueKey).
  uniqueKey: ["identifier"],
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
