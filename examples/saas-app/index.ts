// A SaaS app's Clerk configuration, one program for two stacks:
//
//   dev   the development instance: the team signs up from an allow-list, test mode on, localhost origins.
//   prod  the production instance: open sign-up with a block-list, plus a satellite domain for the second
//         brand and SAML single sign-on for an enterprise customer.
//
// Each stack's key (`clerk:secretKey`) decides which Clerk instance it manages. Non-secret settings are
// in Pulumi.<stack>.yaml; secrets are set with `pulumi config set --secret` (see README.md).
import * as pulumi from "@pulumi/pulumi";
import * as clerk from "pulumi-clerk";

// The project's own namespace, named explicitly so the program reads the same keys whatever project
// runs it (the e2e test runs it under another project name).
const config = new pulumi.Config("saas-app");

/** Which environment this stack is: `saas-app:environment`, else the stack name. */
const environment = config.get("environment") ?? pulumi.getStack();
if (environment !== "dev" && environment !== "prod") {
  throw new Error(`stack "${pulumi.getStack()}": set saas-app:environment to "dev" or "prod"`);
}
const prod = environment === "prod";

// ---- Settings from Pulumi.<stack>.yaml -------------------------------------------------------------

/** The web app's origin: `http://localhost:3000` in dev, `https://app.example.com` in prod. */
const webOrigin = config.require("webOrigin");
/** The mobile app's URL scheme (a different app id per environment). */
const mobileScheme = config.require("mobileScheme");
const supportEmail = config.require("supportEmail");
/** Identifiers (emails, phone numbers) allowed to sign up; empty = open sign-up. */
const allowlist = config.getObject<string[]>("allowlist") ?? [];
/** Identifiers never allowed to sign up. */
const blocklist = config.getObject<string[]>("blocklist") ?? [];
/** Origins of the browser extension and the Capacitor shell that call Clerk directly. */
const extraOrigins = config.getObject<string[]>("allowedOrigins") ?? [];
const maxOrganizationMembers = config.getNumber("maxOrganizationMembers") ?? 20;
/** The partner integration (an analytics vendor that signs our users in through OAuth). */
const partnerRedirectUri = config.require("partnerRedirectUri");
/** Bump to rotate the partner's OAuth client secret. */
const partnerSecretVersion = config.getNumber("partnerSecretVersion") ?? 1;

// ---- Secrets (never in Pulumi.<stack>.yaml in clear text) ------------------------------------------

/** Supabase's JWT secret: Supabase verifies Clerk's tokens with it (HS256). */
const supabaseJwtSecret = config.requireSecret("supabaseJwtSecret");

// ---- Redirect URLs: where Clerk may send users back after OAuth / SSO ------------------------------

const redirectUrls = [
  new clerk.RedirectUrl("web-sso-callback", { url: `${webOrigin}/sso-callback` }),
  new clerk.RedirectUrl("mobile-oauth-callback", { url: `${mobileScheme}://oauth-callback` }),
];
if (!prod) {
  // Expo Go on a developer's machine.
  redirectUrls.push(
    new clerk.RedirectUrl("expo-go-callback", { url: "exp://127.0.0.1:8081/--/oauth-callback" }),
  );
}

// ---- Who may sign up -------------------------------------------------------------------------------

const allowed = allowlist.map(
  (identifier) => new clerk.AllowlistIdentifier(`allow-${identifier}`, { identifier }),
);
const blocked = blocklist.map(
  (identifier) => new clerk.BlocklistIdentifier(`block-${identifier}`, { identifier }),
);

// Turned on only once the lists exist, so that switching the allow-list on never locks everyone out.
new clerk.InstanceRestrictions(
  "restrictions",
  {
    allowlist: allowlist.length > 0,
    blocklist: blocklist.length > 0,
    blockEmailSubaddresses: prod,
    blockDisposableEmailDomains: true,
  },
  { dependsOn: [...allowed, ...blocked] },
);

// ---- The instance itself ---------------------------------------------------------------------------

const instance = new clerk.InstanceSettings("instance", {
  allowedOrigins: extraOrigins,
  hibp: true,
  supportEmail,
  // Test phone numbers and emails (code 424242) only where nobody real signs up.
  testMode: !prod,
  ...(prod ? {} : { developmentOrigin: webOrigin }),
});

// ---- Organizations (customer workspaces) -----------------------------------------------------------

new clerk.OrganizationSettings("organizations", {
  enabled: true,
  maxAllowedMemberships: maxOrganizationMembers,
  adminDeleteEnabled: !prod,
  domainsEnabled: true,
  domainsEnrollmentModes: ["automatic_invitation", "automatic_suggestion"],
  creatorRole: "org:admin",
  domainsDefaultRole: "org:member",
});

