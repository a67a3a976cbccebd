import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { configure, definitions, provider } from "../../../provider/runtime";

// Issue 7, hostile input: invalid arguments for every resource type fail at check, naming the resource
// type and the field, with no request sent to Clerk and nothing written.
const KEY = "sk_test_reliability_hostile";
const HUGE = "x".repeat(100_000);
let emu: Emulator;
let before: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  await configure({
    config: { get: (k: string) => ({ "clerk:secretKey": KEY, "clerk:apiUrl": emu.url })[k] },
  });
  before = JSON.stringify(emu.store.snapshot());
});
afterAll(() => emu.close());

const SAML = { name: "S", domains: ["s.example.com"], provider: "saml_custom" };
const ENT = { name: "E", domains: ["e.example.com"], provider: "oidc_custom" };
const JWT = { name: "t", claims: {} };
const SET = {
  key: "role_set:s",
  name: "S",
  roles: ["org:admin", "org:member"],
  defaultRoleKey: "org:member",
  creatorRoleKey: "org:admin",
};

// [type, arguments, the field the message must name]
const CORPUS: [string, Record<string, unknown>, string][] = [
  // RedirectUrl
  ["RedirectUrl", { url: "" }, "url"],
  ["RedirectUrl", { url: "not a url" }, "url"],
  ["RedirectUrl", { url: "/relative/path" }, "url"],
  ["RedirectUrl", { url: `https://example.com/${HUGE}` }, "url"],
  ["RedirectUrl", { url: 42 }, "url"],
  ["RedirectUrl", {}, "url"],
  ["RedirectUrl", { url: "myapp://cb", extra: true }, "extra"],
  // AllowlistIdentifier / BlocklistIdentifier
  ["AllowlistIdentifier", { identifier: "not-an-email@" }, "identifier"],
  ["AllowlistIdentifier", { identifier: "" }, "identifier"],
  ["AllowlistIdentifier", { identifier: "+123" }, "identifier"],
  ["AllowlistIdentifier", { identifier: `${HUGE}@example.com` }, "identifier"],
  ["AllowlistIdentifier", { identifier: ["a@example.com"] }, "identifier"],
  ["AllowlistIdentifier", { identifier: "a@example.com", notify: "yes" }, "notify"],
  ["BlocklistIdentifier", { identifier: "spam at example dot com" }, "identifier"],
  ["BlocklistIdentifier", { identifier: "a@example.com", notify: true }, "notify"],
  ["BlocklistIdentifier", { identifier: null }, "identifier"],
  // JwtTemplate
  ["JwtTemplate", { ...JWT, name: "" }, "name"],
  ["JwtTemplate", { ...JWT, name: HUGE }, "name"],
  ["JwtTemplate", { ...JWT, claims: "role=admin" }, "claims"],
  ["JwtTemplate", { ...JWT, claims: [1, 2] }, "claims"],
  ["JwtTemplate", { ...JWT, claims: 7 }, "claims"],
  ["JwtTemplate", { ...JWT, claims: { n: Number.NaN } }, "claims"],
  ["JwtTemplate", { ...JWT, claims: { n: Number.POSITIVE_INFINITY } }, "claims"],
  ["JwtTemplate", { ...JWT, lifetime: 5 }, "lifetime"],
  ["JwtTemplate", { ...JWT, lifetime: 1e12 }, "lifetime"],
  ["JwtTemplate", { ...JWT, lifetime: 60.5 }, "lifetime"],
  ["JwtTemplate", { ...JWT, allowedClockSkew: -1 }, "allowedClockSkew"],
  ["JwtTemplate", { ...JWT, allowedClockSkew: 301 }, "allowedClockSkew"],
  ["JwtTemplate", { ...JWT, signingKey: "k" }, "signingAlgorithm"],
  ["JwtTemplate", { ...JWT, lifetime: "60" }, "lifetime"],
  // OAuthApplication
  ["OAuthApplication", { name: "" }, "name"],
  ["OAuthApplication", { name: "x", redirectUris: ["not a url"] }, "redirectUris[0]"],
  ["OAuthApplication", { name: "x", redirectUris: "https://a.example.com" }, "redirectUris"],
  ["OAuthApplication", { name: "x", scopes: ["profile email"] }, "scopes[0]"],
  ["OAuthApplication", { name: "x", public: "true" }, "public"],
  ["OAuthApplication", { name: "x", rotateSecret: { at: 1 } }, "rotateSecret"],
  ["OAuthApplication", { name: "x", clientSecret: "hunter2" }, "clientSecret"],
  // Domain
  ["Domain", { name: "https://app.example.com/path" }, "name"],
  ["Domain", { name: "" }, "name"],
  ["Domain", { name: `${"a".repeat(300)}.com` }, "name"],
  ["Domain", { name: "app.example.com", proxyUrl: "http://insecure.example.com" }, "proxyUrl"],
  ["Domain", { name: "app.example.com", isSatellite: false }, "isSatellite"],
  // SamlConnection
  ["SamlConnection", { ...SAML, provider: "saml_unknown" }, "provider"],
  ["SamlConnection", { ...SAML, domains: [] }, "domains"],
  ["SamlConnection", { ...SAML, domains: ["not a domain"] }, "domains[0]"],
  ["SamlConnection", { ...SAML, idpSsoUrl: "ftp://idp.example.com" }, "idpSsoUrl"],
  ["SamlConnection", { ...SAML, loginHint: { mode: "custom_attribute" } }, "loginHint.source"],
  ["SamlConnection", { ...SAML, attributeMapping: { userId: "" } }, "attributeMapping.userId"],
  // EnterpriseConnection
  ["EnterpriseConnection", { ...ENT, provider: "oidc_nope" }, "provider"],
  ["EnterpriseConnection", { ...ENT, saml: { idpEntityId: "e" } }, "saml"],
  ["EnterpriseConnection", { ...ENT, oidc: { clientSecret: "" } }, "oidc.clientSecret"],
  ["EnterpriseConnection", { ...ENT, oidc: { discoveryUrl: "not a url" } }, "oidc.discoveryUrl"],
  [
    "EnterpriseConnection",
    { ...ENT, customAttributes: [{ name: "n", key: "_bad" }] },
    "customAttributes[0].key",
  ],
  ["EnterpriseConnection", { ...ENT, organizationId: HUGE }, "organizationId"],
  // Instance singletons
  ["InstanceSettings", { supportEmail: "not-an-email" }, "supportEmail"],
  ["InstanceSettings", { developmentOrigin: "localhost:3000" }, "developmentOrigin"],
  [
    "InstanceSettings",
    { allowedOrigins: ["https://a.example.com", "https://a.example.com"] },
    "allowedOrigins",
  ],
  ["InstanceSettings", { testMode: 1 }, "testMode"],
  [
    "InstanceSettings",
    { preferredSignInStrategyWhenPasswordRequired: "magic" },
    "preferredSignInStrategyWhenPasswordRequired",
  ],
  ["InstanceRestrictions", { allowlist: "on" }, "allowlist"],
  ["InstanceRestrictions", { whitelist: true }, "whitelist"],
  ["OrganizationSettings", { maxAllowedMemberships: -1 }, "maxAllowedMemberships"],
  ["OrganizationSettings", { maxAllowedMemberships: 2.5 }, "maxAllowedMemberships"],
  ["OrganizationSettings", { creatorRole: "admin" }, "creatorRole"],
  ["OrganizationSettings", { domainsEnrollmentModes: ["by_magic"] }, "domainsEnrollmentModes[0]"],
  ["OAuthApplicationSettings", { defaultScopes: ["open id"] }, "defaultScopes[0]"],
  ["OAuthApplicationSettings", { defaultScopes: ["email", "email"] }, "defaultScopes"],
  ["InstanceCommunication", { blockedCountryCodes: ["ru"] }, "blockedCountryCodes[0]"],
  ["InstanceCommunication", { blockedCountryCodes: "RU" }, "blockedCountryCodes"],
  ["InstanceProtect", { rulesEnabled: "yes" }, "rulesEnabled"],
  ["InstanceProtect", { specterEnabled: true, unknownFlag: 1 }, "unknownFlag"],
  // Organization / OrganizationDomain
  ["Organization", { name: HUGE }, "name"],
  ["Organization", { name: "<img src=x onerror=alert(1)>" }, "name"],
  ["Organization", { name: "Acme", slug: "../etc/passwd" }, "slug"],
  ["Organization", { name: "Acme", publicMetadata: { n: Number.NaN } }, "publicMetadata"],
  ["Organization", { name: "Acme", maxAllowedMemberships: 1.5 }, "maxAllowedMemberships"],
  ["Organization", { name: "Acme", createdBy: "'; DROP TABLE users" }, "createdBy"],
  ["OrganizationDomain", { organizationId: HUGE, name: "a.example.com" }, "organizationId"],
  ["OrganizationDomain", { organizationId: "org_1", name: `${"a".repeat(300)}.com` }, "name"],
  ["OrganizationDomain", { organizationId: "org_1", name: "localhost" }, "name"],
  ["OrganizationDomain", { organizationId: "org_1", name: "a.example.com", verified: "yes" }, "verified"],
  ["Machine", { name: "" }, "name"],
  ["Machine", { name: "w", scopedMachines: ["worker"] }, "scopedMachines[0]"],
  ["Machine", { name: "w", defaultTokenTtl: 1e12 }, "defaultTokenTtl"],
  ["Machine", { name: "w", previousKeyTtl: -1 }, "previousKeyTtl"],
  ["Machine", { name: "w", secretKey: "ak_x" }, "secretKey"],
  ["ScimDirectory", { provider: "okta" }, "enterpriseConnectionId"],
  [
    "ScimDirectory",
    { enterpriseConnectionId: "e", provider: "okta", groupRoleMappings: [{ scimGroupId: "g" }] },
    "groupRoleMappings[0].roleId",
  ],
  ["ScimDirectory", { enterpriseConnectionId: "e", provider: "okta", apiKey: "k" }, "apiKey"],
  ["SvixWebhooks", { endpoints: ["https://hooks.example.com"] }, "endpoints"],
  ["SvixWebhooks", { renewDashboardUrl: {} }, "renewDashboardUrl"],
  // The authorization model
  ["OrganizationPermission", { key: "org:sys_billing:read", name: "n" }, "key"],
  ["OrganizationPermission", { key: "org:Billing:Read", name: "n" }, "key"],
  ["OrganizationPermission", { key: `org:${HUGE}`, name: "n" }, "key"],
  ["OrganizationPermission", { key: "org:a:b", name: "" }, "name"],
  ["OrganizationRole", { key: "admin", name: "n" }, "key"],
  ["OrganizationRole", { key: "org:r", name: "n", permissions: "org:a:b" }, "permissions"],
  ["OrganizationRole", { key: "org:r", name: "n", permissions: ["org:a:b", "org:a:b"] }, "permissions"],
  ["OrganizationRole", { key: "org:r", name: "n", permissions: ["read"] }, "permissions[0]"],
  [
    "OrganizationRole",
    { key: "org:r", name: "n", includeInInitialRoleSet: "yes" },
    "includeInInitialRoleSet",
  ],
  ["RoleSet", { ...SET, key: "finance" }, "key"],
  ["RoleSet", { ...SET, roles: [] }, "roles"],
  ["RoleSet", { ...SET, defaultRoleKey: "org:billing" }, "defaultRoleKey"],
  ["RoleSet", { ...SET, creatorRoleKey: "org:billing" }, "creatorRoleKey"],
  ["RoleSet", { ...SET, type: "system" }, "type"],
  ["RoleSet", { ...SET, replaceWith: SET.key }, "replaceWith"],
  // Control characters in names, keys, identifiers and URLs: invisible where a user would look.
  ["AllowlistIdentifier", { identifier: "a@b.c\u0000" }, "identifier"],
  ["BlocklistIdentifier", { identifier: "spam\u001b[2J@example.com" }, "identifier"],
  ["JwtTemplate", { ...JWT, name: "supa\u0007base" }, "name"],
  ["RedirectUrl", { url: "myapp://call\u0000back" }, "url"],
  ["OAuthApplication", { name: "App\u0085" }, "name"],
  ["OAuthApplication", { name: "x", redirectUris: ["https://a.example.com/\u007f"] }, "redirectUris[0]"],
  ["OAuthApplication", { name: "x", scopes: ["prof\u0000ile"] }, "scopes[0]"],
  ["Domain", { name: "app.example.com", proxyUrl: "https://app.example.com/\u0000clerk" }, "proxyUrl"],
  ["Organization", { name: "Acme\u0000Corp" }, "name"],
  ["OrganizationPermission", { key: "org:a:b", name: "Read\u0008" }, "name"],
  ["OrganizationRole", { key: "org:r", name: "Role\u0000" }, "name"],
  ["RoleSet", { ...SET, name: "Set\u0000" }, "name"],
  ["Machine", { name: "worker\u0000" }, "name"],
  ["SamlConnection", { ...SAML, name: "Okta\u0007" }, "name"],
  ["SamlConnection", { ...SAML, attributeMapping: { userId: "uid\u0000" } }, "attributeMapping.userId"],
  [
    "EnterpriseConnection",
    { ...ENT, oidc: { discoveryUrl: "https://idp.example.com/\u0000" } },
    "oidc.discoveryUrl",
  ],
  ["InstanceSettings", { supportEmail: "help@example.com\u0000" }, "supportEmail"],
  ["InstanceSettings", { clerkJsVersion: "5\u0000" }, "clerkJsVersion"],
  ["ScimDirectory", { enterpriseConnectionId: "e", provider: "okta", name: "Dir\u0000" }, "name"],
  // Claims Clerk sets itself in every token: Clerk refuses a template declaring one.
  ...["azp", "exp", "iat", "iss", "jti", "nbf", "sub"].map(
    (claim): [string, Record<string, unknown>, string] => [
      "JwtTemplate",
      { ...JWT, claims: { role: "authenticated", [claim]: "x" } },
      `claims.${claim}`,
    ],
  ),
  // A scope twice: Clerk keeps scopes as a set, so a repeat can only be a slip.
  ["OAuthApplication", { name: "x", scopes: ["email", "profile", "email"] }, "scopes"],
  // Applications (Platform API): more cases in test/integration/provider/application.test.ts
  ["Application", { name: "Shop\u0000" }, "name"],
  ["Application", { name: "Shop", environmentTypes: ["development", "production"] }, "domain"],
  ["Application", { name: "Shop", template: "b2b" }, "template"],
  // The instance configuration document (more cases in test/unit/provider/config-hostile-input.test.ts)
  ["SocialConnection", { provider: "myspace" }, "provider"],
  ["CustomOAuthProvider", { key: "Acme Corp" }, "key"],
  ["EmailSignIn", { signInStrategies: ["password"] }, "signInStrategies[0]"],
  ["PhoneSignIn", { signInStrategies: ["sms_link"] }, "signInStrategies[0]"],
  ["UsernameSignIn", { maxLength: 65 }, "maxLength"],
  ["PasskeySignIn", { usedForSignIn: "yes" }, "usedForSignIn"],
  ["Web3SignIn", { signInStrategies: ["web3_phantom_signature"] }, "signInStrategies[0]"],
  ["PasswordPolicy", { minLength: 7 }, "minLength"],
  ["MultiFactor", { requiredForSignIn: 1 }, "requiredForSignIn"],
  ["AttackProtection", { captchaWidgetType: "invisible" }, "captchaWidgetType"],
  ["AccessControl", { signUpMode: "private" }, "signUpMode"],
  ["SessionSettings", { maximumLifetimeSeconds: 299 }, "maximumLifetimeSeconds"],
  ["SessionToken", { claims: { sub: "x" } }, "claims.sub"],
  ["UserModel", { firstNameEnabled: "true" }, "firstNameEnabled"],
  ["ApplicationPaths", { signIn: "sign-in" }, "signIn"],
  ["OrganizationConfig", { maxAllowedMemberships: -1 }, "maxAllowedMemberships"],
  ["BillingSettings", { userEnabled: "on" }, "userEnabled"],
  ["BillingPlan", { slug: "pro", currency: "usd" }, "currency"],
  ["BillingFeature", { slug: "" }, "slug"],
];

