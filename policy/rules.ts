import type { PolicyConfigSchema } from "@pulumi/policy";
import { type Environment, instanceLabel } from "./environment";
import { insecureUrl } from "./urls";
import { isUnknown, listOf } from "./values";

/** A JSON schema of one parameter, as Pulumi checks `--policy-pack-config` with it. */
export type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

/** One resource as a rule sees it: plain properties, unknown values marked (see values.ts). */
export interface Subject {
  /** The resource type name, e.g. `RedirectUrl`. */
  type: string;
  /** The resource's name in the program. */
  name: string;
  props: Record<string, unknown>;
  /** The resource's `instance` argument (undefined: the default instance). */
  instance: string | undefined;
  environment: Environment;
}

/** Where a rule applies: production instances only, or every instance. */
export type Scope = "production" | "all";

/** Parameters every rule has (besides the enforcement level, which Pulumi handles itself). */
export interface CommonConfig {
  /** Production instances only, or every instance (see docs/policy-pack.md, "Production"). */
  appliesTo: Scope;
}

type Params<C> = { [K in keyof C]: PolicyConfigJSONSchema & { default: C[K] } };

/**
 * One entry of the rule table. A rule names the resource types it reads and judges one resource at a
 * time; the pack (pack.ts) turns the table into Pulumi policies. Adding a rule is adding an entry.
 */
export interface Rule<C extends object = Record<string, unknown>> {
  /** The policy name, as in `--policy-pack-config` and in the CLI's output. */
  name: string;
  description: string;
  enforcementLevel: "mandatory" | "advisory";
  /** The default of `appliesTo`. */
  scope: Scope;
  /** Resource type names (`RedirectUrl`). */
  types: readonly string[];
  /**
   * `inputs`: each resource as the program declares it, before its step runs (preview and up).
   * `outputs`: the whole stack at the end of the preview or update, each resource with the outputs
   * Clerk returned (values only Clerk knows, such as certificate expiry).
   */
  stage: "inputs" | "outputs";
  /** The rule's own parameters with their defaults (JSON schema, as `--policy-pack-config` is checked). */
  params: Params<C>;
  /** One message per violation (naming the resource, the field, the value and the fix). */
  check(subject: Subject, config: C & CommonConfig, now: number): string[];
}

/** `RedirectUrl "callback" (instance "eu", production)`: how every message starts. */
export function who(s: Subject): string {
  const env = s.environment === "unknown" ? "" : `, ${s.environment}`;
  return `${s.type} "${s.name}" (${instanceLabel(s.instance)}${env})`;
}

const show = (v: unknown) => JSON.stringify(v);

const stringList = (description: string): PolicyConfigJSONSchema & { default: string[] } => ({
  type: "array",
  items: { type: "string" },
  description,
  default: [],
});

// Where each of the URL-holding resources keeps its URLs.
const URL_FIELDS: Record<string, { field: string; list: boolean }> = {
  RedirectUrl: { field: "url", list: false },
  OAuthApplication: { field: "redirectUris", list: true },
  InstanceSettings: { field: "allowedOrigins", list: true },
};

const secureUrls: Rule<{ customSchemes: string[]; allow: string[] }> = {
  name: "clerk-secure-urls",
  description:
    "Redirect URLs, OAuth redirect URIs and allowed origins are https:// or a custom scheme: never http:// or localhost.",
  enforcementLevel: "mandatory",
  scope: "production",
  types: Object.keys(URL_FIELDS),
  stage: "inputs",
  params: {
    customSchemes: stringList('Custom schemes allowed (e.g. ["myapp"]); empty: any custom scheme.'),
    allow: stringList('Exact values exempt from the rule (e.g. ["capacitor://localhost"]).'),
  },
  check(s, config) {
    const spec = URL_FIELDS[s.type];
    if (!spec) return [];
    const value = s.props[spec.field];
    const entries = spec.list
      ? (listOf(value) ?? []).map((v, i) => [`${spec.field}[${i}]`, v] as const)
      : [[spec.field, value] as const];
    const out: string[] = [];
    for (const [field, v] of entries) {
      if (typeof v !== "string" || isUnknown(v) || config.allow.includes(v)) continue;
      const bad = insecureUrl(v, config);
      if (bad) out.push(`${who(s)}: ${field} ${show(v)} ${bad.problem}. Fix: ${bad.fix}.`);
    }
    return out;
  },
};

