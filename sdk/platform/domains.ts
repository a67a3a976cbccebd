import { idPath } from "../endpoints/path";
import type { Requester, RequestOptions } from "../request";
import { applicationPath } from "./path";
import {
  type PlatformDeletedObject,
  PlatformDeletedObjectSchema,
  PlatformDomainListSchema,
  type PlatformDomainObject,
  PlatformDomainSchema,
  type PlatformDomainStatus,
  PlatformDomainStatusSchema,
} from "./schemas";

export interface PlatformDomainBody {
  name: string;
  /** For provider domains, e.g. `/__clerk`. */
  proxy_path?: string;
}

const domainPath = (applicationId: string, idOrName: string, suffix = "") =>
  idPath(applicationPath(applicationId, "/domains"), idOrName, suffix);

/** The domains of an application's production instance: its primary domain and its satellites. */
export function domainsApi(request: Requester) {
  return {
    list: (
      applicationId: string,
      opts?: RequestOptions,
    ): Promise<{ data: PlatformDomainObject[]; total_count: number }> =>
      request(
        { method: "GET", path: applicationPath(applicationId, "/domains"), schema: PlatformDomainListSchema },
        opts,
      ),
    get: (applicationId: string, idOrName: string, opts?: RequestOptions): Promise<PlatformDomainObject> =>
      request(
        { method: "GET", path: domainPath(applicationId, idOrName), schema: PlatformDomainSchema },
        opts,
      ),
    /** Adds a satellite domain (409 when the application has it already). */
    create: (
      applicationId: string,
      body: PlatformDomainBody & { domain_intent_id?: string },
      opts?: RequestOptions,
    ): Promise<PlatformDomainObject> =>
      request(
        {
          method: "POST",
          path: applicationPath(applicationId, "/domains"),
          body,
          schema: PlatformDomainSchema,
        },
        opts,
      ),
    /** Changes the production instance's primary domain (its publishable key follows). */
    updatePrimary: (
      applicationId: string,
      body: PlatformDomainBody,
      opts?: RequestOptions,
    ): Promise<PlatformDomainObject> =>
      request(
        {
          method: "PATCH",
          path: applicationPath(applicationId, "/domain"),
          body,
          schema: PlatformDomainSchema,
        },
        opts,
      ),
    delete: (
      applicationId: string,
      idOrName: string,
      opts?: RequestOptions,
    ): Promise<PlatformDeletedObject> =>
      request(
        { method: "DELETE", path: domainPath(applicationId, idOrName), schema: PlatformDeletedObjectSchema },
        opts,
      ),
    /** DNS, SSL, mail and proxy progress; `status` is `complete` when all are. */
    status: (applicationId: string, idOrName: string, opts?: RequestOptions): Promise<PlatformDomainStatus> =>
      request(
        {
          method: "GET",
          path: domainPath(applicationId, idOrName, "/status"),
          schema: PlatformDomainStatusSchema,
        },
        opts,
      ),
  };
}
