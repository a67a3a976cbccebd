import type { Requester, RequestOptions } from "../request";
import {
  type CreateRedirectUrlBody,
  type DeletedObject,
  DeletedObjectSchema,
  RedirectUrlListSchema,
  type RedirectUrlObject,
  RedirectUrlSchema,
} from "../schemas";
import { listAll, paginated } from "./list";
import { idPath } from "./path";

const BASE = "/redirect_urls";

export function redirectUrlsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<RedirectUrlObject[]> =>
      listAll(request, BASE, RedirectUrlListSchema, paginated, opts),
    get: async (id: string, opts?: RequestOptions): Promise<RedirectUrlObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: RedirectUrlSchema }, opts),
    create: (body: CreateRedirectUrlBody, opts?: RequestOptions): Promise<RedirectUrlObject> =>
      request({ method: "POST", path: BASE, body, schema: RedirectUrlSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
