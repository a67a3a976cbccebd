import { z } from "zod";
import { identifierExists, notFound } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { AllowlistIdentifierRecord } from "../types";
import { parseBody } from "../validate";
import { arrayOrPagedList, classifyIdentifier, deleted, newestFirst, ok } from "./common";

const CreateBody = z.strictObject({ identifier: z.string(), notify: z.boolean().optional() });

const render = (store: Store) => (r: AllowlistIdentifierRecord) => ({
  object: "allowlist_identifier",
  id: r.id,
  ...(r.invitation_id ? { invitation_id: r.invitation_id } : {}),
  identifier: r.identifier,
  identifier_type: r.identifier_type,
  instance_id: store.instanceId,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

export const allowlistRoutes: Route[] = [
  {
    method: "GET",
    path: "/allowlist_identifiers",
    handler: ({ store, query }) =>
      arrayOrPagedList(newestFirst(store.allowlistIdentifiers.list()), query, render(store)),
  },
  {
    method: "POST",
    path: "/allowlist_identifiers",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const { identifier, identifier_type } = classifyIdentifier(input.identifier);
      if (store.allowlistIdentifiers.find((r) => r.identifier === identifier))
        throw identifierExists("identifier");
      const now = Date.now();
      // An invitation is only sent for emails and phone numbers (the spec's note on `notify`).
      const invites = input.notify === true && identifier_type !== "web3_wallet";
      const rec = store.allowlistIdentifiers.insert({
        id: newId(ID_PREFIX.allowlistIdentifier),
        identifier,
        identifier_type,
        ...(invites ? { invitation_id: newId(ID_PREFIX.invitation) } : {}),
        created_at: now,
        updated_at: now,
      });
      return ok(render(store)(rec));
    },
  },
  {
    method: "DELETE",
    path: "/allowlist_identifiers/{identifier_id}",
    handler: ({ store, params }) => {
      const id = params.identifier_id as string;
      if (!store.allowlistIdentifiers.delete(id)) throw notFound("allowlist identifier");
      return deleted("allowlist_identifier", id);
    },
  },
];
