import type { Requester, RequestOptions } from "../request";
import {
  type CreateOrganizationPermissionBody,
  type DeletedObject,
  DeletedObjectSchema,
  PermissionListSchema,
  type PermissionObject,
  PermissionSchema,
  type UpdateOrganizationPermissionBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/organization_permissions";

export function organizationPermissionsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<PermissionObject[]> =>
      listAll(request, BASE, PermissionListSchema, limitOffset, opts),
    get: (id: string, opts?: RequestOptions): Promise<PermissionObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: PermissionSchema }, opts),
    create: (body: CreateOrganizationPermissionBody, opts?: RequestOptions): Promise<PermissionObject> =>
      request({ method: "POST", path: BASE, body, schema: PermissionSchema }, opts),
    update: (
      id: string,
      body: UpdateOrganizationPermissionBody,
      opts?: RequestOptions,
    ): Promise<PermissionObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: PermissionSchema }, opts),
    delete: (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
