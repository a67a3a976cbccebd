import type { Requester, RequestOptions } from "../request";
import {
  type CreateOrganizationDomainBody,
  type DeletedObject,
  DeletedObjectSchema,
  OrganizationDomainListSchema,
  type OrganizationDomainObject,
  OrganizationDomainSchema,
  type UpdateOrganizationDomainBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const orgBase = (organizationId: string) => idPath("/organizations", organizationId, "/domains");

// No read by id: an organization domain is found in the instance-wide list or its organization's.
export function organizationDomainsApi(request: Requester) {
  return {
    /** Every organization domain of the instance, or of one organization and/or exact names. */
    listAll: (
      filter: { organizationId?: string; name?: string } = {},
      opts?: RequestOptions,
    ): Promise<OrganizationDomainObject[]> =>
      listAll(
        request,
        "/organization_domains",
        OrganizationDomainListSchema,
        (page) => ({
          ...limitOffset(page),
          ...(filter.organizationId ? { organization_id: filter.organizationId } : {}),
          ...(filter.name ? { domains: filter.name } : {}),
        }),
        opts,
      ),
    /** One organization's domains. */
    list: (organizationId: string, opts?: RequestOptions): Promise<OrganizationDomainObject[]> =>
      listAll(request, orgBase(organizationId), OrganizationDomainListSchema, limitOffset, opts),
    create: (
      organizationId: string,
      body: CreateOrganizationDomainBody,
      opts?: RequestOptions,
    ): Promise<OrganizationDomainObject> =>
      request(
        { method: "POST", path: orgBase(organizationId), body, schema: OrganizationDomainSchema },
        opts,
      ),
    update: async (
      organizationId: string,
      id: string,
      body: UpdateOrganizationDomainBody,
      opts?: RequestOptions,
    ): Promise<OrganizationDomainObject> =>
      request(
        {
          method: "PATCH",
          path: idPath(orgBase(organizationId), id),
          body,
          schema: OrganizationDomainSchema,
        },
        opts,
      ),
    /** Marks the domain's ownership verified (manual override of the DNS challenge); idempotent. */
    verifyOwnership: async (
      organizationId: string,
      id: string,
      opts?: RequestOptions,
    ): Promise<OrganizationDomainObject> =>
      request(
        {
          method: "POST",
          path: idPath(orgBase(organizationId), id, "/verify_ownership"),
          schema: OrganizationDomainSchema,
        },
        // Clerk documents it as idempotent: a repeat after a lost answer is harmless.
        { idempotent: true, ...opts },
      ),
    delete: async (organizationId: string, id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request(
        { method: "DELETE", path: idPath(orgBase(organizationId), id), schema: DeletedObjectSchema },
        opts,
      ),
  };
}
