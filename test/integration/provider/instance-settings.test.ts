import { beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, INSTANCE_ID, MEMBER_ROLE_ID } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

// The instance singletons through the runtime exactly as Pulumi's dynamic-provider process uses it.
const KEY = "sk_test_instance_singletons";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.store.reset();
  emu.clearRequests();
});

/** Method, path and body of every request since the last clear. */
const sent = () => emu.requests().map((r) => ({ method: r.method, path: r.path, body: r.requestBody }));
const props = (o: Record<string, unknown> | undefined) => o ?? {};

describe("InstanceSettings", () => {
  const p = provider("InstanceSettings");

  it("adopts the instance (id = instance id), PATCHes only declared fields, carries write-only ones", async () => {
    const inputs = {
      allowedOrigins: ["chrome-extension://abcdef"],
      testMode: false,
      supportEmail: "help@example.com",
    };
    const { id, outs } = await p.create(inputs);
    expect(id).toBe(INSTANCE_ID);
    expect(sent()).toEqual([
      {
        method: "PATCH",
        path: "/instance",
        body: {
          allowed_origins: ["chrome-extension://abcdef"],
          test_mode: false,
          support_email: "help@example.com",
        },
      },
      { method: "GET", path: "/instance", body: undefined },
    ]);
    expect(emu.store.instance.get()).toMatchObject({
      test_mode: false,
      hibp: null,
      support_email: "help@example.com",
    });
    expect(outs).toEqual({
      ...inputs,
      environmentType: "development",
      __declared: Object.keys(inputs).sort(),
    });

    // Read: allowed_origins is seen; write-only fields come from state, even when changed behind our back.
    emu.store.instance.patch({ allowed_origins: ["capacitor://localhost"], test_mode: true });
    emu.clearRequests();
    const read = await p.read(id, props(outs));
    expect(sent()).toEqual([{ method: "GET", path: "/instance", body: undefined }]);
    expect(read.inputs).toEqual({
      allowedOrigins: ["capacitor://localhost"],
      testMode: false,
      supportEmail: "help@example.com",
    });
    expect((await p.diff(id, props(read.props), inputs)).changes).toBe(true);

    // Update re-sends every declared field (re-asserting the invisible ones).
    emu.clearRequests();
    const updated = await p.update(id, props(read.props), inputs);
    expect(sent()[0]).toEqual({
      method: "PATCH",
      path: "/instance",
      body: {
        allowed_origins: ["chrome-extension://abcdef"],
        test_mode: false,
        support_email: "help@example.com",
      },
    });
    expect(updated.outs).toEqual(outs);
    expect(emu.store.instance.get().test_mode).toBe(false);
  });

  it('clears the support email and the Clerk.js version pin when they are declared as ""', async () => {
    await p.create({ supportEmail: "help@example.com", clerkJsVersion: "5" });
    emu.clearRequests();
    const { outs } = await p.create({ supportEmail: "", clerkJsVersion: "" });
    expect(sent()[0]).toEqual({
      method: "PATCH",
      path: "/instance",
      body: { support_email: "", clerk_js_version: "" },
    });
    expect(emu.store.instance.get()).toMatchObject({ support_email: "", clerk_js_version: "" });
    expect(outs).toMatchObject({ supportEmail: "", clerkJsVersion: "" });
  });

  it("re-reads a stale allowed_origins until it shows what was written, and only then", async () => {
    const origins = ["chrome-extension://abcdef", "capacitor://localhost"];
    emu.configure({ staleAllowedOriginsReads: 2 });
    try {
      const { outs } = await p.create({ allowedOrigins: origins });
      expect(sent().map((r) => r.method)).toEqual(["PATCH", "GET", "GET", "GET"]);
      expect(outs?.allowedOrigins).toEqual(origins);
    } finally {
      emu.configure({ staleAllowedOriginsReads: null });
    }
    // A read that already matches costs one GET and no wait.
    emu.clearRequests();
    const started = Date.now();
    await p.update(INSTANCE_ID, {}, { allowedOrigins: ["capacitor://localhost"] });
    expect(sent().map((r) => r.method)).toEqual(["PATCH", "GET"]);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("with nothing declared, create only reads", async () => {
    const { id, outs } = await p.create({});
    expect(id).toBe(INSTANCE_ID);
    expect(outs).toEqual({ allowedOrigins: [], environmentType: "development", __declared: [] });
    expect(sent().map((r) => r.method)).toEqual(["GET"]);
  });

  it("refresh reports the settings gone when the key reaches another instance", async () => {
    expect(await p.read("ins_someotherinstance", { allowedOrigins: [] })).toEqual({});
  });

  it("delete forgets: zero requests, Clerk keeps its values", async () => {
    const { id, outs } = await p.create({ hibp: true });
    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(emu.requests()).toHaveLength(0);
    expect(emu.store.instance.get().hibp).toBe(true);
  });
});

describe("InstanceRestrictions", () => {
  const p = provider("InstanceRestrictions");

  it("adopts, PATCHes only declared fields, reads by empty PATCH, sees out-of-band changes, restores on destroy", async () => {
    const { id, outs } = await p.create({ blocklist: true });
    expect(id).toBe("instance_restrictions");
    // First the read (what the stack found, for destroy), then the declared fields only.
    expect(sent()).toEqual([
      { method: "PATCH", path: "/instance/restrictions", body: {} },
      { method: "PATCH", path: "/instance/restrictions", body: { blocklist: true } },
    ]);
    expect(outs).toEqual({
      __declared: ["blocklist"],
      __found: { blocklist: false },
      allowlist: false,
      blocklist: true,
      allowlistBlocklistDisabledOnSignIn: false,
      blockEmailSubaddresses: false,
      blockDisposableEmailDomains: false,
    });

    emu.store.restrictions.patch({ blocklist: false, block_email_subaddresses: true });
    emu.clearRequests();
    const read = await p.read(id, props(outs));
    expect(sent()).toEqual([{ method: "PATCH", path: "/instance/restrictions", body: {} }]);
    expect(read.inputs).toEqual({ blocklist: false });
    expect(read.props).toMatchObject({ blocklist: false, blockEmailSubaddresses: true });
    // The empty PATCH changed nothing.
    expect(emu.store.restrictions.get()).toMatchObject({ blocklist: false, block_email_subaddresses: true });
    expect(await p.diff(id, props(read.props), { blocklist: true })).toMatchObject({
      changes: true,
      replaces: [],
    });

    emu.clearRequests();
    await p.update(id, props(read.props), { blocklist: true });
    expect(sent()).toEqual([{ method: "PATCH", path: "/instance/restrictions", body: { blocklist: true } }]);
    expect(emu.store.restrictions.get()).toMatchObject({ blocklist: true, block_email_subaddresses: true });

    // Destroy puts back what the stack changed (blocklist was off), and leaves the rest as Clerk has it.
    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(sent()).toEqual([{ method: "PATCH", path: "/instance/restrictions", body: { blocklist: false } }]);
    expect(emu.store.restrictions.get()).toMatchObject({ blocklist: false, block_email_subaddresses: true });
  });
});

describe("OrganizationSettings", () => {
  const p = provider("OrganizationSettings");

  it("writes role keys as ids, reads keys back, and sees out-of-band changes", async () => {
    const billing = {
      id: "role_billing",
      name: "Billing",
      key: "org:billing",
      description: null,
      permissions: [],
      created_at: 1,
      updated_at: 1,
    };
    emu.store.roles.insert(billing);
    const inputs = {
      enabled: true,
      domainsEnabled: true,
      domainsEnrollmentModes: ["automatic_suggestion", "automatic_invitation"],
      domainsDefaultRole: "org:billing",
    };
    const { id, outs } = await p.create(inputs);
    expect(id).toBe("organization_settings");
    expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /organization_roles",
      "PATCH /instance/organization_settings",
    ]);
    expect(sent()[1]?.body).toEqual({
      enabled: true,
      domains_enabled: true,
      domains_enrollment_modes: ["automatic_suggestion", "automatic_invitation"],
      domains_default_role_id: "role_billing",
    });
    expect(emu.store.organizationSettings.get().domains_default_role_id).toBe("role_billing");
    expect(outs).toMatchObject({
      ...inputs,
      creatorRole: "org:admin",
      maxAllowedRoles: 10,
      maxAllowedDomains: 10,
    });

    // Unchanged program, modes in another order: no diff, no request.
    emu.clearRequests();
    const again = { ...inputs, domainsEnrollmentModes: ["automatic_invitation", "automatic_suggestion"] };
    expect((await p.diff(id, props(outs), again)).changes).toBe(false);
    expect(emu.requests()).toHaveLength(0);

    // Someone points domains at the member role in the dashboard: refresh sees the key.
    emu.store.organizationSettings.patch({ domains_default_role_id: MEMBER_ROLE_ID });
    const read = await p.read(id, props(outs));
    expect(read.inputs).toMatchObject({ domainsDefaultRole: "org:member" });
    // Only what the program declared: Clerk's creator role and limits stay outputs.
    expect(read.inputs).not.toHaveProperty("creatorRole");
    expect(read.inputs).not.toHaveProperty("maxAllowedRoles");
    expect((await p.diff(id, props(read.props), inputs)).changes).toBe(true);

    await p.update(id, props(read.props), { ...inputs, creatorRole: "org:admin" });
    expect(emu.store.organizationSettings.get()).toMatchObject({
      creator_role_id: ADMIN_ROLE_ID,
      domains_default_role_id: "role_billing",
    });

    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(emu.requests()).toHaveLength(0);
  });

  it("an unknown role key fails naming the field and the keys, and nothing is PATCHed", async () => {
    const err = await p.create({ enabled: true, creatorRole: "org:owner" }).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      'create OrganizationSettings failed: creatorRole: no organization role has the key "org:owner"; ' +
        "the instance's role keys are: org:admin, org:member",
    );
    expect(sent().map((r) => r.method)).toEqual(["GET"]);
    expect(emu.store.organizationSettings.get().enabled).toBe(false);
  });

  it("Clerk's own refusal (a creator role without the manage-members permission) is passed on", async () => {
    await expect(p.create({ creatorRole: "org:member" })).rejects.toThrow(
      /create OrganizationSettings failed: Clerk API 422 PATCH \/instance\/organization_settings.*creator role/i,
    );
  });
});

