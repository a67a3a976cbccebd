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
// The instance configuration document (Platform API).
export { AccessControl, type AccessControlArgs } from "./resources/access-control";
export { AllowlistIdentifier, type AllowlistIdentifierArgs } from "./resources/allowlist-identifier";
export { Application, type ApplicationArgs, type ApplicationInstanceOutput } from "./resources/application";
export { ApplicationPaths, type ApplicationPathsArgs } from "./resources/application-paths";
export { AttackProtection, type AttackProtectionArgs } from "./resources/attack-protection";
export { BillingFeature, type BillingFeatureArgs } from "./resources/billing-feature";
export { BillingPlan, type BillingPlanArgs } from "./resources/billing-plan";
export { BillingSettings, type BillingSettingsArgs } from "./resources/billing-settings";
export { BlocklistIdentifier, type BlocklistIdentifierArgs } from "./resources/blocklist-identifier";
export { CustomOAuthProvider, type CustomOAuthProviderArgs } from "./resources/custom-oauth-provider";
export { Domain, type DomainArgs } from "./resources/domain";
export { EmailSignIn, type EmailSignInArgs } from "./resources/email-sign-in";
export { EnterpriseConnection, type EnterpriseConnectionArgs } from "./resources/enterprise-connection";
export { InstanceCommunication, type InstanceCommunicationArgs } from "./resources/instance-communication";
export { InstanceProtect, type InstanceProtectArgs } from "./resources/instance-protect";
export { InstanceRestrictions, type InstanceRestrictionsArgs } from "./resources/instance-restrictions";
export { InstanceSettings, type InstanceSettingsArgs } from "./resources/instance-settings";
export { JwtTemplate, type JwtTemplateArgs } from "./resources/jwt-template";
export { Machine, type MachineArgs } from "./resources/machine";
export { MultiFactor, type MultiFactorArgs } from "./resources/multi-factor";
export { OAuthApplication, type OAuthApplicationArgs } from "./resources/oauth-application";
export {
  OAuthApplicationSettings,
  type OAuthApplicationSettingsArgs,
} from "./resources/oauth-application-settings";
export { Organization, type OrganizationArgs } from "./resources/organization";
export { OrganizationConfig, type OrganizationConfigArgs } from "./resources/organization-config";
export { OrganizationDomain, type OrganizationDomainArgs } from "./resources/organization-domain";
export {
  OrganizationPermission,
  type OrganizationPermissionArgs,
} from "./resources/organization-permission";
export { OrganizationRole, type OrganizationRoleArgs } from "./resources/organization-role";
export { OrganizationSettings, type OrganizationSettingsArgs } from "./resources/organization-settings";
export { PasskeySignIn, type PasskeySignInArgs } from "./resources/passkey-sign-in";
export { PasswordPolicy, type PasswordPolicyArgs } from "./resources/password-policy";
export { PhoneSignIn, type PhoneSignInArgs } from "./resources/phone-sign-in";
export { RedirectUrl, type RedirectUrlArgs } from "./resources/redirect-url";
export { RoleSet, type RoleSetArgs, type RoleSetType } from "./resources/role-set";
export { SamlConnection, type SamlConnectionArgs } from "./resources/saml-connection";
export { ScimDirectory, type ScimDirectoryArgs } from "./resources/scim-directory";
export { SessionSettings, type SessionSettingsArgs } from "./resources/session-settings";
export { SessionToken, type SessionTokenArgs } from "./resources/session-token";
export {
  SOCIAL_PROVIDERS,
  SocialConnection,
  type SocialConnectionArgs,
  type SocialProvider,
} from "./resources/social-connection";
export { SvixWebhooks, type SvixWebhooksArgs } from "./resources/svix-webhooks";
export { UserModel, type UserModelArgs } from "./resources/user-model";
export { UsernameSignIn, type UsernameSignInArgs } from "./resources/username-sign-in";
export { Web3SignIn, type Web3SignInArgs } from "./resources/web3-sign-in";
