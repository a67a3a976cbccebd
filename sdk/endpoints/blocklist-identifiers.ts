import type { Requester, RequestOptions } from "../request";
import {
  BlocklistIdentifierListSchema,
  type BlocklistIdentifierObject,
  BlocklistIdentifierSchema,
  type CreateBlocklistIdentifierBody,
  type DeletedObject,
  DeletedObjectSchema,
} from "../schemas";
import { listAll, paginated } from "./list";
import { idPath } from "./path";

const BASE = "/blocklist_identifiers";

export function blocklistIdentifiersApi(request: Requester) {
  return {
    // The spec declares no paging parameters here, but Clerk's clients page this list: one unpaged call
    // could see only a first page, and an entry missing from it would look deleted.
    list: (opts?: RequestOptions): Promise<BlocklistIdentifierObject[]> =>
      listAll(request, BASE, BlocklistIdentifierListSchema, paginated, opts),
    create: (
      body: CreateBlocklistIdentifierBody,
      opts?: RequestOptions,
    ): Promise<BlocklistIdentifierObject> =>
      request({ method: "POST", path: BASE, body, schema: BlocklistIdentifierSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
