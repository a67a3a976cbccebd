import type { Requester, RequestOptions } from "../request";
import {
  type CreateOAuthApplicationBody,
  type DeletedObject,
  DeletedObjectSchema,
  OAuthApplicationListSchema,
  type OAuthApplicationObject,
  OAuthApplicationSchema,
  type OAuthApplicationWithSecretObject,
  OAuthApplicationWithSecretSchema,
  type UpdateOAuthApplicationBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/oauth_applications";

export function oauthApplicationsApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<OAuthApplicationObject[]> =>
      listAll(request, BASE, OAuthApplicationListSchema, limitOffset, opts),
    get: async (id: string, opts?: RequestOptions): Promise<OAuthApplicationObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: OAuthApplicationSchema }, opts),
    /** The only answer (with rotateSecret) that carries `client_secret`. */
    create: (
      body: CreateOAuthApplicationBody,
      opts?: RequestOptions,
    ): Promise<OAuthApplicationWithSecretObject> =>
      request({ method: "POST", path: BASE, body, schema: OAuthApplicationWithSecretSchema }, opts),
    update: (
      id: string,
      body: UpdateOAuthApplicationBody,
      opts?: RequestOptions,
    ): Promise<OAuthApplicationObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: OAuthApplicationSchema }, opts),
    delete: async (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
    /** Invalidates the old secret; never retried after an ambiguous failure unless `idempotent` is set. */
    rotateSecret: async (id: string, opts?: RequestOptions): Promise<OAuthApplicationWithSecretObject> =>
      request(
        {
          method: "POST",
          path: idPath(BASE, id, "/rotate_secret"),
          schema: OAuthApplicationWithSecretSchema,
        },
        opts,
      ),
  };
}
