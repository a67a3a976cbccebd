import type { Requester, RequestOptions } from "../request";
import { type SvixUrlObject, SvixUrlSchema } from "../schemas";

/** The instance's Svix app, which delivers Clerk's webhooks. One per instance; no id, no GET. */
export function svixApi(request: Requester) {
  return {
    /** Creates (enables) the Svix app; answers with a dashboard link. */
    enable: (opts?: RequestOptions): Promise<SvixUrlObject> =>
      request({ method: "POST", path: "/webhooks/svix", schema: SvixUrlSchema }, opts),
    /** Deletes the Svix app, with the endpoints configured in it; 204. */
    disable: (opts?: RequestOptions): Promise<void> =>
      request({ method: "DELETE", path: "/webhooks/svix" }, opts),
    /** A fresh dashboard link; refused while the instance has no Svix app. Harmless to repeat. */
    dashboardUrl: (opts?: RequestOptions): Promise<SvixUrlObject> =>
      request({ method: "POST", path: "/webhooks/svix_url", schema: SvixUrlSchema }, opts),
  };
}
