import type { Requester, RequestOptions } from "../request";
import { type JwksObject, JwksSchema } from "../schemas";

/** The instance's JSON Web Key Set (read-only). */
export function jwksApi(request: Requester) {
  return {
    get: (opts?: RequestOptions): Promise<JwksObject> =>
      request({ method: "GET", path: "/jwks", schema: JwksSchema }, opts),
  };
}
