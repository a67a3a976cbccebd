import { z } from "zod";
import { identifierExists, notFound } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { BlocklistIdentifierRecord } from "../types";
import { boolParam, parseBody } from "../validate";
import { classifyIdentifier, deleted, ok, pagedList } from "./common";

const CreateBody = z.strictObject({ identifier: z.string() });

const render = (store: Store) => (r: BlocklistIdentifierRecord) => ({
  object: "blocklist_identifier",
  id: r.id,
  identifier: r.identifier,
  identifier_type: r.identifier_type,
  instance_id: store.instanceId,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

export const blocklistRoutes: Route[] = [
  {
    // The spec declares no paging parameters here, but Clerk's clients page it (`limit`/`offset`, and
    // `paginated=true` from the Go client): pages of 10 unless asked otherwise, so a client that reads
    // only the first page misses entries.
    method: "GET",
    path: "/blocklist_identifiers",
    handler: ({ store, query }) => {
      boolParam(query, "paginated"); // accepted (the answer is {data, total_count} either way)
      return pagedList(store.blocklistIdentifiers.list(), query, render(store));
    },
  },
  {
    method: "POST",
    path: "/blocklist_identifiers",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const { identifier, identifier_type } = classifyIdentifier(input.identifier);
      if (store.blocklistIdentifiers.find((r) => r.identifier === identifier))
        throw identifierExists("identifier");
      const now = Date.now();
      const rec = store.blocklistIdentifiers.insert({
        id: newId(ID_PREFIX.blocklistIdentifier),
        identifier,
        identifier_type,
        created_at: now,
        updated_at: now,
      });
      return ok(render(store)(rec));
    },
  },
  {
    method: "DELETE",
    path: "/blocklist_identifiers/{identifier_id}",
    handler: ({ store, params }) => {
      const id = params.identifier_id as string;
      if (!store.blocklistIdentifiers.delete(id)) throw notFound("blocklist identifier");
      return deleted("blocklist_identifier", id);
    },
  },
];
