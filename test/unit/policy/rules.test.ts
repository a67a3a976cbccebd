// The logic of each rule of the policy pack, on plain resources (the user tier runs them through the
// real CLI): what is a violation, what is not, what an unknown value does, and what the messages say.
import { describe, expect, it } from "vitest";
import { defaults, type Rule, rules, type Subject } from "../../../policy/rules";
import { UNKNOWN } from "../../../policy/values";

const NOW = Date.parse("2026-12-08T00:00:00Z");
const DAY = 86_400_000;

function rule(name: string): Rule<object> {
  const r = rules.find((x) => x.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}

function judge(name: string, s: Partial<Subject> & { type: string }, config: object = {}): string[] {
  const r = rule(name);
  const subject: Subject = { name: "r", props: {}, instance: undefined, environment: "production", ...s };
  return r.check(subject, { ...defaults(r), ...config } as never, NOW);
}

describe("clerk-secure-urls", () => {
  const urls = (type: string, field: string, value: unknown, config = {}) =>
    judge("clerk-secure-urls", { type, name: "cb", props: { [field]: value } }, config);

  it("refuses http:// and localhost, naming the resource, the field, the value and the fix", () => {
    const [m] = urls("RedirectUrl", "url", "http://app.example.com/callback");
    expect(m).toBe(
      'RedirectUrl "cb" (the default instance, production): url "http://app.example.com/callback" uses plain http://. Fix: use an https:// URL of your production domain, or your app\'s custom scheme (myapp://callback).',
    );
    expect(urls("RedirectUrl", "url", "https://localhost:3000/cb")[0]).toContain("points at localhost");
    expect(urls("RedirectUrl", "url", "https://127.0.0.1/cb")[0]).toContain("points at 127.0.0.1");
    expect(urls("RedirectUrl", "url", "https://[::1]:8443/cb")[0]).toContain("points at [::1]");
    expect(urls("RedirectUrl", "url", "myapp://localhost/cb")[0]).toContain("points at localhost");
  });

  it("accepts https:// and custom schemes; customSchemes narrows them, allow exempts exact values", () => {
    expect(urls("RedirectUrl", "url", "https://app.example.com/callback")).toEqual([]);
    expect(urls("RedirectUrl", "url", "myapp://oauth-callback")).toEqual([]);
    expect(urls("RedirectUrl", "url", "other://cb", { customSchemes: ["myapp"] })[0]).toContain(
      "uses the custom scheme other://, which is not one of myapp://",
    );
    expect(urls("RedirectUrl", "url", "myapp://cb", { customSchemes: ["myapp"] })).toEqual([]);
    expect(
      urls("InstanceSettings", "allowedOrigins", ["capacitor://localhost"], {
        allow: ["capacitor://localhost"],
      }),
    ).toEqual([]);
  });

  it("judges each entry of a list by its index, skipping entries not known at preview", () => {
    const found = urls("OAuthApplication", "redirectUris", [
      UNKNOWN,
      "https://ok.example.com/cb",
      "http://x.dev/cb",
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('redirectUris[2] "http://x.dev/cb"');
    expect(urls("InstanceSettings", "allowedOrigins", ["http://localhost:3000"])[0]).toContain(
      'allowedOrigins[0] "http://localhost:3000"',
    );
    expect(urls("OAuthApplication", "redirectUris", UNKNOWN)).toEqual([]);
    expect(urls("RedirectUrl", "url", UNKNOWN)).toEqual([]);
  });
});

describe("lifetimes", () => {
  it("clerk-jwt-template-lifetime: at most 3600 s by default; the bound is a parameter", () => {
    const t = (lifetime: unknown, config = {}) =>
      judge(
        "clerk-jwt-template-lifetime",
        { type: "JwtTemplate", name: "supabase", props: { lifetime } },
        config,
      );
    expect(t(3600)).toEqual([]);
    expect(t(undefined)).toEqual([]);
    expect(t(UNKNOWN)).toEqual([]);
    expect(t(604800)).toEqual([
      'JwtTemplate "supabase" (the default instance, production): lifetime 604800 s is longer than the allowed 3600 s (how long a token from the template is valid). Fix: set lifetime to 3600 or less, or raise the rule\'s maxSeconds.',
    ]);
    expect(t(604800, { maxSeconds: 604800 })).toEqual([]);
  });

  it("clerk-machine-token-lifetime: at most a day by default", () => {
    const m = (defaultTokenTtl: unknown) =>
      judge("clerk-machine-token-lifetime", { type: "Machine", props: { defaultTokenTtl } });
    expect(m(86_400)).toEqual([]);
    expect(m(86_401)[0]).toContain("defaultTokenTtl 86401 s is longer than the allowed 86400 s");
  });
});

describe("clerk-public-oauth-pkce", () => {
  const app = (props: Record<string, unknown>) =>
    judge("clerk-public-oauth-pkce", { type: "OAuthApplication", name: "cli", props });
  it("refuses a public application without PKCE, and only that", () => {
    expect(app({ public: true })[0]).toBe(
      'OAuthApplication "cli" (the default instance, production): pkceRequired is not set (Clerk\'s default: false) on a public application, so any app that knows its client id can exchange a stolen authorization code. Fix: set pkceRequired: true.',
    );
    expect(app({ public: true, pkceRequired: false })[0]).toContain("pkceRequired is false");
    expect(app({ public: true, pkceRequired: true })).toEqual([]);
    expect(app({ public: false })).toEqual([]);
    expect(app({ public: true, pkceRequired: UNKNOWN })).toEqual([]);
    expect(app({ public: UNKNOWN })).toEqual([]);
  });
});

describe("clerk-sso-certificate-expiry", () => {
  const saml = (props: Record<string, unknown>, config = {}) =>
    judge("clerk-sso-certificate-expiry", { type: "SamlConnection", name: "okta", props }, config);
  it("refuses a certificate expiring within 30 days, giving the date and the rotation steps", () => {
    const [m] = saml({ idpCertificateExpiresAt: NOW + 10 * DAY });
    expect(m).toContain('SamlConnection "okta"');
    expect(m).toContain("idpCertificateExpiresAt 2026-12-18T00:00:00.000Z) expires in 10 days");
    expect(m).toContain("Fix: add the IdP's new certificate to idpCertificates");
    expect(saml({ idpCertificateExpiresAt: NOW - DAY })[0]).toContain("expired");
    expect(saml({ idpCertificateExpiresAt: NOW + 40 * DAY })).toEqual([]);
    expect(saml({ idpCertificateExpiresAt: NOW + 40 * DAY }, { minDaysLeft: 60 })).toHaveLength(1);
  });

  it("a rotation in progress counts its newest certificate; no expiry known is no violation", () => {
    const validity = [{ expiresAt: NOW + 5 * DAY }, { expiresAt: NOW + 365 * DAY }];
    expect(saml({ idpCertificateExpiresAt: NOW + 5 * DAY, idpCertificatesValidity: validity })).toEqual([]);
    expect(saml({})).toEqual([]);
    expect(saml({ idpCertificateExpiresAt: UNKNOWN })).toEqual([]);
    const enterprise = judge("clerk-sso-certificate-expiry", {
      type: "EnterpriseConnection",
      props: { samlConnection: { idpCertificatesValidity: [{ expiresAt: NOW + 2 * DAY }] } },
    });
    expect(enterprise[0]).toContain("expires in 2 days");
  });
});

describe("clerk-test-mode-off", () => {
  it("refuses testMode: true", () => {
    const s = (testMode: unknown) =>
      judge("clerk-test-mode-off", { type: "InstanceSettings", props: { testMode } });
    expect(s(true)[0]).toContain("testMode is true");
    expect(s(false)).toEqual([]);
    expect(s(UNKNOWN)).toEqual([]);
  });
});

describe("clerk-allowlist-domains", () => {
  const entry = (identifier: unknown, config: object = { domains: ["example.com"] }) =>
    judge(
      "clerk-allowlist-domains",
      { type: "AllowlistIdentifier", name: "ceo", props: { identifier } },
      config,
    );
  it("checks nothing until domains is configured", () => {
    expect(entry("someone@gmail.com", {})).toEqual([]);
  });
  it("accepts addresses of the domains (and their subdomains), refuses others and non-email entries", () => {
    expect(entry("ceo@example.com")).toEqual([]);
    expect(entry("ceo@EU.Example.com")).toEqual([]);
    expect(entry("ceo@eu.example.com", { domains: ["example.com"], includeSubdomains: false })).toHaveLength(
      1,
    );
    expect(entry("someone@gmail.com")[0]).toContain(
      'identifier "someone@gmail.com" is from gmail.com, not one of the allowed domains. Fix: use an address of example.com',
    );
    expect(entry("+15555550100")[0]).toContain("is not an email address of example.com");
    expect(entry("+15555550100", { domains: ["example.com"], allowNonEmail: true })).toEqual([]);
    expect(entry(UNKNOWN)).toEqual([]);
  });
});

describe("the rule table", () => {
  it("names each rule once, with a default for every parameter and a scope", () => {
    const names = rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      "clerk-secure-urls",
      "clerk-jwt-template-lifetime",
      "clerk-machine-token-lifetime",
      "clerk-session-token-lifetime",
      "clerk-public-oauth-pkce",
      "clerk-sso-certificate-expiry",
      "clerk-test-mode-off",
      "clerk-allowlist-domains",
      "clerk-mfa-required",
      "clerk-password-min-length",
      "clerk-sign-up-mode",
    ]);
    for (const r of rules) {
      for (const [k, v] of Object.entries(r.params as Record<string, { default?: unknown }>))
        expect(v.default, `${r.name}.${k}`).toBeDefined();
    }
  });
});

describe("the configuration-document rules", () => {
  it("clerk-session-token-lifetime bounds SessionToken.lifetime like the JWT template rule", () => {
    const [m] = judge("clerk-session-token-lifetime", { type: "SessionToken", props: { lifetime: 7200 } });
    expect(m).toContain('SessionToken "r"');
    expect(m).toContain("lifetime 7200 s is longer than the allowed 3600 s");
    expect(judge("clerk-session-token-lifetime", { type: "SessionToken", props: { lifetime: 60 } })).toEqual(
      [],
    );
    expect(
      judge(
        "clerk-session-token-lifetime",
        { type: "SessionToken", props: { lifetime: 7200 } },
        { maxSeconds: 9000 },
      ),
    ).toEqual([]);
  });

  it("clerk-mfa-required: requiredForSignIn must be true; not declared is a violation too; unknown is not", () => {
    const [off] = judge("clerk-mfa-required", { type: "MultiFactor", props: { requiredForSignIn: false } });
    expect(off).toContain("requiredForSignIn is false");
    expect(off).toContain("Fix: set requiredForSignIn: true");
    const [unset] = judge("clerk-mfa-required", {
      type: "MultiFactor",
      props: { authenticatorAppEnabled: true },
    });
    expect(unset).toContain("not declared");
    expect(judge("clerk-mfa-required", { type: "MultiFactor", props: { requiredForSignIn: true } })).toEqual(
      [],
    );
    expect(
      judge("clerk-mfa-required", { type: "MultiFactor", props: { requiredForSignIn: UNKNOWN } }),
    ).toEqual([]);
    expect(rule("clerk-mfa-required").scope).toBe("production");
  });

  it("clerk-password-min-length: at least 12 by default where passwords are on; Clerk's default 8 fails", () => {
    const [short] = judge("clerk-password-min-length", { type: "PasswordPolicy", props: { minLength: 8 } });
    expect(short).toContain("minLength is 8, shorter than the required 12");
    const [unset] = judge("clerk-password-min-length", {
      type: "PasswordPolicy",
      props: { requireNumbers: true },
    });
    expect(unset).toContain("not declared (Clerk's default is 8)");
    expect(judge("clerk-password-min-length", { type: "PasswordPolicy", props: { minLength: 12 } })).toEqual(
      [],
    );
    expect(judge("clerk-password-min-length", { type: "PasswordPolicy", props: { enabled: false } })).toEqual(
      [],
    );
    expect(
      judge(
        "clerk-password-min-length",
        { type: "PasswordPolicy", props: { minLength: 10 } },
        { minLength: 10 },
      ),
    ).toEqual([]);
  });

  it("clerk-sign-up-mode: advisory, public is outside the default allowed modes, configurable", () => {
    const r = rule("clerk-sign-up-mode");
    expect(r.enforcementLevel).toBe("advisory");
    const [m] = judge("clerk-sign-up-mode", { type: "AccessControl", props: { signUpMode: "public" } });
    expect(m).toContain('signUpMode is "public", not one of "restricted", "waitlist"');
    expect(judge("clerk-sign-up-mode", { type: "AccessControl", props: { signUpMode: "waitlist" } })).toEqual(
      [],
    );
    expect(judge("clerk-sign-up-mode", { type: "AccessControl", props: {} })).toEqual([]);
    expect(
      judge(
        "clerk-sign-up-mode",
        { type: "AccessControl", props: { signUpMode: "public" } },
        { allowed: ["public"] },
      ),
    ).toEqual([]);
  });
});
