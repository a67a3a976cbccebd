import type { Requester, RequestOptions } from "../request";
import {
  type CreateScimDirectoryBody,
  type DeletedObject,
  DeletedObjectSchema,
  type ReplaceScimGroupRoleMappingsBody,
  ScimDirectoryListSchema,
  type ScimDirectoryObject,
  ScimDirectorySchema,
  ScimGroupRoleMappingListSchema,
  type ScimGroupRoleMappingObject,
  type UpdateScimDirectoryBody,
} from "../schemas";
import { limitOffset, listAll, unpagedFirst } from "./list";
import { idPath } from "./path";

const BASE = "/scim_directories";

export function scimDirectoriesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<ScimDirectoryObject[]> =>
      listAll(request, BASE, ScimDirectoryListSchema, limitOffset, opts),
    get: (id: string, opts?: RequestOptions): Promise<ScimDirectoryObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: ScimDirectorySchema }, opts),
    /** The answer carries the directory's API key, which only create and rotation show. */
    create: (body: CreateScimDirectoryBody, opts?: RequestOptions): Promise<ScimDirectoryObject> =>
      request({ method: "POST", path: BASE, body, schema: ScimDirectorySchema }, opts),
    update: (
      id: string,
      body: UpdateScimDirectoryBody,
      opts?: RequestOptions,
    ): Promise<ScimDirectoryObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: ScimDirectorySchema }, opts),
    delete: (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
    /** A new API key (the previous one works for a short grace period); never retried blindly. */
    rotateApiKey: (id: string, opts?: RequestOptions): Promise<ScimDirectoryObject> =>
      request(
        { method: "POST", path: idPath(BASE, id, "/rotate_api_key"), schema: ScimDirectorySchema },
        opts,
      ),
    /** Every group-to-role mapping, in precedence order. The spec declares no paging for this list. */
    listGroupRoleMappings: (id: string, opts?: RequestOptions): Promise<ScimGroupRoleMappingObject[]> =>
      listAll(
        request,
        idPath(BASE, id, "/group_role_mappings"),
        ScimGroupRoleMappingListSchema,
        unpagedFirst,
        opts,
      ),
    /** Replaces the whole set; order sets precedence. Repeating it is harmless. */
    replaceGroupRoleMappings: (
      id: string,
      body: ReplaceScimGroupRoleMappingsBody,
      opts?: RequestOptions,
    ): Promise<ScimGroupRoleMappingObject[]> =>
      request(
        {
          method: "PUT",
          path: idPath(BASE, id, "/group_role_mappings"),
          body,
          schema: ScimGroupRoleMappingListSchema,
        },
        opts,
      ).then((l) => l.data),
  };
}
