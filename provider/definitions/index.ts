/**
 * Every resource type the provider serves: one line per resource, next to its class's line in
 * provider/index.ts (a unit test checks the two lists name the same types). Provider side only: a
 * program loads the classes, never this.
 */

import type { AnyDefinition } from "../runtime/definition";
import { allowlistIdentifierDefinition } from "./allowlist-identifier";
import { applicationDefinition } from "./application";
import { blocklistIdentifierDefinition } from "./blocklist-identifier";
import { domainDefinition } from "./domain";
import { enterpriseConnectionDefinition } from "./enterprise-connection";
import { instanceCommunicationDefinition } from "./instance-communication";
import { instanceProtectDefinition } from "./instance-protect";
import { instanceRestrictionsDefinition } from "./instance-restrictions";
import { instanceSettingsDefinition } from "./instance-settings";
import { jwtTemplateDefinition } from "./jwt-template";
import { machineDefinition } from "./machine";
import { oauthApplicationDefinition } from "./oauth-application";
import { oauthApplicationSettingsDefinition } from "./oauth-application-settings";
import { organizationDefinition } from "./organization";
import { organizationDomainDefinition } from "./organization-domain";
import { organizationPermissionDefinition } from "./organization-permission";
import { organizationRoleDefinition } from "./organization-role";
import { organizationSettingsDefinition } from "./organization-settings";
import { redirectUrlDefinition } from "./redirect-url";
import { roleSetDefinition } from "./role-set";
import { samlConnectionDefinition } from "./saml-connection";
import { scimDirectoryDefinition } from "./scim-directory";
import { svixWebhooksDefinition } from "./svix-webhooks";

/** @internal */
export const resourceDefinitions: readonly AnyDefinition[] = [
  allowlistIdentifierDefinition,
  applicationDefinition,
  blocklistIdentifierDefinition,
  domainDefinition,
  enterpriseConnectionDefinition,
  instanceCommunicationDefinition,
  instanceProtectDefinition,
  instanceRestrictionsDefinition,
  instanceSettingsDefinition,
  jwtTemplateDefinition,
  machineDefinition,
  oauthApplicationSettingsDefinition,
  oauthApplicationDefinition,
  organizationDomainDefinition,
  organizationPermissionDefinition,
  organizationRoleDefinition,
  organizationSettingsDefinition,
  organizationDefinition,
  redirectUrlDefinition,
  roleSetDefinition,
  samlConnectionDefinition,
  scimDirectoryDefinition,
  svixWebhooksDefinition,
];
