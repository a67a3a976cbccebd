import type { Requester, RequestOptions } from "../request";
import {
  type CreateDomainBody,
  type DeletedObject,
  DeletedObjectSchema,
  DomainListSchema,
  type DomainObject,
  DomainSchema,
  type UpdateDomainBody,
} from "../schemas";
import { listAll, unpagedFirst } from "./list";
import { idPath } from "./path";

const BASE = "/domains";

// No read-by-id: callers scan the list (the primary domain plus satellites).
export function domainsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<DomainObject[]> =>
      listAll(request, BASE, DomainListSchema, unpagedFirst, opts),
    /** Satellite domains only. */
    create: (body: CreateDomainBody, opts?: RequestOptions): Promise<DomainObject> =>
      request({ method: "POST", path: BASE, body, schema: DomainSchema }, opts),
    update: async (id: string, body: UpdateDomainBody, opts?: RequestOptions): Promise<DomainObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: DomainSchema }, opts),
    /** Satellite domains only; the primary domain cannot be deleted. */
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