/** A number field bounded from above, for lifetimes. */
function maxSeconds(
  name: string,
  type: string,
  field: string,
  param: string,
  max: number,
  what: string,
  enforcementLevel: Rule["enforcementLevel"],
): Rule<Record<string, number>> {
  return {
    name,
    description: `${type}.${field} (${what}) is at most ${max} seconds, or the rule's ${param}.`,
    enforcementLevel,
    scope: "all",
    types: [type],
    stage: "inputs",
    params: {
      [param]: {
        type: "integer",
        minimum: 1,
        description: `Largest allowed ${field}, in seconds.`,
        default: max,
      },
    },
    check(s, config) {
      const v = s.props[field];
      const bound = config[param] as number;
      if (typeof v !== "number" || v <= bound) return [];
      return [
        `${who(s)}: ${field} ${v} s is longer than the allowed ${bound} s (${what}). Fix: set ${field} to ${bound} or less, or raise the rule's ${param}.`,
      ];
    },
  };
}

const publicOAuthPkce: Rule = {
  name: "clerk-public-oauth-pkce",
  description: "Public OAuth applications (no client secret) require PKCE.",
  enforcementLevel: "mandatory",
  scope: "all",
  types: ["OAuthApplication"],
  stage: "inputs",
  params: {},
  check(s) {
    if (s.props.public !== true) return [];
    const pkce = s.props.pkceRequired;
    if (pkce === true || isUnknown(pkce)) return [];
    return [
      `${who(s)}: pkceRequired is ${pkce === undefined ? "not set (Clerk's default: false)" : show(pkce)} on a public application, so any app that knows its client id can exchange a stolen authorization code. Fix: set pkceRequired: true.`,
    ];
  },
};

const DAY_MS = 86_400_000;

/** The latest NotAfter among a connection's IdP certificates (a rotation in progress counts its new one). */
function latestExpiry(s: Subject): number | undefined {
  const validity =
    s.type === "SamlConnection"
      ? listOf(s.props.idpCertificatesValidity)
      : listOf((s.props.samlConnection as Record<string, unknown> | undefined)?.idpCertificatesValidity);
  const all = (validity ?? [])
    .map((c) => (c as Record<string, unknown> | undefined)?.expiresAt)
    .filter((t): t is number => typeof t === "number");
  const single = s.props.idpCertificateExpiresAt;
  if (typeof single === "number") all.push(single);
  return all.length > 0 ? Math.max(...all) : undefined;
}

const certificateExpiry: Rule<{ minDaysLeft: number }> = {
  name: "clerk-sso-certificate-expiry",
  description:
    "The IdP certificates of SAML connections (SamlConnection, EnterpriseConnection) do not expire within minDaysLeft days.",
  enforcementLevel: "mandatory",
  scope: "all",
  types: ["SamlConnection", "EnterpriseConnection"],
  stage: "outputs",
  params: {
    minDaysLeft: {
      type: "integer",
      minimum: 0,
      description: "Days a certificate must still be valid.",
      default: 30,
    },
  },
  check(s, config, now) {
    const expires = latestExpiry(s);
    if (expires === undefined) return [];
    const daysLeft = Math.floor((expires - now) / DAY_MS);
    if (daysLeft >= config.minDaysLeft) return [];
    const when = new Date(expires).toISOString();
    const state = daysLeft < 0 ? "expired" : `expires in ${daysLeft} days`;
    return [
      `${who(s)}: the IdP certificate (idpCertificateExpiresAt ${when}) ${state}, less than the required ${config.minDaysLeft} days. Fix: add the IdP's new certificate to idpCertificates next to the old one, switch the IdP to it, then remove the old one.`,
    ];
  },
};

const testModeOff: Rule = {
  name: "clerk-test-mode-off",
  description:
    "Test mode (fixed codes such as 424242 sign anyone in to test identities) is off in production.",
  enforcementLevel: "mandatory",
  scope: "production",
  types: ["InstanceSettings"],
  stage: "inputs",
  params: {},
  check(s) {
    if (s.props.testMode !== true) return [];
    return [
      `${who(s)}: testMode is true: test phone numbers and emails sign in with the fixed code 424242. Fix: set testMode: false.`,
    ];
  },
};

const allowlistDomains: Rule<{ domains: string[]; includeSubdomains: boolean; allowNonEmail: boolean }> = {
  name: "clerk-allowlist-domains",
  description:
    "Allow-list entries are email addresses of the configured domains (checks nothing until domains is set).",
  enforcementLevel: "mandatory",
  scope: "all",
  types: ["AllowlistIdentifier"],
  stage: "inputs",
  params: {
    domains: stringList(
      'Email domains allow-list entries may come from (e.g. ["example.com"]); empty: the rule checks nothing.',
    ),
    includeSubdomains: { type: "boolean", description: "Accept subdomains of the domains.", default: true },
    allowNonEmail: { type: "boolean", description: "Accept phone numbers and web3 wallets.", default: false },
  },
  check(s, config) {
    const id = s.props.identifier;
    if (config.domains.length === 0 || typeof id !== "string" || isUnknown(id)) return [];
    const allowed = config.domains.map((d) => d.toLowerCase());
    const at = id.lastIndexOf("@");
    const fix = `Fix: use an address of ${allowed.join(", ")}, or add its domain to the rule's domains.`;
    if (at < 0) {
      if (config.allowNonEmail) return [];
      return [`${who(s)}: identifier ${show(id)} is not an email address of ${allowed.join(", ")}. ${fix}`];
    }
    const domain = id.slice(at + 1).toLowerCase();
    const ok = allowed.some((d) => domain === d || (config.includeSubdomains && domain.endsWith(`.${d}`)));
    return ok
      ? []
      : [`${who(s)}: identifier ${show(id)} is from ${domain}, not one of the allowed domains. ${fix}`];
  },
};

