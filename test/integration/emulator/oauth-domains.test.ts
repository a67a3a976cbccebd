import { describe, expect, it } from "vitest";
import { PRIMARY_DOMAIN_ID } from "../../../emulator";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("OAuth applications", () => {
  it("shows client_secret on create and rotate only, and answers scopes sorted with offline_access added", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/oauth_applications", {
      name: "CLI",
      redirect_uris: ["https://cli.example.com/cb"],
      scopes: "profile email openid",
    });
    expect(c.status).toBe(200);
    expect(c.body.id).toMatch(/^oa_/);
    expect(c.body.client_secret).toMatch(/^\w{32}$/);
    expect(c.body.scopes).toBe("email offline_access openid profile");
    expect(c.body).toMatchObject({ consent_screen_enabled: true, pkce_required: false, public: false });
    const got = await api(emu, "GET", `/oauth_applications/${c.body.id}`);
    expect(got.body).not.toHaveProperty("client_secret");
    const list = await api(emu, "GET", `/oauth_applications?name_query=${c.body.client_id}`);
    expect(list.body.total_count).toBe(1);
    expect(list.body.data[0]).not.toHaveProperty("client_secret");
    const p = await api(emu, "PATCH", `/oauth_applications/${c.body.id}`, {
      scopes: "email profile",
      pkce_required: true,
    });
    expect(p.body).toMatchObject({ scopes: "email offline_access profile", pkce_required: true });
    expect(p.body).not.toHaveProperty("client_secret");
    const r = await api(emu, "POST", `/oauth_applications/${c.body.id}/rotate_secret`);
    expect(r.status).toBe(200);
    expect(r.body.client_secret).toMatch(/^\w{32}$/);
    expect(r.body.client_secret).not.toBe(c.body.client_secret);
    expect((await api(emu, "DELETE", `/oauth_applications/${c.body.id}`)).body.deleted).toBe(true);
    expect((await api(emu, "POST", `/oauth_applications/${c.body.id}/rotate_secret`)).status).toBe(404);
  });

  it("public clients get an empty secret; unknown scopes and PATCH fields are rejected", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/oauth_applications", { name: "SPA", public: true });
    expect(c.body.client_secret).toBe("");
    expect(c.body.scopes).toBe("email offline_access profile");
    const scope = await api(emu, "POST", "/oauth_applications", { name: "x", scopes: "email admin" });
    expect(scope.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "scopes" },
    });
    const unknown = await api(emu, "PATCH", `/oauth_applications/${c.body.id}`, { colour: "red" });
    expect(unknown.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "colour" },
    });
  });
});

describe("domains", () => {
  it("lists the primary domain from the start, adds and deletes satellites", async () => {
    const emu = emulator();
    const start = await api(emu, "GET", "/domains");
    expect(start.body.total_count).toBe(1);
    expect(start.body.data[0]).toMatchObject({ id: PRIMARY_DOMAIN_ID, is_satellite: false });

    const notSatellite = await api(emu, "POST", "/domains", { name: "x.example.com", is_satellite: false });
    expect(notSatellite.status).toBe(422);
    expect(notSatellite.body.errors[0].meta.param_name).toBe("is_satellite");
    const sat = await api(emu, "POST", "/domains", { name: "Satellite.Example.com", is_satellite: true });
    expect(sat.status).toBe(200);
    expect(sat.body).toMatchObject({
      object: "domain",
      name: "satellite.example.com",
      is_satellite: true,
      accounts_portal_url: null,
    });
    expect(sat.body.id).toMatch(/^dmn_/);
    // A development instance: no DNS to set up, and the Frontend API is the instance's own host.
    expect(sat.body.cname_targets).toEqual([]);
    expect(sat.body.frontend_api_url).toMatch(/^https:\/\/[a-z0-9-]+\.clerk\.accounts\.dev$/);
    expect(sat.body.frontend_api_url).not.toContain("satellite.example.com");
    const dup = await api(emu, "POST", "/domains", { name: "satellite.example.com", is_satellite: true });
    expect(dup.status).toBe(422);
    const p = await api(emu, "PATCH", `/domains/${sat.body.id}`, {
      proxy_url: "https://satellite.example.com/__clerk",
      is_secondary: true,
    });
    expect(p.body.proxy_url).toBe("https://satellite.example.com/__clerk");
    expect(p.body).not.toHaveProperty("is_secondary");
    expect(emu.store.domains.get(sat.body.id)?.is_secondary).toBe(true);

    const primaryDelete = await api(emu, "DELETE", `/domains/${PRIMARY_DOMAIN_ID}`);
    expect(primaryDelete.status).toBe(403);
    expect(primaryDelete.body.errors[0].code).toBe("primary_domain_deletion_forbidden");
    expect((await api(emu, "DELETE", `/domains/${sat.body.id}`)).body.deleted).toBe(true);
    expect((await api(emu, "GET", "/domains")).body.total_count).toBe(1);
  });
});
