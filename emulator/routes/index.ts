import type { Route } from "../router";
import { allowlistRoutes } from "./allowlist-identifiers";
import { blocklistRoutes } from "./blocklist-identifiers";
import { jwtTemplateRoutes } from "./jwt-templates";
import { redirectUrlRoutes } from "./redirect-urls";

export const allRoutes: Route[] = [
  ...allowlistRoutes,
  ...blocklistRoutes,
  ...redirectUrlRoutes,
  ...jwtTemplateRoutes,
];
