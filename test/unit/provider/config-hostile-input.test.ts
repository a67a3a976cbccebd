import { beforeAll, describe, expect, it } from "vitest";
import { configure, provider } from "../../../provider/runtime";

// Hostile input for the configuration-document resources: each case fails at check naming the resource
// type and the field, before any request (the API URL points at a closed port: a request would fail
// differently, and check never builds a client).
const HUGE = "x".repeat(100_000);

beforeAll(async () => {
  const config: Record<string, string> = {
    "clerk:secretKey": "sk_test_hostileConfigInput",
    "clerk:apiUrl": "http://127.0.0.1:9/v1",
    "clerk:platformApiKey": "ak_hostileConfigInput",
    "clerk:applicationId": "app_hostile",
  };
  await configure({ config: { get: (k: string) => config[k] } });
});

const GOOGLE = { provider: "google" };
const CUSTOM = { key: "acme" };

// [type, arguments, the field the message must name]
const CORPUS: [string, Record<string, unknown>, string][] = [
  // SocialConnection
  ["SocialConnection", { provider: "myspace" }, "provider"],
  ["SocialConnection", { provider: "Google" }, "provider"],
  ["SocialConnection", {}, "provider"],
  ["SocialConnection", { provider: "oauth_google" }, "provider"],
  ["SocialConnection", { ...GOOGLE, teamId: "T1" }, "teamId"],
  ["SocialConnection", { provider: "github", showAccountSelectorPrompt: true }, "showAccountSelectorPrompt"],
  ["SocialConnection", { provider: "apple", actor: "user" }, "actor"],
  ["SocialConnection", { provider: "linear", actor: "robot" }, "actor"],
  ["SocialConnection", { ...GOOGLE, clientSecret: "" }, "clientSecret"],
  ["SocialConnection", { ...GOOGLE, clientSecret: HUGE }, "clientSecret"],
  ["SocialConnection", { ...GOOGLE, enabled: "true" }, "enabled"],
  ["SocialConnection", { ...GOOGLE, client_id: "snake" }, "client_id"],
  // Sign-in methods: strategies Clerk does not know, lengths out of range
  ["EmailSignIn", { signInStrategies: ["password"] }, "signInStrategies[0]"],
  ["EmailSignIn", { signInStrategies: ["email_code", "email_code"] }, "signInStrategies"],
  ["EmailSignIn", { verificationStrategies: "email_code" }, "verificationStrategies"],
  ["PhoneSignIn", { signInStrategies: ["sms_link"] }, "signInStrategies[0]"],
  ["PhoneSignIn", { secondFactorStrategies: ["totp"] }, "secondFactorStrategies[0]"],
  ["Web3SignIn", { signInStrategies: ["web3_phantom_signature"] }, "signInStrategies[0]"],
  ["UsernameSignIn", { minLength: 0 }, "minLength"],
  ["UsernameSignIn", { maxLength: 65 }, "maxLength"],
  ["UsernameSignIn", { minLength: 10, maxLength: 5 }, "minLength"],
  ["UsernameSignIn", { minLength: 4.5 }, "minLength"],
  ["PasskeySignIn", { usedForSignIn: 1 }, "usedForSignIn"],
  // PasswordPolicy
  ["PasswordPolicy", { minLength: 7 }, "minLength"],
  ["PasswordPolicy", { minLength: 73 }, "minLength"],
  ["PasswordPolicy", { maxLength: 100 }, "maxLength"],
  ["PasswordPolicy", { minLength: 20, maxLength: 10 }, "minLength"],
  ["PasswordPolicy", { minZxcvbnStrength: 5 }, "minZxcvbnStrength"],
  ["PasswordPolicy", { minZxcvbnStrength: -1 }, "minZxcvbnStrength"],
  ["PasswordPolicy", { requireSymbols: true }, "requireSymbols"],
  // MultiFactor, AttackProtection, AccessControl
  ["MultiFactor", { requiredForSignIn: "yes" }, "requiredForSignIn"],
  ["AttackProtection", { captchaWidgetType: "invisible" }, "captchaWidgetType"],
  ["AttackProtection", { userLockoutMaxAttempts: 0 }, "userLockoutMaxAttempts"],
  ["AccessControl", { signUpMode: "private" }, "signUpMode"],
  ["AccessControl", { signUpMode: "PUBLIC" }, "signUpMode"],
  // Sessions and the session token
  ["SessionSettings", { maximumLifetimeSeconds: 299 }, "maximumLifetimeSeconds"],
  ["SessionSettings", { inactivityTimeoutSeconds: 60 }, "inactivityTimeoutSeconds"],
  ["SessionToken", { claims: { sub: "{{user.id}}" } }, "claims.sub"],
  ["SessionToken", { claims: { exp: 1 } }, "claims.exp"],
  ["SessionToken", { claims: { azp: "x", role: "r" } }, "claims.azp"],
  ["SessionToken", { claims: { iss: "x" } }, "claims.iss"],
  ["SessionToken", { claims: { jti: "x" } }, "claims.jti"],
  ["SessionToken", { claims: { nbf: 0 } }, "claims.nbf"],
  ["SessionToken", { claims: { iat: 0 } }, "claims.iat"],
  ["SessionToken", { claims: "role=admin" }, "claims"],
  ["SessionToken", { lifetime: 10 }, "lifetime"],
  ["SessionToken", { allowedClockSkew: 301 }, "allowedClockSkew"],
  // Paths, user model
  ["ApplicationPaths", { signIn: "sign-in" }, "signIn"],
  ["ApplicationPaths", { home: "https://app.example.com/" }, "home"],
  ["ApplicationPaths", { afterSignOutAll: "/a b" }, "afterSignOutAll"],
  ["UserModel", { firstNameRequired: null }, "firstNameRequired"],
  // Organizations through the document
  ["OrganizationConfig", { domainsEnrollmentModes: ["auto"] }, "domainsEnrollmentModes[0]"],
  ["OrganizationConfig", { maxAllowedMemberships: -1 }, "maxAllowedMemberships"],
  ["OrganizationConfig", { domainsDefaultRole: "member" }, "domainsDefaultRole"],
  // Custom OAuth providers
  ["CustomOAuthProvider", { key: "Acme Corp" }, "key"],
  ["CustomOAuthProvider", { key: "acme.corp" }, "key"],
  ["CustomOAuthProvider", { ...CUSTOM, tokenUrl: "http://sso.example.com/token" }, "tokenUrl"],
  ["CustomOAuthProvider", { ...CUSTOM, discoveryUrl: "not a url" }, "discoveryUrl"],
  ["CustomOAuthProvider", { ...CUSTOM, baseScopes: ["openid email"] }, "baseScopes[0]"],
  ["CustomOAuthProvider", { ...CUSTOM, userMapping: [1] }, "userMapping"],
  // Billing
  ["BillingPlan", { slug: "pro", amount: -1 }, "amount"],
  ["BillingPlan", { slug: "pro", currency: "usd" }, "currency"],
  ["BillingPlan", { slug: "pro", payerType: "team" }, "payerType"],
  ["BillingPlan", { slug: "pro", features: ["reports", "reports"] }, "features"],
  ["BillingPlan", { slug: "pro", freeTrialDays: 0 }, "freeTrialDays"],
  ["BillingFeature", { slug: "" }, "slug"],
  ["BillingFeature", { slug: "reports", avatarUrl: "ftp://x" }, "avatarUrl"],
  ["BillingSettings", { userEnabled: "on" }, "userEnabled"],
];

describe("configuration-document resources refuse hostile input at check", () => {
  it("has at least 40 cases", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)("%s %j fails naming %s", async (type, args, field) => {
    const result = await provider(type).check({}, args);
    const failures = result.failures ?? [];
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((f) => f.reason).join("\n")).toContain(`${type}.${field}`);
    // Never echo a long value back (it may be a secret).
    expect(JSON.stringify(failures)).not.toContain(HUGE.slice(0, 200));
  });
});
