/**
 * Every resource type the provider serves: one line per resource, next to its class's line in
 * provider/index.ts (a unit test checks the two lists name the same types). Provider side only: a
 * program loads the classes, never this.
 */

import type { AnyDefinition } from "../runtime/definition";
import { accessControlDefinition } from "./access-control";
import { allowlistIdentifierDefinition } from "./allowlist-identifier";
import { applicationDefinition } from "./application";
import { applicationPathsDefinition } from "./application-paths";
import { attackProtectionDefinition } from "./attack-protection";
import { billingFeatureDefinition } from "./billing-feature";
import { billingPlanDefinition } from "./billing-plan";
import { billingSettingsDefinition } from "./billing-settings";
import { blocklistIdentifierDefinition } from "./blocklist-identifier";
import { customOAuthProviderDefinition } from "./custom-oauth-provider";
import { domainDefinition } from "./domain";
import { emailSignInDefinition } from "./email-sign-in";
import { enterpriseConnectionDefinition } from "./enterprise-connection";
import { instanceCommunicationDefinition } from "./instance-communication";
import { instanceProtectDefinition } from "./instance-protect";
import { instanceRestrictionsDefinition } from "./instance-restrictions";
import { instanceSettingsDefinition } from "./instance-settings";
import { jwtTemplateDefinition } from "./jwt-template";
import { machineDefinition } from "./machine";
import { multiFactorDefinition } from "./multi-factor";
import { oauthApplicationDefinition } from "./oauth-application";
import { oauthApplicationSettingsDefinition } from "./oauth-application-settings";
import { organizationDefinition } from "./organization";
import { organizationConfigDefinition } from "./organization-config";
import { organizationDomainDefinition } from "./organization-domain";
import { organizationPermissionDefinition } from "./organization-permission";
import { organizationRoleDefinition } from "./organization-role";
import { organizationSettingsDefinition } from "./organization-settings";
import { passkeySignInDefinition } from "./passkey-sign-in";
import { passwordPolicyDefinition } from "./password-policy";
import { phoneSignInDefinition } from "./phone-sign-in";
import { redirectUrlDefinition } from "./redirect-url";
import { roleSetDefinition } from "./role-set";
import { samlConnectionDefinition } from "./saml-connection";
import { scimDirectoryDefinition } from "./scim-directory";
import { sessionSettingsDefinition } from "./session-settings";
import { sessionTokenDefinition } from "./session-token";
import { socialConnectionDefinition } from "./social-connection";
import { svixWebhooksDefinition } from "./svix-webhooks";
import { userModelDefinition } from "./user-model";
import { usernameSignInDefinition } from "./username-sign-in";
import { web3SignInDefinition } from "./web3-sign-in";

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
  // The instance configuration document (Platform API).
  accessControlDefinition,
  applicationPathsDefinition,
  attackProtectionDefinition,
  billingFeatureDefinition,
  billingPlanDefinition,
  billingSettingsDefinition,
  customOAuthProviderDefinition,
  emailSignInDefinition,
  multiFactorDefinition,
  organizationConfigDefinition,
  passkeySignInDefinition,
  passwordPolicyDefinition,
  phoneSignInDefinition,
  sessionSettingsDefinition,
  sessionTokenDefinition,
  socialConnectionDefinition,
  userModelDefinition,
  usernameSignInDefinition,
  web3SignInDefinition,
];
