import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_ROLE_ID,
  type Emulator,
  MEMBER_ROLE_ID,
  PRIMARY_DOMAIN_ID,
  startEmulator,
} from "../../../emulator";
import { ClerkApiError, type ClerkClient, createClerkClient, isNotFound } from "../../../sdk";

// Round trips for the `{ data, total_count }` groups and the instance-wide settings.

let emu: Emulator;
let clerk: ClerkClient;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  clerk = createClerkClient({ secretKey: "sk_test_emulatorResources", apiUrl: emu.url, retry: false });
});
afterAll(async () => {
  await emu.close();
});
const gone = async (p: Promise<unknown>) => isNotFound(await p.catch((e: unknown) => e));

describe("OAuth applications", () => {
  it("create returns the secret once; get/update/list; rotate gives a new one; delete", async () => {
    const app = await clerk.oauthApplications.create({
      name: "cli",
      redirect_uris: ["https://a.example/cb"],
    });
    expect(app.client_secret).toBeTruthy();
    const read = await clerk.oauthApplications.get(app.id);
    expect(read).not.toHaveProperty("client_secret");
    const updated = await clerk.oauthApplications.update(app.id, { name: "cli-2", pkce_required: true });
    expect(updated).toMatchObject({ name: "cli-2", pkce_required: true, client_id: app.client_id });
    const rotated = await clerk.oauthApplications.rotateSecret(app.id);
    expect(rotated.client_secret).toBeTruthy();
    expect(rotated.client_secret).not.toBe(app.client_secret);
    expect((await clerk.oauthApplications.list()).map((a) => a.id)).toContain(app.id);
    await clerk.oauthApplications.delete(app.id);
    expect(await gone(clerk.oauthApplications.get(app.id))).toBe(true);
  });

  it("walks every page of a {data,total_count} list", async () => {
    const now = Date.now();
    for (let i = 0; i < 1001; i++) {
      emu.store.oauthApplications.insert({
        id: `oa_seed_${i}`,
        name: `seed ${i}`,
        client_id: `cid_${i}`,
        client_secret: "x",
        public: false,
        scopes: "email profile",
        redirect_uris: [],
        consent_screen_enabled: true,
        pkce_required: false,
        created_at: now,
        updated_at: now,
      });
    }
    emu.clearRequests();
    const all = await clerk.oauthApplications.list();
    expect(all.filter((a) => a.id.startsWith("oa_seed_"))).toHaveLength(1001);
    expect(emu.requests().map((r) => r.query.offset)).toEqual(["0", "500", "1000"]);
    for (let i = 0; i < 1001; i++) emu.store.oauthApplications.delete(`oa_seed_${i}`);
  });
});

describe("enterprise and SAML connections", () => {
  it("enterprise connection: create (201), get, update, list, delete", async () => {
    const created = await clerk.enterpriseConnections.create({
      name: "Okta",
      provider: "saml_okta",
      domains: ["corp.example.com"],
    });
    expect(created).toMatchObject({ object: "enterprise_connection", provider: "saml_okta" });
    expect(emu.requests().at(-1)?.status).toBe(201);
    const updated = await clerk.enterpriseConnections.update(created.id, { name: "Okta SSO" });
    expect(updated.name).toBe("Okta SSO");
    expect((await clerk.enterpriseConnections.get(created.id)).name).toBe("Okta SSO");
    expect((await clerk.enterpriseConnections.list()).map((c) => c.id)).toContain(created.id);
    await clerk.enterpriseConnections.delete(created.id);
    expect(await gone(clerk.enterpriseConnections.get(created.id))).toBe(true);
  });

  it("SAML connection: create, update, get, list, delete", async () => {
    const created = await clerk.samlConnections.create({
      name: "Legacy",
      provider: "saml_custom",
      domains: ["legacy.example.com"],
    });
    const updated = await clerk.samlConnections.update(created.id, { allow_subdomains: true });
    expect(updated.allow_subdomains).toBe(true);
    expect((await clerk.samlConnections.get(created.id)).id).toBe(created.id);
    expect((await clerk.samlConnections.list()).map((c) => c.id)).toContain(created.id);
    await clerk.samlConnections.delete(created.id);
    expect(await gone(clerk.samlConnections.get(created.id))).toBe(true);
  });
});

describe("domains", () => {
  it("lists the primary domain; adds, renames and removes a satellite", async () => {
    expect((await clerk.domains.list()).find((d) => d.id === PRIMARY_DOMAIN_ID)?.is_satellite).toBe(false);
    const sat = await clerk.domains.create({ name: "satellite.example.com", is_satellite: true });
    expect(sat.is_satellite).toBe(true);
    const renamed = await clerk.domains.update(sat.id, { name: "sat2.example.com" });
    expect(renamed.name).toBe("sat2.example.com");
    await clerk.domains.delete(sat.id);
    expect((await clerk.domains.list()).map((d) => d.id)).not.toContain(sat.id);
    const err = (await clerk.domains.delete(PRIMARY_DOMAIN_ID).catch((e: unknown) => e)) as ClerkApiError;
    expect(err).toBeInstanceOf(ClerkApiError);
    expect(err.status).toBe(403);
  });
});

describe("instance settings", () => {
  it("organization settings write role ids and read role keys", async () => {
    const roles = await clerk.organizationRoles.list();
    const admin = roles.find((r) => r.id === ADMIN_ROLE_ID)!;
    const member = roles.find((r) => r.id === MEMBER_ROLE_ID)!;
    const after = await clerk.organizationSettings.update({
      enabled: true,
      domains_default_role_id: admin.id,
    });
    expect(after.domains_default_role).toBe(admin.key);
    expect((await clerk.organizationSettings.get()).domains_default_role).toBe(admin.key);
    await clerk.organizationSettings.update({ domains_default_role_id: member.id });
    // A creator role without the memberships permission is refused, as Clerk does.
    const err = await clerk.organizationSettings
      .update({ creator_role_id: member.id })
      .catch((e: unknown) => e);
    expect((err as ClerkApiError).status).toBe(422);
  });

  it("instance PATCH answers 204 and allowed_origins reads back", async () => {
    await expect(clerk.instance.update({ allowed_origins: ["https://x.example"] })).resolves.toBeUndefined();
    expect((await clerk.instance.get()).allowed_origins).toEqual(["https://x.example"]);
  });

  it("restrictions, communication, protect and OAuth settings round-trip", async () => {
    expect((await clerk.instanceRestrictions.update({ allowlist: true })).allowlist).toBe(true);
    // Codes Clerk does not treat as SMS-tier ("US") are dropped silently: what is read back differs.
    await clerk.instanceCommunication.update({ blocked_country_codes: ["AF", "US"] });
    expect((await clerk.instanceCommunication.get()).blocked_country_codes).toEqual(["AF"]);
    await clerk.instanceProtect.update({ rules_enabled: true });
    expect((await clerk.instanceProtect.get()).rules_enabled).toBe(true);
    await clerk.oauthApplicationSettings.update({ default_scopes: ["email"] });
    expect((await clerk.oauthApplicationSettings.get()).default_scopes).toEqual(["email"]);
  });
});
