import type { Requester, RequestOptions } from "../request";
import {
  type CreateOrganizationRoleBody,
  type DeletedObject,
  DeletedObjectSchema,
  OrganizationRoleListSchema,
  type OrganizationRoleObject,
  OrganizationRoleSchema,
  type UpdateOrganizationRoleBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/organization_roles";

export function organizationRolesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<OrganizationRoleObject[]> =>
      listAll(request, BASE, OrganizationRoleListSchema, limitOffset, opts),
    get: (id: string, opts?: RequestOptions): Promise<OrganizationRoleObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: OrganizationRoleSchema }, opts),
    create: (body: CreateOrganizationRoleBody, opts?: RequestOptions): Promise<OrganizationRoleObject> =>
      request({ method: "POST", path: BASE, body, schema: OrganizationRoleSchema }, opts),
    /** `permissions` (ids), when sent, replaces the role's permissions in one request. */
    update: (
      id: string,
      body: UpdateOrganizationRoleBody,
      opts?: RequestOptions,
    ): Promise<OrganizationRoleObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: OrganizationRoleSchema }, opts),
    delete: (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