// ---- Who may do what in an organization: permissions, a role granting them, a role set -------------

const invoices = ["read", "pay"].map(
  (action) =>
    new clerk.OrganizationPermission(`invoices-${action}`, {
      key: `org:invoices:${action}`,
      name: `Invoices: ${action}`,
    }),
);
const billing = new clerk.OrganizationRole("billing", {
  key: "org:billing",
  name: "Billing manager",
  permissions: [...invoices.map((p) => p.key), "org:sys_memberships:read"],
});
new clerk.RoleSet("finance-teams", {
  key: "role_set:finance",
  name: "Finance teams",
  roles: ["org:admin", billing.key],
  defaultRoleKey: billing.key,
  creatorRoleKey: "org:admin",
});

// ---- Session tokens for the backends ---------------------------------------------------------------

const supabase = new clerk.JwtTemplate("supabase", {
  name: "supabase",
  claims: {
    aud: "authenticated",
    role: "authenticated",
    email: "{{user.primary_email_address}}",
    app_metadata: { org_id: "{{org.id}}", org_role: "{{org.role}}" },
  },
  lifetime: 60,
  signingAlgorithm: "HS256",
  signingKey: supabaseJwtSecret,
});

const hasura = new clerk.JwtTemplate("hasura", {
  name: "hasura",
  claims: {
    "https://hasura.io/jwt/claims": {
      "x-hasura-default-role": "user",
      "x-hasura-allowed-roles": ["user", "org_admin"],
      "x-hasura-user-id": "{{user.id}}",
      "x-hasura-org-id": "{{org.id}}",
    },
  },
  lifetime: prod ? 300 : 3600,
  allowedClockSkew: 10,
});

// ---- OAuth application for the partner integration -------------------------------------------------

const partner = new clerk.OAuthApplication("partner-analytics", {
  name: prod ? "Acme Analytics" : "Acme Analytics (dev)",
  redirectUris: [partnerRedirectUri],
  scopes: ["openid", "profile", "email"],
  consentScreenEnabled: true,
  pkceRequired: true,
  rotateSecret: partnerSecretVersion,
});

// ---- Machine-to-machine: the background worker may call the API ------------------------------------

const apiMachine = new clerk.Machine("api-machine", { name: `saas-api (${environment})` });
const workerMachine = new clerk.Machine("worker-machine", {
  name: `saas-worker (${environment})`,
  scopedMachines: [apiMachine.id],
  defaultTokenTtl: 300,
});

// ---- Production only: a second brand's domain and enterprise SSO -----------------------------------

let satellite: clerk.Domain | undefined;
let sso: clerk.EnterpriseConnection | undefined;
if (prod) {
  // The customer portal runs under the second brand's domain and shares sign-in with the app.
  satellite = new clerk.Domain("portal", { name: config.require("satelliteDomain") });

  // Globex signs in through its Okta. The IdP certificate comes from secret config; passing it as a
  // secret keeps the whole `saml` block encrypted in state.
  sso = new clerk.EnterpriseConnection("globex-sso", {
    name: "Globex (Okta)",
    provider: "saml_okta",
    domains: config.requireObject<string[]>("ssoDomains"),
    active: true,
    syncUserAttributes: true,
    saml: {
      idpEntityId: config.require("ssoIdpEntityId"),
      idpSsoUrl: config.require("ssoIdpSsoUrl"),
      // Optional: lets Clerk follow the IdP's metadata (e.g. a certificate rollover).
      idpMetadataUrl: config.get("ssoIdpMetadataUrl"),
      // Every certificate the IdP signs with (two during a rollover); a secret, so it stays encrypted.
      idpCertificates: config.requireSecret("ssoIdpCertificate").apply((certificate) => [certificate]),
      attributeMapping: { emailAddress: "email", firstName: "firstName", lastName: "lastName" },
    },
  });
}

// ---- Stack outputs ---------------------------------------------------------------------------------

export const environmentType = instance.environmentType;
export const redirectUrlList = redirectUrls.map((r) => r.url);
export const jwtTemplates = [supabase.name, hasura.name];
export const partnerClientId = partner.clientId;
/** A secret output: `pulumi stack output --show-secrets partnerClientSecret`. */
export const partnerClientSecret = partner.clientSecret;
export const partnerAuthorizeUrl = partner.authorizeUrl;
/** A secret output: the worker deployment's machine secret key. */
export const workerMachineSecretKey = workerMachine.secretKey;
/** DNS records to create for the satellite domain (prod). */
export const portalDnsRecords = satellite?.cnameTargets;
/** What Globex's IdP administrator needs (prod). */
export const ssoAcsUrl = sso?.acsUrl;
export const ssoSpEntityId = sso?.spEntityId;
