import type { Route } from "../router";
import { allowlistRoutes } from "./allowlist-identifiers";
import { blocklistRoutes } from "./blocklist-identifiers";
import { domainRoutes } from "./domains";
import { enterpriseConnectionRoutes } from "./enterprise-connections";
import { instanceRoutes } from "./instance";
import { jwksRoutes } from "./jwks";
import { jwtTemplateRoutes } from "./jwt-templates";
import { machineRoutes } from "./machines";
import { oauthApplicationRoutes } from "./oauth-applications";
import { organizationDomainRoutes } from "./organization-domains";
import { organizationPermissionRoutes } from "./organization-permissions";
import { organizationRoleRoutes } from "./organization-roles";
import { organizationRoutes } from "./organizations";
import { platformRoutes } from "./platform";
import { platformDomainRoutes } from "./platform-domains";
import { platformInstanceRoutes } from "./platform-instances";
import { redirectUrlRoutes } from "./redirect-urls";
import { roleSetRoutes } from "./role-sets";
import { samlConnectionRoutes } from "./saml-connections";
import { scimDirectoryRoutes } from "./scim-directories";
import { svixRoutes } from "./svix";

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
  ...organizationRoutes,
  ...organizationDomainRoutes,
  ...jwksRoutes,
  ...machineRoutes,
  ...scimDirectoryRoutes,
  ...svixRoutes,
  ...organizationPermissionRoutes,
  ...roleSetRoutes,
  ...platformRoutes,
  ...platformInstanceRoutes,
  ...platformDomainRoutes,
];
