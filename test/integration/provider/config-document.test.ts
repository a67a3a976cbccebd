import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_ID, type Emulator, startEmulator } from "../../../emulator";
import { configure, provider } from "../../../provider/runtime";
import { createPlatformClient } from "../../../sdk";

// The configuration-document resources through the provider runtime, against the emulator's Platform
// API: what each operation sends (one GET per refresh, k writes plus one read per up, If-Match on each
// write), the conflict check, adoption, destroy, secrets, validateOnPreview and the two doors.

const SK = "sk_test_configDocumentRuntime1";
const AK = "ak_configDocumentRuntime1";
let emu: Emulator;
let run = 0;

/**
 * Configures the runtime as the dynamic-provider process would. Each call starts what a new provider
 * process would have (a fresh document snapshot): the timeout differs per call, so the settings do.
 */
async function configureRuntime(extra: Record<string, string> = {}, withPlatform = true) {
  run++;
  const config: Record<string, string> = {
    "clerk:secretKey": SK,
    "clerk:apiUrl": emu.url,
    "clerk:requestTimeoutMs": String(20_000 + run),
    ...(withPlatform ? { "clerk:platformApiKey": AK, "clerk:applicationId": APPLICATION_ID } : {}),
    ...extra,
  };
  await configure({ config: { get: (k: string) => config[k] } });
}

const platform = () => createPlatformClient({ apiKey: AK, apiUrl: emu.url, retry: false });
/** A dashboard edit: a PATCH through the Platform API outside the provider. */
const dashboard = (body: Record<string, unknown>) =>
  platform().config.patch(APPLICATION_ID, "development", body);
const live = async () => (await platform().config.get(APPLICATION_ID, "development")) as Record<string, any>;

/** The Platform API requests the emulator saw since the last clear, as `METHOD` plus the If-Match sent. */
const configRequests = () =>
  emu
    .requests()
    .filter((r) => r.path.includes("/config"))
    .map((r) => ({
      method: r.method,
      status: r.status,
      ifMatch: r.requestHeaders["if-match"],
      query: r.query,
      body: r.requestBody,
    }));

/** check then create, as the engine does for a new resource. */
async function create(type: string, args: Record<string, unknown>) {
  const h = provider(type);
  const checked = await h.check({}, args);
  if (checked.failures?.length) throw new Error(checked.failures.map((f) => f.reason).join("; "));
  return { h, inputs: checked.inputs ?? {}, ...(await h.create(checked.inputs ?? {})) };
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.store.reset();
  emu.platform.reset();
  await configureRuntime();
  emu.clearRequests();
});

describe("configuration: the Platform API key", () => {
  it("a document resource without a Platform API key fails at check, saying what is missing and where keys come from; a Backend API resource still checks", async () => {
    await configureRuntime({}, false);
    const refused = await provider("PasswordPolicy").check({}, { minLength: 12 });
    const reason = refused.failures?.map((f) => f.reason).join(" ") ?? "";
    expect(reason).toContain("PasswordPolicy");
    expect(reason).toContain("clerk:platformApiKey");
    expect(reason).toContain("CLERK_PLATFORM_API_KEY");
    expect(reason).toContain("private beta");
    expect(reason).toContain("clerk:applicationId");
    const bapi = await provider("RedirectUrl").check({}, { url: "https://app.example.com/cb" });
    expect(bapi.failures ?? []).toEqual([]);
    expect(emu.requests()).toHaveLength(0);
  });

  it("an instance secret key given as the Platform API key is refused at check", async () => {
    await configureRuntime({ "clerk:platformApiKey": "sk_test_notAPlatformKey" });
    const refused = await provider("MultiFactor").check({}, { requiredForSignIn: true });
    expect(refused.failures?.[0]?.reason).toMatch(/not a Platform API key/);
    expect(JSON.stringify(refused)).not.toContain("sk_test_notAPlatformKey");
  });

  it("the environment follows the secret key (sk_live_ → production) unless clerk:environment says otherwise", async () => {
    await configureRuntime({ "clerk:environment": "production" });
    await create("UserModel", { firstNameEnabled: true });
    expect(emu.requests().every((r) => !r.path.includes("/config") || r.path.includes("/production/"))).toBe(
      true,
    );
    const prod = await platform().config.get(APPLICATION_ID, "production");
    expect((prod.user_model as any).first_name.enabled).toBe(true);
  });
});

