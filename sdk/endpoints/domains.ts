import type { Requester, RequestOptions } from "../request";
import {
  type CreateDomainBody,
  type DeletedObject,
  DeletedObjectSchema,
  type Domain,
  DomainListSchema,
  DomainSchema,
  type UpdateDomainBody,
} from "../schemas";
import { idPath } from "./path";

const BASE = "/domains";

// No read-by-id: callers scan the list (the primary domain plus satellites).
export function domainsApi(request: Requester) {
  return {
    // The spec declares no paging parameters for this list: one call returns everything.
    list: async (opts?: RequestOptions): Promise<Domain[]> =>
      (await request({ method: "GET", path: BASE, schema: DomainListSchema }, opts)).data,
    /** Satellite domains only. */
    create: (body: CreateDomainBody, opts?: RequestOptions): Promise<Domain> =>
      request({ method: "POST", path: BASE, body, schema: DomainSchema }, opts),
    update: async (id: string, body: UpdateDomainBody, opts?: RequestOptions): Promise<Domain> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: DomainSchema }, opts),
    /** Satellite domains only; the primary domain cannot be deleted. */
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
