import type { Requester, RequestOptions } from "../request";
import { OrganizationRoleListSchema, type OrganizationRoleObject } from "../schemas";
import { limitOffset, listAll } from "./list";

// Only the list: organization settings write role ids but read role keys, and this maps between them.
export function organizationRolesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<OrganizationRoleObject[]> =>
      listAll(request, "/organization_roles", OrganizationRoleListSchema, limitOffset, opts),
  };
}
