import type { Requester, RequestOptions } from "../request";
import {
  type InstanceCommunicationObject,
  InstanceCommunicationSchema,
  type InstanceObject,
  type InstanceProtectObject,
  InstanceProtectSchema,
  type InstanceRestrictionsObject,
  InstanceRestrictionsSchema,
  InstanceSchema,
  type OAuthApplicationSettingsObject,
  OAuthApplicationSettingsSchema,
  type OrganizationSettingsObject,
  OrganizationSettingsSchema,
  type UpdateInstanceBody,
  type UpdateInstanceCommunicationBody,
  type UpdateInstanceProtectBody,
  type UpdateInstanceRestrictionsBody,
  type UpdateOAuthApplicationSettingsBody,
  type UpdateOrganizationSettingsBody,
} from "../schemas";

// Instance-wide singletons. Each PATCH takes only the fields to change.

export function instanceApi(request: Requester) {
  return {
    get: (opts?: RequestOptions): Promise<InstanceObject> =>
      request({ method: "GET", path: "/instance", schema: InstanceSchema }, opts),
    /** Answers 204: most fields written here cannot be read back. */
    update: (body: UpdateInstanceBody, opts?: RequestOptions): Promise<void> =>
      request<void>({ method: "PATCH", path: "/instance", body }, opts),
  };
}

export function instanceRestrictionsApi(request: Requester) {
  return {
    /** There is no GET; the answer carries the full state. */
    update: (
      body: UpdateInstanceRestrictionsBody,
      opts?: RequestOptions,
    ): Promise<InstanceRestrictionsObject> =>
      request(
        { method: "PATCH", path: "/instance/restrictions", body, schema: InstanceRestrictionsSchema },
        opts,
      ),
  };
}

export function organizationSettingsApi(request: Requester) {
  const path = "/instance/organization_settings";
  return {
    get: (opts?: RequestOptions): Promise<OrganizationSettingsObject> =>
      request({ method: "GET", path, schema: OrganizationSettingsSchema }, opts),
    update: (
      body: UpdateOrganizationSettingsBody,
      opts?: RequestOptions,
    ): Promise<OrganizationSettingsObject> =>
      request({ method: "PATCH", path, body, schema: OrganizationSettingsSchema }, opts),
  };
}

export function oauthApplicationSettingsApi(request: Requester) {
  const path = "/instance/oauth_application_settings";
  return {
    get: (opts?: RequestOptions): Promise<OAuthApplicationSettingsObject> =>
      request({ method: "GET", path, schema: OAuthApplicationSettingsSchema }, opts),
    update: (
      body: UpdateOAuthApplicationSettingsBody,
      opts?: RequestOptions,
    ): Promise<OAuthApplicationSettingsObject> =>
      request({ method: "PATCH", path, body, schema: OAuthApplicationSettingsSchema }, opts),
  };
}

export function instanceCommunicationApi(request: Requester) {
  const path = "/instance/communication";
  return {
    get: (opts?: RequestOptions): Promise<InstanceCommunicationObject> =>
      request({ method: "GET", path, schema: InstanceCommunicationSchema }, opts),
    update: (
      body: UpdateInstanceCommunicationBody,
      opts?: RequestOptions,
    ): Promise<InstanceCommunicationObject> =>
      request({ method: "PATCH", path, body, schema: InstanceCommunicationSchema }, opts),
  };
}

export function instanceProtectApi(request: Requester) {
  const path = "/instance/protect";
  return {
    get: (opts?: RequestOptions): Promise<InstanceProtectObject> =>
      request({ method: "GET", path, schema: InstanceProtectSchema }, opts),
    update: (body: UpdateInstanceProtectBody, opts?: RequestOptions): Promise<InstanceProtectObject> =>
      request({ method: "PATCH", path, body, schema: InstanceProtectSchema }, opts),
  };
}