describe("create, read, update, destroy", () => {
  it("create adopts the section and writes only the declared fields that differ, with If-Match; outputs hold the declared fields only", async () => {
    const before = await live();
    emu.clearRequests();
    const made = await create("PasswordPolicy", { minLength: 12, enabled: before.auth_password.enabled });
    expect(made.id).toBe("auth_password");
    expect(made.outs).toMatchObject({ minLength: 12, enabled: before.auth_password.enabled });
    expect(made.outs).not.toHaveProperty("requireNumbers");
    const sent = configRequests();
    expect(sent.map((r) => r.method)).toEqual(["GET", "PATCH"]);
    expect(sent[1]?.ifMatch).toBe(before.config_version);
    expect(sent[1]?.body).toEqual({ auth_password: { min_length: 12 } });
    expect((await live()).auth_password.min_length).toBe(12);
  });

  it("a create whose declared values Clerk already has sends no write", async () => {
    const before = await live();
    emu.clearRequests();
    await create("SessionSettings", { multiSessionEnabled: before.session_settings.multi_session_enabled });
    expect(configRequests().map((r) => r.method)).toEqual(["GET"]);
  });

  it("k resources of one document created concurrently: one GET, k PATCHes chained by version, no field lost", async () => {
    const results = await Promise.all([
      create("PasswordPolicy", { minLength: 14 }),
      create("MultiFactor", { authenticatorAppEnabled: true, backupCodeEnabled: true }),
      create("AccessControl", { signUpMode: "restricted" }),
      create("SessionSettings", { maximumLifetimeEnabled: true, maximumLifetimeSeconds: 86_400 }),
      create("UserModel", { firstNameEnabled: true, firstNameRequired: true }),
    ]);
    expect(results).toHaveLength(5);
    const sent = configRequests();
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(1);
    const patches = sent.filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(5);
    // Each write carried the version the previous one produced: none was refused as stale.
    expect(new Set(patches.map((p) => p.ifMatch)).size).toBe(5);
    expect(emu.requests().every((r) => r.status < 400)).toBe(true);
    const doc = await live();
    expect(doc.auth_password.min_length).toBe(14);
    expect(doc.auth_multi_factor.authenticator_app.enabled).toBe(true);
    expect(doc.auth_access_control.sign_up_mode).toBe("restricted");
    expect(doc.session_settings.maximum_lifetime).toMatchObject({ enabled: true, duration_seconds: 86_400 });
    expect(doc.user_model.first_name).toMatchObject({ enabled: true, required: true });
  });

  it("a refresh of every document resource sends one GET, and shows a dashboard change of a declared field and nothing else", async () => {
    const made = await Promise.all([
      create("PasswordPolicy", { minLength: 12 }),
      create("MultiFactor", { authenticatorAppEnabled: true }),
      create("EmailSignIn", { usedForSignIn: true }),
      create("SessionSettings", { multiSessionEnabled: true }),
    ]);
    await dashboard({ auth_password: { min_length: 10, require_numbers: true } });
    await configureRuntime();
    emu.clearRequests();
    const reads = await Promise.all(made.map((m) => m.h.read(m.id, m.outs)));
    expect(configRequests().map((r) => r.method)).toEqual(["GET"]);
    expect(reads[0]?.inputs).toEqual({ minLength: 10 });
    expect(reads[0]?.props).not.toHaveProperty("requireNumbers");
    expect(reads[1]?.inputs).toEqual({ authenticatorAppEnabled: true });
  });

  it("a no-op check and diff send nothing", async () => {
    const made = await create("PasswordPolicy", { minLength: 12 });
    emu.clearRequests();
    const checked = await made.h.check(made.inputs, { minLength: 12 });
    const diff = await made.h.diff(made.id, made.outs, checked.inputs ?? {});
    expect(diff.changes).toBe(false);
    expect(emu.requests()).toHaveLength(0);
  });

  it("update writes the changed field; a dashboard edit of a managed field since the last read fails naming it, and writes nothing", async () => {
    const made = await create("PasswordPolicy", { minLength: 12, requireNumbers: false });
    const updated = await made.h.update(made.id, made.outs, { ...made.inputs, requireNumbers: true });
    expect(updated.outs).toMatchObject({ minLength: 12, requireNumbers: true });
    await dashboard({ auth_password: { min_length: 9 } });
    const version = (await live()).config_version;
    emu.clearRequests();
    const failed = made.h.update(made.id, updated.outs ?? {}, { ...made.inputs, requireNumbers: false });
    await expect(failed).rejects.toThrow(/minLength changed in Clerk.*pulumi refresh/s);
    // The write from the stale snapshot was refused (409); after the re-read, nothing more was sent.
    expect(configRequests().map((r) => `${r.method} ${r.status}`)).toEqual(["PATCH 409", "GET 200"]);
    expect((await live()).config_version).toBe(version);
  });

  it("a stale version (another writer between our read and our write) is re-read and retried when it touched nothing we manage", async () => {
    const made = await create("MultiFactor", { backupCodeEnabled: true });
    await dashboard({ paths: { home: "/dashboard" } });
    emu.clearRequests();
    const updated = await made.h.update(made.id, made.outs, { backupCodeEnabled: false });
    expect(updated.outs).toMatchObject({ backupCodeEnabled: false });
    const sent = configRequests();
    expect(sent.map((r) => r.method)).toEqual(["PATCH", "GET", "PATCH"]);
    const doc = await live();
    expect(doc.paths.home).toBe("/dashboard");
    expect(doc.auth_multi_factor.backup_code.enabled).toBe(false);
  });

  it("a settings resource's destroy leaves Clerk's values and sends nothing", async () => {
    const made = await create("SessionToken", {
      lifetime: 120,
      claims: { role: "{{user.public_metadata.role}}" },
    });
    emu.clearRequests();
    await made.h.delete(made.id, made.outs);
    expect(emu.requests()).toHaveLength(0);
    expect((await live()).session).toMatchObject({ lifetime: 120 });
  });
});

