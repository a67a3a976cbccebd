import { describe, expect, it } from "vitest";
import {
  IDP_CERT_ONE,
  IDP_CERT_TWO,
  ISSUED_AT,
  ONE_EXPIRES_AT,
  TWO_EXPIRES_AT,
} from "../../support/certificate";
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
    const unknown = await api(emu, "PATCH", `/saml_connections/${c.body.id}`, { colour: "red" });
    expect(unknown.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "colour" },
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

  it("takes several IdP certificates, answers each with its validity, and takes provider on PATCH", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/saml_connections", {
      name: "Okta",
      provider: "saml_custom",
      domains: ["okta.example.com"],
      idp_certificates: [IDP_CERT_ONE, IDP_CERT_TWO],
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({
      idp_certificate: IDP_CERT_ONE,
      idp_certificate_issued_at: ISSUED_AT,
      idp_certificate_expires_at: ONE_EXPIRES_AT,
      idp_certificates: [
        { certificate: IDP_CERT_ONE, issued_at: ISSUED_AT, expires_at: ONE_EXPIRES_AT },
        { certificate: IDP_CERT_TWO, issued_at: ISSUED_AT, expires_at: TWO_EXPIRES_AT },
      ],
    });
    const p = await api(emu, "PATCH", `/saml_connections/${c.body.id}`, {
      provider: "saml_okta",
      idp_certificate: IDP_CERT_TWO,
    });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ provider: "saml_okta", idp_certificate_expires_at: TWO_EXPIRES_AT });
    expect(p.body.idp_certificates).toHaveLength(1);
  });

  it("reads a connection stored by an older emulator (a single idp_certificate, no list)", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/saml_connections", {
      name: "Legacy",
      provider: "saml_custom",
      domains: ["legacy.example.com"],
    });
    const { idp_certificates: _list, ...rest } = emu.store.samlConnections.get(c.body.id) ?? {};
    emu.store.samlConnections.delete(c.body.id);
    emu.store.samlConnections.insert({ ...rest, idp_certificate: IDP_CERT_ONE } as never);
    const got = await api(emu, "GET", `/saml_connections/${c.body.id}`);
    expect(got.body.idp_certificates).toEqual([
      { certificate: IDP_CERT_ONE, issued_at: ISSUED_AT, expires_at: ONE_EXPIRES_AT },
    ]);
  });
});

describe("enterprise connections", () => {
  it("creates with 201, returns the IdP certificates with their validity, never the write-only fields", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/enterprise_connections", {
      name: "Acme SSO",
      provider: "saml_custom",
      domains: ["ACME.com"],
      active: true,
      saml: {
        idp_entity_id: "https://idp.acme.com",
        idp_sso_url: "https://idp.acme.com/sso",
        idp_certificate: IDP_CERT_ONE,
        idp_metadata: "<EntityDescriptor>metadata-secret</EntityDescriptor>",
        attribute_mapping: { email_address: "mail-attr-secret" },
      },
      // Clerk ignores this on create rather than refusing it.
      sync_user_attributes: false,
      authenticatable: true,
      disable_jit_provisioning: true,
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
    expect(text).not.toContain("metadata-secret");
    expect(text).not.toContain("mail-attr-secret");
    expect(c.body.saml_connection).not.toHaveProperty("idp_metadata");
    expect(c.body.saml_connection).not.toHaveProperty("sync_user_attributes");
    expect(c.body).toMatchObject({
      authenticatable: true,
      disable_jit_provisioning: true,
      sync_user_attributes: true,
    });
    expect(c.body.saml_connection).toMatchObject({
      idp_certificate: IDP_CERT_ONE,
      idp_certificate_issued_at: ISSUED_AT,
      idp_certificate_expires_at: ONE_EXPIRES_AT,
      idp_certificates: [{ certificate: IDP_CERT_ONE, issued_at: ISSUED_AT, expires_at: ONE_EXPIRES_AT }],
    });

    // Rotation: trust both, then only the new one. `provider` on update is ignored, not refused.
    const both = await api(emu, "PATCH", `/enterprise_connections/${c.body.id}`, {
      provider: "saml_okta",
      saml: { idp_certificates: [IDP_CERT_TWO, IDP_CERT_ONE] },
      authenticatable: false,
    });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ provider: "saml_custom", authenticatable: false });
    expect(both.body.saml_connection.idp_certificates).toEqual([
      { certificate: IDP_CERT_TWO, issued_at: ISSUED_AT, expires_at: TWO_EXPIRES_AT },
      { certificate: IDP_CERT_ONE, issued_at: ISSUED_AT, expires_at: ONE_EXPIRES_AT },
    ]);
    expect(both.body.saml_connection.idp_certificate_expires_at).toBe(TWO_EXPIRES_AT);

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
