import type { Requester, RequestOptions } from "../request";
import { applicationPath } from "./path";
import {
  type CreatePlatformApplicationBody,
  PlatformApplicationListSchema,
  type PlatformApplicationObject,
  PlatformApplicationSchema,
  type PlatformDeletedObject,
  PlatformDeletedObjectSchema,
} from "./schemas";

export interface ApplicationReadOptions {
  /** Include each instance's `secret_key` (Clerk's default: false). */
  includeSecretKeys?: boolean;
}

const secretsQuery = (o: ApplicationReadOptions) =>
  o.includeSecretKeys ? { include_secret_keys: true } : {};

export function applicationsApi(request: Requester) {
  return {
    /** Every application of the workspace, each with its instances. The answer is a plain array. */
    list: (
      options: ApplicationReadOptions = {},
      opts?: RequestOptions,
    ): Promise<PlatformApplicationObject[]> =>
      request(
        {
          method: "GET",
          path: "/platform/applications",
          query: secretsQuery(options),
          schema: PlatformApplicationListSchema,
        },
        opts,
      ),
    /**
     * Creates an application with an instance per environment type. The answer carries the instances'
     * keys; read them again with `get(id, { includeSecretKeys: true })` when they matter, as Clerk's own
     * clients do. Not repeated after an ambiguous failure (a second application would be made).
     */
    create: (
      body: CreatePlatformApplicationBody,
      opts?: RequestOptions,
    ): Promise<PlatformApplicationObject> =>
      request(
        { method: "POST", path: "/platform/applications", body, schema: PlatformApplicationSchema },
        opts,
      ),
    /** Deletes the application, its instances and their users: nothing brings them back. */
    delete: (applicationId: string, opts?: RequestOptions): Promise<PlatformDeletedObject> =>
      request(
        { method: "DELETE", path: applicationPath(applicationId), schema: PlatformDeletedObjectSchema },
        opts,
      ),
    get: (
      applicationId: string,
      options: ApplicationReadOptions = {},
      opts?: RequestOptions,
    ): Promise<PlatformApplicationObject> =>
      request(
        {
          method: "GET",
          path: applicationPath(applicationId),
          query: secretsQuery(options),
          schema: PlatformApplicationSchema,
        },
        opts,
      ),
  };
}
