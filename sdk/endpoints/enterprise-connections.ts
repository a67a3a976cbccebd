import type { Requester, RequestOptions } from "../request";
import {
  type CreateEnterpriseConnectionBody,
  type DeletedObject,
  DeletedObjectSchema,
  EnterpriseConnectionListSchema,
  type EnterpriseConnectionObject,
  EnterpriseConnectionSchema,
  type UpdateEnterpriseConnectionBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/enterprise_connections";

export function enterpriseConnectionsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<EnterpriseConnectionObject[]> =>
      listAll(request, BASE, EnterpriseConnectionListSchema, limitOffset, opts),
    get: async (id: string, opts?: RequestOptions): Promise<EnterpriseConnectionObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: EnterpriseConnectionSchema }, opts),
    /** Answers 201. */
    create: (
      body: CreateEnterpriseConnectionBody,
      opts?: RequestOptions,
    ): Promise<EnterpriseConnectionObject> =>
      request({ method: "POST", path: BASE, body, schema: EnterpriseConnectionSchema }, opts),
    update: (
      id: string,
      body: UpdateEnterpriseConnectionBody,
      opts?: RequestOptions,
    ): Promise<EnterpriseConnectionObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: EnterpriseConnectionSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
