/**
 * pulumi-clerk: Clerk's configuration as Pulumi resources.
 *
 * Credentials come from stack config (`pulumi config set --secret clerk:secretKey sk_…`,
 * `clerk:apiUrl`, `clerk:apiVersion`) or the environment (`CLERK_SECRET_KEY`, `CLERK_API_URL`).
 */

export {
  getInstance,
  getInstanceOutput,
  getJwks,
  getJwksOutput,
  type InstanceInfo,
  type Jwks,
  type JwksKey,
  type LookupArgs,
  type LookupOutputArgs,
} from "./lookups";
export { AllowlistIdentifier, type AllowlistIdentifierArgs } from "./resources/allowlist-identifier";
export { Application, type ApplicationArgs, type ApplicationInstanceOutput } from "./resources/application";
export { BlocklistIdentifier, type BlocklistIdentifierArgs } from "./resources/blocklist-identifier";
export { Domain, type DomainArgs } from "./resources/domain";
export { EnterpriseConnection, type EnterpriseConnectionArgs } from "./resources/enterprise-connection";
export { InstanceCommunication, type InstanceCommunicationArgs } from "./resources/instance-communication";
export { InstanceProtect, type InstanceProtectArgs } from "./resources/instance-protect";
export { InstanceRestrictions, type InstanceRestrictionsArgs } from "./resources/instance-restrictions";
export { InstanceSettings, type InstanceSettingsArgs } from "./resources/instance-settings";
export { JwtTemplate, type JwtTemplateArgs } from "./resources/jwt-template";
export { Machine, type MachineArgs } from "./resources/machine";
export { OAuthApplication, type OAuthApplicationArgs } from "./resources/oauth-application";
export {
  OAuthApplicationSettings,
  type OAuthApplicationSettingsArgs,
} from "./resources/oauth-application-settings";
export { Organization, type OrganizationArgs } from "./resources/organization";
export { OrganizationDomain, type OrganizationDomainArgs } from "./resources/organization-domain";
export {
  OrganizationPermission,
  type OrganizationPermissionArgs,
} from "./resources/organization-permission";
export { OrganizationRole, type OrganizationRoleArgs } from "./resources/organization-role";
export { OrganizationSettings, type OrganizationSettingsArgs } from "./resources/organization-settings";
export { RedirectUrl, type RedirectUrlArgs } from "./resources/redirect-url";
export { RoleSet, type RoleSetArgs, type RoleSetType } from "./resources/role-set";
export { SamlConnection, type SamlConnectionArgs } from "./resources/saml-connection";
export { ScimDirectory, type ScimDirectoryArgs } from "./resources/scim-directory";
export { SvixWebhooks, type SvixWebhooksArgs } from "./resources/svix-webhooks";
