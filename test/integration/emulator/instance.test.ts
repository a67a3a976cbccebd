import { describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, MEMBER_ROLE_ID } from "../../../emulator";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("/instance", () => {
  it("PATCH answers 204 and stores every field; GET shows only its five fields", async () => {
    const emu = emulator();
    const p = await api(emu, "PATCH", "/instance", {
      allowed_origins: ["chrome-extension://abcdef", "https://app.example.com"],
      support_email: "Help@Example.com",
      hibp: true,
      test_mode: false,
    });
    expect(p.status).toBe(204);
    expect(p.body).toBeUndefined();
    const g = await api(emu, "GET", "/instance");
    expect(g.body).toEqual({
      object: "instance",
      id: emu.store.instanceId,
      environment_type: "development",
      allowed_origins: ["chrome-extension://abcdef", "https://app.example.com"],
      workspace_id: null,
    });
    expect(emu.store.instance.get()).toMatchObject({
      support_email: "help@example.com",
      hibp: true,
      test_mode: false,
    });
    const bad = await api(emu, "PATCH", "/instance", {
      allowed_origins: ["https://x.example.com/path"],
      bogus: 1,
    });
    expect(bad.status).toBe(422);
  });

  it("restrictions: PATCH only, echoes all five", async () => {
    const emu = emulator();
    const r = await api(emu, "PATCH", "/instance/restrictions", { allowlist: true });
    expect(r.body).toEqual({
      object: "instance_restrictions",
      allowlist: true,
      blocklist: false,
      allowlist_blocklist_disabled_on_sign_in: false,
      block_email_subaddresses: false,
      block_disposable_email_domains: false,
    });
    expect((await api(emu, "GET", "/instance/restrictions")).status).toBe(405);
  });

  it("organization settings: written by role id, read by role key", async () => {
    const emu = emulator();
    const g = await api(emu, "GET", "/instance/organization_settings");
    expect(g.body).toMatchObject({
      object: "organization_settings",
      creator_role: "org:admin",
      domains_default_role: "org:member",
    });
    const p = await api(emu, "PATCH", "/instance/organization_settings", {
      enabled: true,
      domains_default_role_id: ADMIN_ROLE_ID,
      domains_enrollment_modes: ["automatic_invitation"],
    });
    expect(p.body).toMatchObject({
      enabled: true,
      domains_default_role: "org:admin",
      domains_enrollment_modes: ["automatic_invitation"],
    });
    expect(p.body).not.toHaveProperty("domains_default_role_id");
    const notCreator = await api(emu, "PATCH", "/instance/organization_settings", {
      creator_role_id: MEMBER_ROLE_ID,
    });
    expect(notCreator.body.errors[0].meta.param_name).toBe("creator_role_id");
    const byKey = await api(emu, "PATCH", "/instance/organization_settings", { creator_role: "org:admin" });
    expect(byKey.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "creator_role" },
    });
  });

  it("communication silently drops codes that are not SMS-tier; rejects malformed ones", async () => {
    const emu = emulator();
    const p = await api(emu, "PATCH", "/instance/communication", {
      blocked_country_codes: ["RU", "US", "NG"],
    });
    expect(p.body).toEqual({ object: "instance_communication", blocked_country_codes: ["RU", "NG"] });
    expect((await api(emu, "PATCH", "/instance/communication", {})).body.blocked_country_codes).toEqual([
      "RU",
      "NG",
    ]);
    const bad = await api(emu, "PATCH", "/instance/communication", { blocked_country_codes: ["ru"] });
    expect(bad.status).toBe(422);
    expect((await api(emu, "GET", "/instance/communication")).body.blocked_country_codes).toEqual([
      "RU",
      "NG",
    ]);
  });

  it("OAuth application settings and protect round-trip", async () => {
    const emu = emulator();
    const o = await api(emu, "PATCH", "/instance/oauth_application_settings", {
      dynamic_oauth_client_registration: true,
      default_scopes: ["email", "email", "profile"],
    });
    expect(o.body).toMatchObject({
      object: "oauth_application_settings",
      dynamic_oauth_client_registration: true,
      default_scopes: ["email", "profile"],
    });
    expect((await api(emu, "GET", "/instance/oauth_application_settings")).body).toEqual(o.body);
    const pr = await api(emu, "PATCH", "/instance/protect", { rules_enabled: true });
    expect(pr.body).toEqual({
      object: "instance_protect",
      rules_enabled: true,
      specter_enabled: false,
      checks_bypassed: false,
    });
    expect((await api(emu, "GET", "/instance/protect")).body).toEqual(pr.body);
  });
});

describe("organization roles", () => {
  it("lists the seeded default roles with stable ids as {data,total_count}, with paging", async () => {
    const emu = emulator();
    const all = await api(emu, "GET", "/organization_roles");
    expect(all.body.total_count).toBe(2);
    const byKey = Object.fromEntries(all.body.data.map((r: { key: string; id: string }) => [r.key, r.id]));
    expect(byKey).toEqual({ "org:admin": ADMIN_ROLE_ID, "org:member": MEMBER_ROLE_ID });
    expect(all.body.data[0].permissions[0]).toMatchObject({ object: "permission" });
    const page = await api(emu, "GET", "/organization_roles?limit=1&offset=1&order_by=key");
    expect(page.body.total_count).toBe(2);
    expect(page.body.data.map((r: { key: string }) => r.key)).toEqual(["org:member"]);
  });
});
