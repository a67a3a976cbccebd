import type { Requester, RequestOptions } from "../request";
import {
  type CreateJwtTemplateBody,
  type DeletedObject,
  DeletedObjectSchema,
  JwtTemplateListSchema,
  type JwtTemplateObject,
  JwtTemplateSchema,
  type UpdateJwtTemplateBody,
} from "../schemas";
import { listAll, paginated } from "./list";
import { idPath } from "./path";

const BASE = "/jwt_templates";

export function jwtTemplatesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<JwtTemplateObject[]> =>
      listAll(request, BASE, JwtTemplateListSchema, paginated, opts),
    get: async (id: string, opts?: RequestOptions): Promise<JwtTemplateObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: JwtTemplateSchema }, opts),
    create: (body: CreateJwtTemplateBody, opts?: RequestOptions): Promise<JwtTemplateObject> =>
      request({ method: "POST", path: BASE, body, schema: JwtTemplateSchema }, opts),
    /** A full replace: `name` and `claims` are required even if unchanged. */
    update: async (
      id: string,
      body: UpdateJwtTemplateBody,
      opts?: RequestOptions,
    ): Promise<JwtTemplateObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: JwtTemplateSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
