// Seeds an emulator with a varied configuration through the public API (as a dashboard user would):
// every resource type, names that collide once slugged, both kinds of JWT key, public and confidential
// OAuth apps, SAML and OIDC connections, and non-default values in every singleton.
import { createClerkClient } from "../../sdk";
import { TEST_CERTIFICATE } from "./certificate";

export const SEED_KEY = "sk_test_cli_export_0123456789";
export const JWT_SIGNING_KEY = "export-test-hs256-signing-secret";
export const OIDC_CLIENT_SECRET = "export-test-oidc-client-secret";

export async function seedVaried(apiUrl: string): Promise<void> {
  const c = createClerkClient({ secretKey: SEED_KEY, apiUrl });
  await c.redirectUrls.create({ url: "myapp://oauth-callback" });
  await c.redirectUrls.create({ url: "https://app.example.com/sso-callback" });
  // Slugs to the same name as the one above: the later one must get "-2".
  await c.redirectUrls.create({ url: "https://app-example.com/sso-callback" });
  await c.allowlistIdentifiers.create({ identifier: "ceo@example.com" });
  await c.allowlistIdentifiers.create({ identifier: "+15551234567" });
  await c.blocklistIdentifiers.create({ identifier: "spam@example.net" });
  await c.jwtTemplates.create({
    name: "supabase",
    claims: { role: "authenticated", email: "{{user.primary_email_address}}" },
    lifetime: 120,
    custom_signing_key: true,
    signing_algorithm: "HS256",
    signing_key: JWT_SIGNING_KEY,
  });
  await c.jwtTemplates.create({ name: "hasura", claims: { "https://hasura.io/jwt/claims": { x: 1 } } });
  await c.oauthApplications.create({
    name: "Web Portal",
    redirect_uris: ["https://portal.example.com/callback"],
    scopes: "profile email",
  });
  await c.oauthApplications.create({ name: "CLI", public: true, scopes: "profile" });
  await c.domains.create({ name: "satellite.example.com", is_satellite: true });
  await c.samlConnections.create({
    name: "Legacy Okta",
    domains: ["legacy.example.com"],
    provider: "saml_okta",
    idp_entity_id: "http://www.okta.com/legacy",
    idp_sso_url: "https://legacy.okta.com/sso",
    idp_certificate: TEST_CERTIFICATE,
  });
  await c.enterpriseConnections.create({
    name: "Acme SAML",
    provider: "saml_custom",
    domains: ["acme.com"],
    active: true,
    saml: {
      idp_entity_id: "https://idp.acme.com/entity",
      idp_sso_url: "https://idp.acme.com/sso",
      idp_certificate: TEST_CERTIFICATE,
      attribute_mapping: { email_address: "mail" },
      force_authn: true,
    },
  });
  await c.enterpriseConnections.create({
    name: "Globex OIDC",
    provider: "oidc_custom",
    domains: ["globex.com"],
    oidc: {
      client_id: "globex-client",
      client_secret: OIDC_CLIENT_SECRET,
      discovery_url: "https://login.globex.com/.well-known/openid-configuration",
    },
  });
  const api = await c.machines.create({ name: "Orders API" });
  await c.machines.create({ name: "Billing worker", default_token_ttl: 600, scoped_machines: [api.id] });
  const acmeSaml = (await c.enterpriseConnections.list()).find((e) => e.name === "Acme SAML");
  if (acmeSaml) {
    const dir = await c.scimDirectories.create({
      enterprise_connection_id: acmeSaml.id,
      provider: "okta",
      name: "Acme Okta",
    });
    await c.scimDirectories.update(dir.id, { group_role_mapping_enabled: true });
    const admin = (await c.organizationRoles.list()).find((r) => r.key === "org:admin");
    if (admin)
      await c.scimDirectories.replaceGroupRoleMappings(dir.id, {
        mappings: [{ scim_group_id: "it-admins", role_id: admin.id }],
      });
  }
  await c.svix.enable();
  // The authorization model: custom permissions, a role granting them (and a system one) by id, a role
  // set holding it; the seeded roles and initial role set are exported too.
  const read = await c.organizationPermissions.create({ name: "Read invoices", key: "org:invoices:read" });
  const pay = await c.organizationPermissions.create({
    name: "Pay invoices",
    key: "org:invoices:pay",
    description: "Settle invoices",
  });
  const sysRead = (await c.organizationPermissions.list()).find((p) => p.key === "org:sys_memberships:read");
  await c.organizationRoles.create({
    name: "Billing",
    key: "org:billing",
    description: "Reads and pays invoices",
    permissions: [read.id, pay.id, sysRead?.id ?? ""],
  });
  await c.roleSets.create({
    name: "Finance teams",
    key: "role_set:finance",
    roles: ["org:admin", "org:billing"],
    default_role_key: "org:billing",
    creator_role_key: "org:admin",
  });
  await c.instance.update({ allowed_origins: ["chrome-extension://abcdefghijklmnop"], test_mode: true });
  await c.instanceRestrictions.update({ allowlist: true, block_email_subaddresses: true });
  await c.organizationSettings.update({
    enabled: true,
    max_allowed_memberships: 25,
    domains_enabled: true,
    domains_enrollment_modes: ["automatic_invitation"],
  });
  // Organizations (exported only with --include organizations): one with metadata and a domain whose
  // ownership is verified, one left at Clerk's defaults.
  const acme = await c.organizations.create({
    name: "Acme HQ",
    slug: "acme-hq",
    max_allowed_memberships: 0,
    public_metadata: { tier: "internal", regions: ["eu", "us"] },
    private_metadata: { crm: "A-1" },
  });
  await c.organizations.update(acme.id, { admin_delete_enabled: false });
  const acmeDomain = await c.organizationDomains.create(acme.id, {
    name: "acme-hq.com",
    enrollment_mode: "automatic_invitation",
  });
  await c.organizationDomains.verifyOwnership(acme.id, acmeDomain.id);
  const globex = await c.organizations.create({ name: "Globex Partners" });
  await c.organizationDomains.create(globex.id, { name: "globex-partners.com", verified: false });
  await c.oauthApplicationSettings.update({
    dynamic_oauth_client_registration: true,
    default_scopes: ["openid", "profile"],
  });
  await c.instanceCommunication.update({ blocked_country_codes: ["CN", "AF"] });
  await c.instanceProtect.update({ rules_enabled: true });
}

