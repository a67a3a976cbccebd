import type { Requester, RequestOptions } from "../request";
import type { PlatformInstanceRef } from "./config";
import { applicationPath, instancePath } from "./path";
import {
  type CreatePlatformInstanceBody,
  type PlatformInstanceObject,
  PlatformInstanceSchema,
  type PlatformRotatedKeys,
  PlatformRotatedKeysSchema,
  type RotateSecretKeysBody,
} from "./schemas";

export function instancesApi(request: Requester) {
  return {
    /**
     * Creates the application's production instance (409 `production_instance_exists` when it has one).
     * The answer is the one place its secret key comes without asking. Not repeated after an ambiguous
     * failure: read the application to see whether it was made.
     */
    createProduction: (
      applicationId: string,
      body: CreatePlatformInstanceBody,
      opts?: RequestOptions,
    ): Promise<PlatformInstanceObject> =>
      request(
        {
          method: "POST",
          path: applicationPath(applicationId, "/instances"),
          body: { environment_type: "production", ...body },
          schema: PlatformInstanceSchema,
        },
        opts,
      ),
    /**
     * New secret keys for every instance of the application, or for one (`development`, `production`
     * or an `ins_…` id). Not repeated after an ambiguous failure (a second rotation would retire the
     * key the first one answered).
     */
    rotateSecretKeys: (
      applicationId: string,
      instance?: PlatformInstanceRef,
      body: RotateSecretKeysBody = {},
      opts?: RequestOptions,
    ): Promise<PlatformRotatedKeys> =>
      request(
        {
          method: "POST",
          path:
            instance === undefined
              ? applicationPath(applicationId, "/rotate_secret_keys")
              : instancePath(applicationId, instance, "/rotate_secret_keys"),
          body,
          schema: PlatformRotatedKeysSchema,
        },
        opts,
      ),
  };
}