describe("hostile input is refused at check", () => {
  it("the corpus is large and covers every resource type", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CORPUS.map(([t]) => t))).toEqual(new Set(definitions.keys()));
  });

  it.each(CORPUS.map(([t, a, f], i) => [i, t, f, a] as const))(
    "#%i %s: names %s",
    async (_i, type, field, args) => {
      const { failures, inputs } = await provider(type).check({}, args);
      expect(inputs).toBeUndefined();
      expect(failures?.length).toBeGreaterThan(0);
      const mine = failures?.find((f) => f.property === field);
      expect(mine, JSON.stringify(failures)).toBeDefined();
      expect(mine?.reason.startsWith(`${type}.${field}: `)).toBe(true);
      // Never echoes a huge value back (messages stay readable).
      for (const f of failures ?? []) expect(f.reason.length).toBeLessThan(400);
    },
  );

  it("says what is wrong without echoing the value: the control character, the reserved claim, the repeated scope", async () => {
    const nul = await provider("AllowlistIdentifier").check({}, { identifier: "a@b.c\u0000" });
    expect(nul.failures?.map((f) => f.reason)).toEqual([
      "AllowlistIdentifier.identifier: must not contain control characters (found U+0000 at character 6)",
    ]);
    const bell = await provider("JwtTemplate").check({}, { ...JWT, name: "supa\u0007base" });
    expect(bell.failures?.map((f) => f.reason)).toEqual([
      "JwtTemplate.name: must not contain control characters (found U+0007 at character 5)",
    ]);
    const claims = await provider("JwtTemplate").check(
      {},
      { ...JWT, claims: { sub: "{{user.id}}", iss: "me" } },
    );
    expect(claims.failures?.map((f) => f.property)).toEqual(["claims.sub", "claims.iss"]);
    expect(claims.failures?.[0]?.reason).toContain("Clerk sets itself in every token");
    const scopes = await provider("OAuthApplication").check(
      {},
      { name: "x", scopes: ["email", "profile", "email"] },
    );
    expect(scopes.failures?.map((f) => f.reason)).toEqual([
      'OAuthApplication.scopes: must not list a scope twice ("email")',
    ]);
    // A claim that merely looks like one (nested, or another case) is the template's own.
    const nested = await provider("JwtTemplate").check({}, { ...JWT, claims: { app: { sub: "x" }, Sub: 1 } });
    expect(nested.failures ?? []).toEqual([]);
    expect(nested.inputs).toBeDefined();
  });

  it("sent no request and changed nothing in Clerk", () => {
    expect(emu.requests()).toEqual([]);
    expect(JSON.stringify(emu.store.snapshot())).toBe(before);
  });
});
