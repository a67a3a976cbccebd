import type { Requester, RequestOptions } from "../request";
import {
  type BlocklistIdentifier,
  BlocklistIdentifierListSchema,
  BlocklistIdentifierSchema,
  type CreateBlocklistIdentifierBody,
  type DeletedObject,
  DeletedObjectSchema,
} from "../schemas";
import { idPath } from "./path";

const BASE = "/blocklist_identifiers";

export function blocklistIdentifiersApi(request: Requester) {
  return {
    // The spec declares no paging parameters for this list: one call returns everything.
    list: async (opts?: RequestOptions): Promise<BlocklistIdentifier[]> =>
      (await request({ method: "GET", path: BASE, schema: BlocklistIdentifierListSchema }, opts)).data,
    create: (body: CreateBlocklistIdentifierBody, opts?: RequestOptions): Promise<BlocklistIdentifier> =>
      request({ method: "POST", path: BASE, body, schema: BlocklistIdentifierSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