describe("OAuthApplicationSettings", () => {
  const p = provider("OAuthApplicationSettings");

  it("adopts, PATCHes only declared fields, compares scopes as a set, sees a reset to defaults", async () => {
    const inputs = { defaultScopes: ["openid", "email"], oauthJwtAccessTokens: true };
    const { id, outs } = await p.create(inputs);
    expect(id).toBe("oauth_application_settings");
    expect(sent()).toEqual([
      {
        method: "PATCH",
        path: "/instance/oauth_application_settings",
        body: { default_scopes: ["openid", "email"], oauth_jwt_access_tokens: true },
      },
    ]);
    expect(outs).toMatchObject({ ...inputs, dynamicOauthClientRegistration: false });
    expect((await p.diff(id, props(outs), { ...inputs, defaultScopes: ["email", "openid"] })).changes).toBe(
      false,
    );

    emu.store.oauthApplicationSettings.patch({ default_scopes: null });
    emu.clearRequests();
    const read = await p.read(id, props(outs));
    expect(sent()).toEqual([
      { method: "GET", path: "/instance/oauth_application_settings", body: undefined },
    ]);
    expect(read.inputs).toMatchObject({ defaultScopes: null, oauthJwtAccessTokens: true });
    expect((await p.diff(id, props(read.props), inputs)).changes).toBe(true);

    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(emu.requests()).toHaveLength(0);
  });
});

