import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, type Emulator, MEMBER_ROLE_ID } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// The six instance singletons under the real Pulumi engine: adopt on up, an empty re-preview, dashboard
// edits found by refresh (and the write-only ones not found), a dropped country code refused, destroy
// that forgets. One stack walks through the steps in order.
const KEY = "sk_test_e2e_singletons_0123456789";

type Decl = { type: string; name: string; args: Record<string, unknown> };

const declared = (over: { codes?: string[]; creatorRole?: string } = {}): { resources: Decl[] } => ({
  resources: [
    {
      type: "InstanceSettings",
      name: "instance",
      args: {
        allowedOrigins: ["chrome-extension://abcdef"],
        testMode: false,
        supportEmail: "help@example.com",
      },
    },
    { type: "InstanceRestrictions", name: "restrictions", args: { blocklist: true } },
    {
      type: "OrganizationSettings",
      name: "orgs",
      args: {
        enabled: true,
        domainsEnabled: true,
        domainsEnrollmentModes: ["automatic_invitation", "automatic_suggestion"],
        creatorRole: over.creatorRole ?? "org:admin",
        domainsDefaultRole: "org:member",
      },
    },
    { type: "OAuthApplicationSettings", name: "oauth", args: { defaultScopes: ["openid", "email"] } },
    { type: "InstanceCommunication", name: "sms", args: { blockedCountryCodes: over.codes ?? ["RU", "NG"] } },
    { type: "InstanceProtect", name: "protect", args: { rulesEnabled: true } },
  ],
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({ name: "singletons", secretKey: KEY, params: declared() }));
});

afterAll(() => closeClerkStack(stack, emu));

const patches = () =>
  Object.fromEntries(
    emu
      .requests()
      .filter((r) => r.method === "PATCH")
      .map((r) => [r.path, r.requestBody]),
  );