describe("social connections and map entries", () => {
  const SECRET = "gcs_superSecretClientValue_123";

  it("a social connection with its own credentials: the secret is sent, never read back, and carried in outputs; destroy disables it", async () => {
    const made = await create("SocialConnection", {
      provider: "google",
      enabled: true,
      clientId: "123.apps.googleusercontent.com",
      clientSecret: SECRET,
      showAccountSelectorPrompt: true,
    });
    expect(made.id).toBe("connection_oauth_google");
    expect(made.outs).toMatchObject({ provider: "google", enabled: true, clientSecret: SECRET });
    expect(JSON.stringify(await live())).not.toContain(SECRET);
    await configureRuntime();
    const read = await made.h.read(made.id, made.outs);
    // Clerk never answers it: refresh carries the declared value from state.
    expect(read.props).toMatchObject({ clientSecret: SECRET, enabled: true });
    expect(configRequests().every((r) => !JSON.stringify(r).includes(SECRET) || r.method === "PATCH")).toBe(
      true,
    );
    await made.h.delete(made.id, made.outs);
    expect((await live()).connection_oauth_google.enabled).toBe(false);
  });

  it("a secret is sent again only when it changed", async () => {
    const made = await create("SocialConnection", {
      provider: "github",
      enabled: true,
      clientId: "id",
      clientSecret: SECRET,
    });
    emu.clearRequests();
    await made.h.update(made.id, made.outs, { ...made.inputs, enabled: false });
    const patch = configRequests().find((r) => r.method === "PATCH");
    expect(patch?.body).toEqual({ connection_oauth_github: { enabled: false } });
  });

  it("a custom OAuth provider, a billing feature and a plan are created as map entries and deleted on destroy (destructive)", async () => {
    const custom = await create("CustomOAuthProvider", {
      key: "acme",
      name: "Acme SSO",
      enabled: true,
      discoveryUrl: "https://sso.acme.example/.well-known/openid-configuration",
      clientId: "acme-client",
      clientSecret: SECRET,
      baseScopes: ["openid", "email"],
    });
    const feature = await create("BillingFeature", { slug: "reports", name: "Reports" });
    const plan = await create("BillingPlan", {
      slug: "pro",
      name: "Pro",
      amount: 2000,
      currency: "USD",
      features: ["reports"],
    });
    expect([custom.id, feature.id, plan.id]).toEqual([
      "connections_oauth_custom.acme",
      "billing.features.reports",
      "billing.plans.pro",
    ]);
    let doc = await live();
    expect(doc.connections_oauth_custom.acme).toMatchObject({ name: "Acme SSO", enabled: true });
    expect(doc.billing.plans.pro).toMatchObject({ amount: 2000, features: ["reports"] });
    emu.clearRequests();
    await plan.h.delete(plan.id, plan.outs);
    await custom.h.delete(custom.id, custom.outs);
    expect(
      configRequests()
        .filter((r) => r.method === "PATCH")
        .every((r) => r.query.destructive === "true"),
    ).toBe(true);
    doc = await live();
    expect(doc.connections_oauth_custom.acme).toBeUndefined();
    expect(doc.billing.plans.pro).toBeUndefined();
    // Gone in Clerk: a refresh drops it.
    await configureRuntime();
    expect((await plan.h.read(plan.id, plan.outs)).id).toBeUndefined();
  });

  it("Clerk's refusal names the argument and keeps Clerk's code (production: a provider enabled without credentials)", async () => {
    await configureRuntime({ "clerk:environment": "production" });
    const failed = create("SocialConnection", { provider: "github", enabled: true });
    await expect(failed).rejects.toThrow(/SocialConnection/);
  });
});

