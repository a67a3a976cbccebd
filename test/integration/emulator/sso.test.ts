import { describe, expect, it } from "vitest";
import { TEST_CERTIFICATE, TEST_CERTIFICATE_BODY_LINE } from "../../support/certificate";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("SAML connections", () => {
  it("creates inactive, cannot set active on create, activates by PATCH once configured", async () => {
    const emu = emulator();
    const activeOnCreate = await api(emu, "POST", "/saml_connections", {
      name: "Okta",
      provider: "saml_okta",
      domains: ["corp.example.com"],
      active: true,
    });
    expect(activeOnCreate.status).toBe(422);
    expect(activeOnCreate.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "active" },
    });

    const c = await api(emu, "POST", "/saml_connections", {
      name: "Okta",
      provider: "saml_okta",
      domains: ["Corp.Example.com"],
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({
      object: "saml_connection",
      active: false,
      domains: ["corp.example.com"],
      user_count: 0,
    });
    expect(c.body.id).toMatch(/^samlc_/);
    expect(c.body.acs_url).toContain(c.body.id);

    const tooEarly = await api(emu, "PATCH", `/saml_connections/${c.body.id}`, { active: true });
    expect(tooEarly.status).toBe(422);
    const p = await api(emu, "PATCH", `/saml_connections/${c.body.id}`, {
      active: true,
      idp_metadata_url: "https://idp.example.com/metadata",
      allow_subdomains: true,
    });
    expect(p.body).toMatchObject({
      active: true,
      allow_subdomains: true,
      idp_metadata_url: "https://idp.example.com/metadata",
    });
    const provider = await api(emu, "PATCH", `/saml_connections/${c.body.id}`, { provider: "saml_google" });
    expect(provider.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "provider" },
    });

    const list = await api(emu, "GET", "/saml_connections?limit=1");
    expect(list.body).toMatchObject({ total_count: 1 });
    expect(list.body.data[0].id).toBe(c.body.id);
    const dup = await api(emu, "POST", "/saml_connections", {
      name: "x",
      provider: "saml_custom",
      domains: ["corp.example.com"],
    });
    expect(dup.status).toBe(409);
    expect((await api(emu, "DELETE", `/saml_connections/${c.body.id}`)).body.deleted).toBe(true);
    expect((await api(emu, "GET", `/saml_connections/${c.body.id}`)).status).toBe(404);
  });

  it("requires domain or domains", async () => {
    const r = await api(emulator(), "POST", "/saml_connections", { name: "x", provider: "saml_custom" });
    expect(r.body.errors[0]).toMatchObject({ code: "form_param_missing", meta: { param_name: "domains" } });
  });
});

describe("enterprise connections", () => {
  it("creates with 201 and never returns write-only fields", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/enterprise_connections", {
      name: "Acme SSO",
      provider: "saml_custom",
      domains: ["ACME.com"],
      active: true,
      saml: {
        idp_entity_id: "https://idp.acme.com",
        idp_sso_url: "https://idp.acme.com/sso",
        idp_certificate: TEST_CERTIFICATE,
        attribute_mapping: { email_address: "mail-attr-secret" },
      },
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      object: "enterprise_connection",
      active: true,
      domains: ["acme.com"],
      oauth_config: null,
    });
    expect(c.body.id).toMatch(/^entc_/);
    expect(c.body.created_at).toBeGreaterThan(1_600_000_000_000);
    expect(c.body.saml_connection).toMatchObject({ idp_entity_id: "https://idp.acme.com", active: true });
    const text = JSON.stringify(c.body);
    expect(text).not.toContain(TEST_CERTIFICATE_BODY_LINE);
    expect(text).not.toContain("mail-attr-secret");
    expect(c.body.saml_connection).not.toHaveProperty("idp_certificate");

    const oidc = await api(emu, "POST", "/enterprise_connections", {
      name: "GitLab",
      provider: "oidc_custom",
      domains: ["gl.example.com"],
      oidc: {
        client_id: "cid",
        client_secret: "oidc-secret",
        discovery_url: "https://gl.example.com/.well-known/openid-configuration",
      },
    });
    expect(oidc.status).toBe(201);
    expect(oidc.body.oauth_config).toMatchObject({
      client_id: "cid",
      auth_url: "https://gl.example.com/authorize",
    });
    expect(JSON.stringify(oidc.body)).not.toContain("oidc-secret");
    expect((await api(emu, "GET", `/enterprise_connections/${oidc.body.id}`)).body).toEqual(oidc.body);
  });

  it("PATCH: domains [] is a no-op, organization_id cannot be unlinked", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/enterprise_connections", {
      name: "Org SSO",
      provider: "saml_okta",
      domains: ["org-sso.example.com"],
      organization_id: "org_123",
    });
    const p = await api(emu, "PATCH", `/enterprise_connections/${c.body.id}`, {
      domains: [],
      organization_id: null,
      name: "Renamed",
    });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({
      name: "Renamed",
      domains: ["org-sso.example.com"],
      organization_id: "org_123",
    });
    const relink = await api(emu, "PATCH", `/enterprise_connections/${c.body.id}`, {
      organization_id: "org_456",
    });
    expect(relink.body.organization_id).toBe("org_456");
    const active = await api(emu, "GET", "/enterprise_connections?active=false&organization_id=org_456");
    expect(active.body.data.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
    const noDomains = await api(emu, "POST", "/enterprise_connections", {
      name: "x",
      provider: "oidc_custom",
      domains: [],
    });
    expect(noDomains.status).toBe(422);
    expect(noDomains.body.errors[0].meta.param_name).toBe("domains");
    expect((await api(emu, "DELETE", `/enterprise_connections/${c.body.id}`)).body.deleted).toBe(true);
  });
});
