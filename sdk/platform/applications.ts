import type { Requester, RequestOptions } from "../request";
import { applicationPath } from "./path";
import {
  PlatformApplicationListSchema,
  type PlatformApplicationObject,
  PlatformApplicationSchema,
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