describe("clerk:validateOnPreview", () => {
  it("off (the default): a planned change sends nothing at preview", async () => {
    const made = await create("MultiFactor", { authenticatorAppEnabled: false, backupCodeEnabled: false });
    emu.clearRequests();
    const diff = await made.h.diff(made.id, made.outs, { ...made.inputs, requiredForSignIn: true });
    expect(diff.changes).toBe(true);
    expect(emu.requests()).toHaveLength(0);
  });

  it("on: a planned change Clerk refuses fails the preview naming the resource; a valid one passes; nothing is saved", async () => {
    const made = await create("MultiFactor", { authenticatorAppEnabled: false, backupCodeEnabled: false });
    await configureRuntime({ "clerk:validateOnPreview": "true" });
    const version = (await live()).config_version;
    emu.clearRequests();
    const h = provider("MultiFactor");
    await expect(h.diff(made.id, made.outs, { ...made.inputs, requiredForSignIn: true })).rejects.toThrow(
      /MultiFactor.*invalid_auth_configuration/s,
    );
    const ok = await h.diff(made.id, made.outs, { ...made.inputs, authenticatorAppEnabled: true });
    expect(ok.changes).toBe(true);
    const sent = configRequests().filter((r) => r.method === "PATCH");
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.query.dry_run === "true")).toBe(true);
    expect((await live()).config_version).toBe(version);
  });

  it("on: a new resource's check carries Clerk's verdict, naming the argument", async () => {
    await configureRuntime({ "clerk:validateOnPreview": "true" });
    const checked = await provider("OrganizationConfig").check({}, { domainsDefaultRole: "org:nosuchrole" });
    expect(checked.failures?.[0]?.reason).toMatch(/domainsDefaultRole/);
  });
});

describe("two doors", () => {
  it("a field declared through OrganizationSettings and OrganizationConfig fails at check, naming both resources", async () => {
    const a = await provider("OrganizationSettings").check({}, { enabled: true, __clerkName: "orgs-bapi" });
    expect(a.failures ?? []).toEqual([]);
    // The first check may read the live settings once (the preview of an adoption); the refused one sends nothing.
    emu.clearRequests();
    const b = await provider("OrganizationConfig").check({}, { enabled: true, __clerkName: "orgs-doc" });
    const reason = b.failures?.[0]?.reason ?? "";
    expect(reason).toContain('OrganizationConfig "orgs-doc"');
    expect(reason).toContain('OrganizationSettings "orgs-bapi"');
    expect(reason).toContain("organization_settings.enabled");
    expect(emu.requests()).toHaveLength(0);
  });

  it("InstanceRestrictions and AccessControl clash on the allow-list switch, not on fields only one declares", async () => {
    await provider("InstanceRestrictions").check({}, { allowlist: true, __clerkName: "restrictions" });
    const fine = await provider("AccessControl").check(
      {},
      { blockEmailSubaddresses: true, __clerkName: "access" },
    );
    expect(fine.failures ?? []).toEqual([]);
    const clash = await provider("AccessControl").check(
      {},
      { allowlistEnabled: true, __clerkName: "access" },
    );
    expect(clash.failures?.[0]?.reason).toMatch(
      /AccessControl "access" and InstanceRestrictions "restrictions" both declare auth_access_control\.allowlist_enabled/,
    );
  });

  it("two resources of one section (two SocialConnections for discord) clash too", async () => {
    await provider("SocialConnection").check({}, { provider: "discord", enabled: true, __clerkName: "g1" });
    const clash = await provider("SocialConnection").check(
      {},
      { provider: "discord", enabled: false, __clerkName: "g2" },
    );
    expect(clash.failures?.[0]?.reason).toMatch(/SocialConnection "g2" and SocialConnection "g1"/);
  });
});
