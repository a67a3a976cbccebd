import type { Requester, RequestOptions } from "../request";
import {
  type CreateRedirectUrlBody,
  type DeletedObject,
  DeletedObjectSchema,
  type RedirectUrl,
  RedirectUrlListSchema,
  RedirectUrlSchema,
} from "../schemas";
import { listAll, paginated } from "./list";
import { idPath } from "./path";

const BASE = "/redirect_urls";

export function redirectUrlsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<RedirectUrl[]> =>
      listAll(request, BASE, RedirectUrlListSchema, paginated, opts),
    get: async (id: string, opts?: RequestOptions): Promise<RedirectUrl> =>
      request({ method: "GET", path: idPath(BASE, id), schema: RedirectUrlSchema }, opts),
    create: (body: CreateRedirectUrlBody, opts?: RequestOptions): Promise<RedirectUrl> =>
      request({ method: "POST", path: BASE, body, schema: RedirectUrlSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