describe("instance singletons under the real engine", () => {
  it("1. up adopts each singleton and PATCHes only the declared fields", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(7); // 6 resources + the stack
    expect(patches()).toEqual({
      "/instance": {
        allowed_origins: ["chrome-extension://abcdef"],
        test_mode: false,
        support_email: "help@example.com",
      },
      "/instance/restrictions": { blocklist: true },
      "/instance/organization_settings": {
        enabled: true,
        domains_enabled: true,
        domains_enrollment_modes: ["automatic_invitation", "automatic_suggestion"],
        creator_role_id: ADMIN_ROLE_ID,
        domains_default_role_id: MEMBER_ROLE_ID,
      },
      "/instance/oauth_application_settings": { default_scopes: ["openid", "email"] },
      "/instance/communication": { blocked_country_codes: ["RU", "NG"] },
      "/instance/protect": { rules_enabled: true },
    });
    // Undeclared settings kept Clerk's values.
    expect(emu.store.restrictions.get()).toMatchObject({ allowlist: false, block_email_subaddresses: false });
    const state = await stack.exportState();
    const ids = Object.fromEntries(state.resources.map((r) => [r.urn.split("::").pop(), r.id]));
    expect(ids).toMatchObject({
      instance: emu.store.instanceId,
      restrictions: "instance_restrictions",
      orgs: "organization_settings",
      oauth: "oauth_application_settings",
      sms: "instance_communication",
      protect: "instance_protect",
    });
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 7 });
    expect(emu.requests()).toEqual([]);
  });

  it("3. refresh finds dashboard edits where Clerk shows them; up restores; write-only drift stays unseen", async () => {
    emu.store.protect.patch({ rules_enabled: false });
    emu.store.communication.set({ blocked_country_codes: ["RU", "NG", "IR"] });
    emu.store.organizationSettings.patch({ domains_default_role_id: ADMIN_ROLE_ID });
    emu.store.restrictions.patch({ blocklist: false });
    emu.store.oauthApplicationSettings.patch({ default_scopes: null });
    emu.store.instance.patch({ test_mode: true }); // invisible: GET /instance does not show it

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 5, delete: 0 });
    const state = await stack.exportState();
    const outputs = (name: string) => state.resources.find((r) => r.urn.endsWith(`::${name}`))?.outputs;
    expect(outputs("orgs")?.domainsDefaultRole).toBe("org:admin");
    expect(outputs("instance")?.testMode).toBe(false);

    const up = await stack.up();
    expect(up.summary).toMatchObject({ update: 5, create: 0, delete: 0, replace: 0 });
    expect(emu.store.protect.get().rules_enabled).toBe(true);
    expect(emu.store.communication.get().blocked_country_codes).toEqual(["RU", "NG"]);
    expect(emu.store.restrictions.get().blocklist).toBe(true);
    expect(emu.store.oauthApplicationSettings.get().default_scopes).toEqual(["openid", "email"]);
    // The documented limit: test_mode is write-only, so its drift survives until the resource is updated.
    expect(emu.store.instance.get().test_mode).toBe(true);

    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("4. a country code Clerk drops fails up naming it, and changes nothing", async () => {
    const outcome = await stack.attempt("up", { params: declared({ codes: ["RU", "NG", "US"] }) });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toMatch(/blockedCountryCodes: Clerk does not accept US/);
    expect(emu.store.communication.get().blocked_country_codes).toEqual(["RU", "NG"]);
    // The program still asks for US: the change stays visible, it does not silently settle.
    expect((await stack.preview()).summary).toMatchObject({ update: 1 });
    stack.params = declared();
  });

  it("5. an unknown role key fails up listing the keys, with no PATCH sent", async () => {
    emu.clearRequests();
    const outcome = await stack.attempt("up", { params: declared({ creatorRole: "org:owner" }) });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toMatch(
      /creatorRole: no organization role has the key "org:owner"; the instance's role keys are: org:admin, org:member/,
    );
    expect(emu.requests().filter((r) => r.method === "PATCH")).toEqual([]);
    stack.params = declared();
  });

  it.each([
    [
      "bad-role",
      { type: "OrganizationSettings", args: { creatorRole: "admin" } },
      /OrganizationSettings\.creatorRole: must be an organization role key/,
    ],
    [
      "bad-code",
      { type: "InstanceCommunication", args: { blockedCountryCodes: ["ru"] } },
      /InstanceCommunication\.blockedCountryCodes\[0\]: must be a two-letter/,
    ],
    [
      "bad-origin",
      { type: "InstanceSettings", args: { allowedOrigins: ["https://a.example.com/path"] } },
      /InstanceSettings\.allowedOrigins\[0\]: must be an origin/,
    ],
  ] as const)(
    "6. bad input (%s) fails at preview naming the resource and the field, with no request sent",
    async (name, decl, reason) => {
      emu.clearRequests();
      const outcome = await stack.attempt("preview", {
        params: { resources: [...declared().resources, { ...decl, name }] },
      });
      expect(outcome.ok).toBe(false);
      const message = outcome.ok ? "" : outcome.message;
      expect(message).toContain(`resource '${name}'`);
      expect(message).toMatch(reason);
      expect(emu.requests()).toEqual([]);
      stack.params = declared();
    },
  );

  it("7. destroy forgets the singletons, but InstanceRestrictions puts back what it found: one PATCH", async () => {
    const before = emu.store.snapshot();
    emu.clearRequests();
    const destroy = await stack.destroy();
    const deleted = destroy.steps.filter(
      (s) => s.op === "delete" && s.type.startsWith("pulumi-nodejs:dynamic/clerk:"),
    );
    expect(deleted.map((s) => s.name).sort()).toEqual([
      "instance",
      "oauth",
      "orgs",
      "protect",
      "restrictions",
      "sms",
    ]);
    // The stack turned the block-list on; the instance had it off (see docs/resources/instance-restrictions.md).
    expect(emu.requests().map((r) => [r.method, r.path, r.requestBody])).toEqual([
      ["PATCH", "/instance/restrictions", { blocklist: false }],
    ]);
    const { restrictions, ...kept } = emu.store.snapshot();
    const { restrictions: restrictionsBefore, ...keptBefore } = before;
    expect(kept).toEqual(keptBefore);
    expect(restrictions).toEqual({ ...restrictionsBefore, blocklist: false });
  });
});
