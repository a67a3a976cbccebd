import { collectCountedPages } from "../pagination";
import type { Requester, RequestOptions } from "../request";
import { type OrganizationRole, OrganizationRoleListSchema } from "../schemas";

// Only the list: organization settings write role ids but read role keys, and this maps between them.
export function organizationRolesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<OrganizationRole[]> =>
      collectCountedPages(({ limit, offset }) =>
        request(
          {
            method: "GET",
            path: "/organization_roles",
            query: { limit, offset },
            schema: OrganizationRoleListSchema,
          },
          opts,
        ),
      ),
  };
}
