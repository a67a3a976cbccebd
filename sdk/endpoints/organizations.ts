import type { Requester, RequestOptions } from "../request";
import {
  type CreateOrganizationBody,
  type DeletedObject,
  DeletedObjectSchema,
  OrganizationListSchema,
  type OrganizationMetadataBody,
  type OrganizationObject,
  OrganizationSchema,
  type UpdateOrganizationBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/organizations";

export function organizationsApi(request: Requester) {
  return {
    /** Every organization of the instance (all pages; an instance may hold thousands). */
    list: (opts?: RequestOptions): Promise<OrganizationObject[]> =>
      listAll(request, BASE, OrganizationListSchema, limitOffset, opts),
    /** By id, or by slug: Clerk's GET takes either. */
    get: async (idOrSlug: string, opts?: RequestOptions): Promise<OrganizationObject> =>
      request({ method: "GET", path: idPath(BASE, idOrSlug), schema: OrganizationSchema }, opts),
    create: (body: CreateOrganizationBody, opts?: RequestOptions): Promise<OrganizationObject> =>
      request({ method: "POST", path: BASE, body, schema: OrganizationSchema }, opts),
    /** Everything but metadata (API version 2026-05-12 refuses metadata here: see replaceMetadata). */
    update: async (
      id: string,
      body: UpdateOrganizationBody,
      opts?: RequestOptions,
    ): Promise<OrganizationObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: OrganizationSchema }, opts),
    /** PUT: each metadata field sent replaces the stored one wholesale; a field left out is kept. */
    replaceMetadata: async (
      id: string,
      body: OrganizationMetadataBody,
      opts?: RequestOptions,
    ): Promise<OrganizationObject> =>
      request({ method: "PUT", path: idPath(BASE, id, "/metadata"), body, schema: OrganizationSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
  };
}
