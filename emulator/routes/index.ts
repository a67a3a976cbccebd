import type { Route } from "../router";
import { allowlistRoutes } from "./allowlist-identifiers";
import { blocklistRoutes } from "./blocklist-identifiers";
import { domainRoutes } from "./domains";
import { enterpriseConnectionRoutes } from "./enterprise-connections";
import { instanceRoutes } from "./instance";
import { jwtTemplateRoutes } from "./jwt-templates";
import { oauthApplicationRoutes } from "./oauth-applications";
import { organizationPermissionRoutes } from "./organization-permissions";
import { organizationRoleRoutes } from "./organization-roles";
import { redirectUrlRoutes } from "./redirect-urls";
import { roleSetRoutes } from "./role-sets";
import { samlConnectionRoutes } from "./saml-connections";

/** Every route the emulator serves, by the spec's path templates (relative to /v1). */
export const allRoutes: Route[] = [
  ...allowlistRoutes,
  ...blocklistRoutes,
  ...redirectUrlRoutes,
  ...jwtTemplateRoutes,
  ...samlConnectionRoutes,
  ...enterpriseConnectionRoutes,
  ...oauthApplicationRoutes,
  ...domainRoutes,
  ...instanceRoutes,
  ...organizationRoleRoutes,
  ...organizationPermissionRoutes,
  ...roleSetRoutes,
];
