import type { Requester, RequestOptions } from "../request";
import {
  type CreateSamlConnectionBody,
  type DeletedObject,
  DeletedObjectSchema,
  SamlConnectionListSchema,
  type SamlConnectionObject,
  SamlConnectionSchema,
  type UpdateSamlConnectionBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/saml_connections";

/** Deprecated by Clerk in favour of enterprise connections. */
export function samlConnectionsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<SamlConnectionObject[]> =>
      listAll(request, BASE, SamlConnectionListSchema, limitOffset, opts),
    get: async (id: string, opts?: RequestOptions): Promise<SamlConnectionObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: SamlConnectionSchema }, opts),
    create: (body: CreateSamlConnectionBody, opts?: RequestOptions): Promise<SamlConnectionObject> =>
      request({ method: "POST", path: BASE, body, schema: SamlConnectionSchema }, opts),
    update: async (
      id: string,
      body: UpdateSamlConnectionBody,
      opts?: RequestOptions,
    ): Promise<SamlConnectionObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: SamlConnectionSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
