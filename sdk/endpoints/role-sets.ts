import type { Requester, RequestOptions } from "../request";
import {
  type AddRolesToRoleSetBody,
  type CreateRoleSetBody,
  type DeletedObject,
  DeletedObjectSchema,
  type ReplaceRoleInRoleSetBody,
  type ReplaceRoleSetBody,
  RoleSetListSchema,
  type RoleSetObject,
  RoleSetSchema,
  type UpdateRoleSetBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/role_sets";

// Paths take a role set's key or id. There is no DELETE: `replace` moves the set's organizations to
// another set and removes it.
export function roleSetsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<RoleSetObject[]> =>
      listAll(request, BASE, RoleSetListSchema, limitOffset, opts),
    get: (keyOrId: string, opts?: RequestOptions): Promise<RoleSetObject> =>
      request({ method: "GET", path: idPath(BASE, keyOrId), schema: RoleSetSchema }, opts),
    create: (body: CreateRoleSetBody, opts?: RequestOptions): Promise<RoleSetObject> =>
      request({ method: "POST", path: BASE, body, schema: RoleSetSchema }, opts),
    update: (keyOrId: string, body: UpdateRoleSetBody, opts?: RequestOptions): Promise<RoleSetObject> =>
      request({ method: "PATCH", path: idPath(BASE, keyOrId), body, schema: RoleSetSchema }, opts),
    addRoles: (keyOrId: string, body: AddRolesToRoleSetBody, opts?: RequestOptions): Promise<RoleSetObject> =>
      request({ method: "POST", path: idPath(BASE, keyOrId, "/roles"), body, schema: RoleSetSchema }, opts),
    replaceRole: (
      keyOrId: string,
      body: ReplaceRoleInRoleSetBody,
      opts?: RequestOptions,
    ): Promise<RoleSetObject> =>
      request(
        { method: "POST", path: idPath(BASE, keyOrId, "/roles/replace"), body, schema: RoleSetSchema },
        opts,
      ),
    replace: (keyOrId: string, body: ReplaceRoleSetBody, opts?: RequestOptions): Promise<DeletedObject> =>
      request(
        { method: "POST", path: idPath(BASE, keyOrId, "/replace"), body, schema: DeletedObjectSchema },
        opts,
      ),
  };
}