/** `n` objects spread over the listable types (allow-list heaviest, as on real instances). */
export async function seedMany(apiUrl: string, n: number): Promise<Record<string, number>> {
  const c = createClerkClient({ secretKey: SEED_KEY, apiUrl });
  const counts: Record<string, number> = {
    allowlistIdentifiers: 0,
    blocklistIdentifiers: 0,
    redirectUrls: 0,
    jwtTemplates: 0,
    oauthApplications: 0,
  };
  const kinds = [
    "allowlistIdentifiers",
    "allowlistIdentifiers",
    "allowlistIdentifiers",
    "blocklistIdentifiers",
    "redirectUrls",
    "redirectUrls",
    "jwtTemplates",
    "oauthApplications",
  ] as const;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (kind === "allowlistIdentifiers")
      await c.allowlistIdentifiers.create({ identifier: `user${i}@example.com` });
    else if (kind === "blocklistIdentifiers")
      await c.blocklistIdentifiers.create({ identifier: `spam${i}@example.net` });
    else if (kind === "redirectUrls") await c.redirectUrls.create({ url: `myapp${i}://callback` });
    else if (kind === "jwtTemplates") await c.jwtTemplates.create({ name: `template-${i}`, claims: { i } });
    else await c.oauthApplications.create({ name: `App ${i}`, scopes: "profile" });
  }
  return counts;
}
