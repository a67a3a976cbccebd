// The identity providers Clerk's spec accepts, as plain lists: the resource classes' public types use
// them, and declaration files that import nothing from zod keep a program's type check small.

export const SAML_PROVIDERS = ["saml_custom", "saml_okta", "saml_google", "saml_microsoft"] as const;
export type SamlProvider = (typeof SAML_PROVIDERS)[number];

export const ENTERPRISE_CONNECTION_PROVIDERS = [
  "saml_custom",
  "saml_okta",
  "saml_google",
  "saml_microsoft",
  "oidc_custom",
  "oidc_github_enterprise",
  "oidc_gitlab",
] as const;
export type EnterpriseConnectionProvider = (typeof ENTERPRISE_CONNECTION_PROVIDERS)[number];