describe("InstanceCommunication", () => {
  const p = provider("InstanceCommunication");

  it("replaces the list, reads it as the truth, and forgets on delete", async () => {
    const { id, outs } = await p.create({ blockedCountryCodes: ["RU", "NG"] });
    expect(id).toBe("instance_communication");
    expect(sent()).toEqual([
      { method: "GET", path: "/instance/communication", body: undefined },
      { method: "PATCH", path: "/instance/communication", body: { blocked_country_codes: ["RU", "NG"] } },
    ]);
    expect(outs).toEqual({ blockedCountryCodes: ["RU", "NG"], __declared: ["blockedCountryCodes"] });

    emu.store.communication.set({ blocked_country_codes: ["NG", "RU", "IR"] });
    const read = await p.read(id, props(outs));
    expect(read.inputs).toEqual({ blockedCountryCodes: ["NG", "RU", "IR"] });
    expect((await p.diff(id, props(read.props), { blockedCountryCodes: ["RU", "NG"] })).changes).toBe(true);
    expect((await p.diff(id, props(read.props), { blockedCountryCodes: ["IR", "RU", "NG"] })).changes).toBe(
      false,
    );

    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(emu.requests()).toHaveLength(0);
    expect(emu.store.communication.get().blocked_country_codes).toEqual(["NG", "RU", "IR"]);
  });

  it("a code Clerk drops fails the update, naming it, and leaves Clerk as it was (no perpetual diff)", async () => {
    const { id, outs } = await p.create({ blockedCountryCodes: ["RU"] });
    const err = await p
      .update(id, props(outs), { blockedCountryCodes: ["RU", "US", "NG"] })
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^update InstanceCommunication "instance_communication" failed: blockedCountryCodes: Clerk does not accept US:/,
    );
    expect((err as Error).message).toContain("Nothing was changed");
    expect(emu.store.communication.get().blocked_country_codes).toEqual(["RU"]);
  });

  it("with nothing declared, create only reads", async () => {
    emu.store.communication.set({ blocked_country_codes: ["IR"] });
    const { outs } = await p.create({});
    expect(outs).toEqual({ blockedCountryCodes: ["IR"], __declared: [] });
    expect(sent().map((r) => r.method)).toEqual(["GET"]);
  });
});

describe("InstanceProtect", () => {
  const p = provider("InstanceProtect");

  it("adopts, PATCHes only declared fields, sees out-of-band changes, forgets on delete", async () => {
    const { id, outs } = await p.create({ rulesEnabled: true });
    expect(id).toBe("instance_protect");
    expect(sent()).toEqual([{ method: "PATCH", path: "/instance/protect", body: { rules_enabled: true } }]);
    expect(outs).toEqual({
      rulesEnabled: true,
      specterEnabled: false,
      checksBypassed: false,
      __declared: ["rulesEnabled"],
    });

    emu.store.protect.patch({ rules_enabled: false, checks_bypassed: true });
    const read = await p.read(id, props(outs));
    expect(read.props).toMatchObject({ rulesEnabled: false, checksBypassed: true });
    expect(read.inputs).not.toHaveProperty("checksBypassed");
    expect((await p.diff(id, props(read.props), { rulesEnabled: true })).changes).toBe(true);

    emu.clearRequests();
    await p.delete(id, props(outs));
    expect(emu.requests()).toHaveLength(0);
  });
});
