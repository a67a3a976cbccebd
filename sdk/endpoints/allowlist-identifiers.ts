import type { Requester, RequestOptions } from "../request";
import {
  AllowlistIdentifierListSchema,
  type AllowlistIdentifierObject,
  AllowlistIdentifierSchema,
  type CreateAllowlistIdentifierBody,
  type DeletedObject,
  DeletedObjectSchema,
} from "../schemas";
import { listAll, paginated } from "./list";
import { idPath } from "./path";

const BASE = "/allowlist_identifiers";

// No read-by-id and no update in the API: callers find one identifier by scanning the list.
export function allowlistIdentifiersApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<AllowlistIdentifierObject[]> =>
      listAll(request, BASE, AllowlistIdentifierListSchema, paginated, opts),
    create: (
      body: CreateAllowlistIdentifierBody,
      opts?: RequestOptions,
    ): Promise<AllowlistIdentifierObject> =>
      request({ method: "POST", path: BASE, body, schema: AllowlistIdentifierSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