const mfaRequired: Rule = {
  name: "clerk-mfa-required",
  description: "A MultiFactor resource of a production instance requires a second factor at sign-in.",
  enforcementLevel: "mandatory",
  scope: "production",
  types: ["MultiFactor"],
  stage: "inputs",
  params: {},
  check(s) {
    const v = s.props.requiredForSignIn;
    if (v === true || isUnknown(v)) return [];
    return [
      `${who(s)}: requiredForSignIn is ${v === undefined ? "not declared (the dashboard decides)" : show(v)}, so one stolen password signs someone in. Fix: set requiredForSignIn: true (with authenticatorAppEnabled or backupCodeEnabled).`,
    ];
  },
};

const passwordMinLength: Rule<{ minLength: number }> = {
  name: "clerk-password-min-length",
  description: "Where passwords are on, PasswordPolicy.minLength is at least the rule's minLength.",
  enforcementLevel: "mandatory",
  scope: "production",
  types: ["PasswordPolicy"],
  stage: "inputs",
  params: {
    minLength: {
      type: "integer",
      minimum: 8,
      maximum: 72,
      description: "Shortest password length allowed (Clerk accepts 8 to 72).",
      default: 12,
    },
  },
  check(s, config) {
    if (s.props.enabled === false || isUnknown(s.props.enabled)) return [];
    const v = s.props.minLength;
    if (isUnknown(v) || (typeof v === "number" && v >= config.minLength)) return [];
    return [
      `${who(s)}: minLength is ${v === undefined ? "not declared (Clerk's default is 8)" : show(v)}, shorter than the required ${config.minLength}. Fix: set minLength to ${config.minLength} or more, or lower the rule's minLength.`,
    ];
  },
};

const signUpMode: Rule<{ allowed: string[] }> = {
  name: "clerk-sign-up-mode",
  description:
    "AccessControl.signUpMode is one of the rule's allowed modes (by default not public: restricted or waitlist).",
  // Advisory: most consumer apps sign up publicly; a team that means otherwise makes it mandatory.
  enforcementLevel: "advisory",
  scope: "production",
  types: ["AccessControl"],
  stage: "inputs",
  params: {
    allowed: {
      type: "array",
      items: { type: "string", enum: ["public", "restricted", "waitlist"] },
      description: 'Sign-up modes allowed (Clerk\'s: "public", "restricted", "waitlist").',
      default: ["restricted", "waitlist"],
    },
  },
  check(s, config) {
    const v = s.props.signUpMode;
    if (v === undefined || isUnknown(v) || (typeof v === "string" && config.allowed.includes(v))) return [];
    return [
      `${who(s)}: signUpMode is ${show(v)}, not one of ${config.allowed.map(show).join(", ")}. Fix: set signUpMode to ${config.allowed.map(show).join(" or ")}, or allow ${show(v)} in the rule's allowed.`,
    ];
  },
};

/** The rule table: every rule the pack ships. */
export const rules: readonly Rule<object>[] = [
  secureUrls,
  maxSeconds(
    "clerk-jwt-template-lifetime",
    "JwtTemplate",
    "lifetime",
    "maxSeconds",
    3600,
    "how long a token from the template is valid",
    "mandatory",
  ),
  maxSeconds(
    "clerk-machine-token-lifetime",
    "Machine",
    "defaultTokenTtl",
    "maxSeconds",
    86_400,
    "how long the machine's tokens are valid",
    // Advisory: machine-to-machine tokens often live longer by design; a warning asks for a second look.
    "advisory",
  ),
  maxSeconds(
    "clerk-session-token-lifetime",
    "SessionToken",
    "lifetime",
    "maxSeconds",
    3600,
    "how long a session token is valid before the client must refresh it",
    "mandatory",
  ),
  publicOAuthPkce,
  certificateExpiry,
  testModeOff,
  allowlistDomains,
  mfaRequired,
  passwordMinLength,
  signUpMode,
];

/** A rule's parameter defaults, with `appliesTo`: what the rule uses when the pack config says nothing. */
export function defaults(rule: Rule<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { appliesTo: rule.scope };
  for (const [k, v] of Object.entries(rule.params as Record<string, { default: unknown }>))
    out[k] = v.default;
  return out;
}
