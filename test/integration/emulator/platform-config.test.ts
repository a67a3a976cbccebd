import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  APPLICATION_ID,
  CONFIG_KEYS,
  CONFIG_SCHEMA_ID,
  INSTANCE_ID,
  PRODUCTION_INSTANCE_ID,
  PRODUCTION_SECRET_KEY,
  startEmulator,
} from "../../../emulator";
import { ClerkApiError, createPlatformClient } from "../../../sdk";
import { api, KEY, useEmulator } from "../../support/emulator";

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Json = any;

// The emulator's Platform API through the sdk's Platform client: every config operation and parameter,
// each error, the seeded application and its two instances, and the two doors onto the same settings.

const AK = "ak_emulatorPlatformKey123";
const emulator = useEmulator();
const client = () => createPlatformClient({ apiKey: AK, apiUrl: emulator().url, retry: false });
beforeEach(() => {
  emulator().store.reset();
  emulator().platform.reset();
});

/** The ClerkApiError a call fails with. */
async function failure(p: Promise<unknown>): Promise<ClerkApiError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ClerkApiError)) throw new Error(`expected a ClerkApiError, got ${String(e)}`);
  return e;
}

const dev = (c = client()) => ({
  get: (keys?: string[]) => c.config.get(APPLICATION_ID, "development", keys ? { keys } : {}),
  patch: (body: Record<string, unknown>, o = {}) => c.config.patch(APPLICATION_ID, "development", body, o),
  put: (body: Record<string, unknown>, o = {}) => c.config.put(APPLICATION_ID, "development", body, o),
});

describe("Platform API: applications", () => {
  it("lists the seeded application with a development and a production instance; secret keys only when asked", async () => {
    const apps = await client().applications.list();
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ application_id: APPLICATION_ID, name: expect.any(String) });
    expect(apps[0]?.instances.map((i) => [i.instance_id, i.environment_type])).toEqual([
      [INSTANCE_ID, "development"],
      [PRODUCTION_INSTANCE_ID, "production"],
    ]);
    expect(apps[0]?.instances[0]?.publishable_key).toMatch(/^pk_test_/);
    expect(apps[0]?.instances[1]?.publishable_key).toMatch(/^pk_live_/);
    expect(apps[0]?.instances.every((i) => i.secret_key === undefined)).toBe(true);

    const withKeys = await client().applications.get(APPLICATION_ID, { includeSecretKeys: true });
    expect(withKeys.instances[0]?.secret_key).toMatch(/^sk_test_/);
    expect(withKeys.instances[1]?.secret_key).toBe(PRODUCTION_SECRET_KEY);
    const e = await failure(client().applications.get("app_nope"));
    expect([e.status, e.code]).toEqual([404, "resource_not_found"]);
  });

  it("the production key reaches the production instance's own objects; any sk_test_ key the development one", async () => {
    const emu = emulator();
    const created = await api(
      emu,
      "POST",
      "/redirect_urls",
      { url: "https://prod.example/cb" },
      { key: PRODUCTION_SECRET_KEY },
    );
    expect(created.status).toBe(200);
    const prodList = await api(emu, "GET", "/redirect_urls", undefined, { key: PRODUCTION_SECRET_KEY });
    expect(prodList.body.map((r: { url: string }) => r.url)).toEqual(["https://prod.example/cb"]);
    expect((await api(emu, "GET", "/redirect_urls")).body).toEqual([]);
    expect(
      (await api(emu, "GET", "/redirect_urls", undefined, { key: "sk_live_someOtherKey" })).body,
    ).toEqual([]);
    const instance = await api(emu, "GET", "/instance", undefined, { key: PRODUCTION_SECRET_KEY });
    expect(instance.body).toMatchObject({ id: PRODUCTION_INSTANCE_ID, environment_type: "production" });
    expect((await api(emu, "GET", "/instance")).body).toMatchObject({
      id: INSTANCE_ID,
      environment_type: "development",
    });
  });
});

describe("Platform API: creating and deleting applications", () => {
  it("creates an application with an instance per environment, each with its own keys, store and document", async () => {
    const emu = emulator();
    const c = client();
    const app = await c.applications.create({
      name: "Acme",
      domain: "acme.example.com",
      environment_types: ["development", "production"],
      template: "b2b-saas",
    });
    expect(app.application_id).toMatch(/^app_/);
    expect(app.instances.map((i) => i.environment_type)).toEqual(["development", "production"]);
    const [d, p] = app.instances;
    expect(d?.secret_key).toMatch(/^sk_test_/);
    expect(p?.secret_key).toMatch(/^sk_live_/);
    expect(p?.publishable_key).toBe(`pk_live_${Buffer.from("clerk.acme.example.com$").toString("base64")}`);
    expect((await c.applications.list()).map((a) => a.application_id)).toEqual([
      APPLICATION_ID,
      app.application_id,
    ]);
    const read = await c.applications.get(app.application_id, { includeSecretKeys: true });
    expect(read.instances.map((i) => i.secret_key)).toEqual([d?.secret_key, p?.secret_key]);

    // Each new instance's secret key reaches its own objects, not the seeded instance's.
    await api(emu, "POST", "/redirect_urls", { url: "https://acme.example.com/cb" }, { key: d?.secret_key });
    expect((await api(emu, "GET", "/redirect_urls", undefined, { key: d?.secret_key })).body).toHaveLength(1);
    expect((await api(emu, "GET", "/redirect_urls")).body).toEqual([]);
    expect((await api(emu, "GET", "/instance", undefined, { key: p?.secret_key })).body).toMatchObject({
      id: p?.instance_id,
      environment_type: "production",
    });
    // The template shaped the documents.
    const doc = await c.config.get(app.application_id, "production", { keys: ["organization_settings"] });
    expect(doc.organization_settings).toMatchObject({ enabled: true });

    expect(await c.applications.delete(app.application_id)).toEqual({
      id: app.application_id,
      object: "application",
      deleted: true,
    });
    expect((await c.applications.list()).map((a) => a.application_id)).toEqual([APPLICATION_ID]);
    expect((await failure(c.config.get(app.application_id, "development"))).status).toBe(404);
    // Its keys reach nothing of it any more (any sk_test_ key still reaches the seeded development instance).
    expect((await api(emu, "GET", "/redirect_urls", undefined, { key: d?.secret_key })).body).toEqual([]);
    expect((await failure(c.applications.delete(app.application_id))).status).toBe(404);
  });

  it("refuses a bad body naming the field", async () => {
    const emu = emulator();
    for (const [body, code, param] of [
      [{}, "form_param_missing", "name"],
      [{ name: "A", environment_types: ["production"] }, "form_param_missing", "domain"],
      [{ name: "A", domain: "not a domain" }, "form_param_format_invalid", "domain"],
      [{ name: "A", template: "crm" }, "form_param_value_invalid", "template"],
      [{ name: "A", environment_types: ["staging"] }, "form_param_value_invalid", "environment_types[0]"],
    ] as const) {
      const r = await api(emu, "POST", "/platform/applications", body, { key: AK });
      expect(r.status).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ code, meta: { param_name: param } });
    }
    expect(await client().applications.list()).toHaveLength(1);
  });
});

describe("Platform API: authentication", () => {
  it("needs a Platform API key: none, or an instance secret key, is answered 401 in Clerk's error shape", async () => {
    const emu = emulator();
    const path = `/platform/applications/${APPLICATION_ID}/instances/development/config`;
    for (const key of [null, KEY, PRODUCTION_SECRET_KEY, "ak_"]) {
      const r = await api(emu, "GET", path, undefined, { key });
      expect(r.status).toBe(401);
      expect(r.body.errors[0]).toMatchObject({ code: "authentication_invalid", message: expect.any(String) });
      expect(r.body.errors[0].long_message).toMatch(/Platform API key/);
      expect(r.body.clerk_trace_id).toEqual(expect.any(String));
    }
    expect((await api(emu, "GET", path, undefined, { key: AK })).status).toBe(200);
    // …and a Platform API key does not open the Backend API.
    expect((await api(emu, "GET", "/redirect_urls", undefined, { key: AK })).status).toBe(401);
  });

  it("platformApiKeys restricts the accepted keys, and the request log never holds one", async () => {
    const emu = await startEmulator({ platformApiKeys: [AK] });
    try {
      const path = "/platform/applications";
      expect((await api(emu, "GET", path, undefined, { key: "ak_other" })).status).toBe(401);
      expect((await api(emu, "GET", path, undefined, { key: AK })).status).toBe(200);
      expect(JSON.stringify(emu.requests())).not.toContain(AK);
    } finally {
      await emu.close();
    }
  });
});

describe("Platform API: reading the configuration document", () => {
  it("answers every key with a fresh development instance's defaults and a v1_ version", async () => {
    const doc = await dev().get();
    expect(doc.config_version).toMatch(/^v1_[0-9a-f]{8}$/);
    expect(Object.keys(doc).filter((k) => k !== "config_version")).toEqual([...CONFIG_KEYS]);
    expect(doc.auth_email).toMatchObject({ used_for_sign_in: true, sign_in_strategies: ["email_code"] });
    expect(doc.auth_password).toMatchObject({ enabled: true, min_length: 8 });
    expect(doc.auth_multi_factor).toMatchObject({
      required_for_sign_in: false,
      authenticator_app: { enabled: false },
    });
    expect(doc.auth_access_control).toMatchObject({ sign_up_mode: "public", allowlist_enabled: false });
    expect(doc.session_settings).toMatchObject({
      maximum_lifetime: { enabled: true, duration_seconds: 604800 },
    });
    expect(doc.session).toBeNull();
    expect(doc.connection_oauth_google).toMatchObject({ enabled: false, authenticatable: true });
    // Reading does not move the version.
    expect((await dev().get()).config_version).toBe(doc.config_version);
  });

  it("keys (repeated) selects top-level keys; an unknown one is 400 unknown_config_key with suggestions", async () => {
    const doc = await dev().get(["session", "auth_email"]);
    expect(Object.keys(doc).sort()).toEqual(["auth_email", "config_version", "session"]);
    const e = await failure(dev().get(["auth_emial"]));
    expect([e.status, e.code]).toEqual([400, "unknown_config_key"]);
    expect(e.errors[0]?.meta).toEqual({ param_name: "auth_emial", suggestions: ["auth_email"] });
  });

  it("addresses an instance by environment or id; an unknown one is 404", async () => {
    const c = client();
    const byId = await c.config.get(APPLICATION_ID, PRODUCTION_INSTANCE_ID, { keys: ["session"] });
    const byEnv = await c.config.get(APPLICATION_ID, "production", { keys: ["session"] });
    expect(byId.config_version).toBe(byEnv.config_version);
    for (const [app, inst] of [
      [APPLICATION_ID, "staging"],
      ["app_nope", "development"],
    ] as const) {
      const e = await failure(c.config.get(app, inst));
      expect([e.status, e.code]).toEqual([404, "resource_not_found"]);
    }
  });

  it("the schema: JSON Schema 2020-12 with Clerk's $id, sensitive secrets, and keys filtering", async () => {
    const schema = await client().config.schema(APPLICATION_ID, "development");
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: CONFIG_SCHEMA_ID,
      type: "object",
    });
    const props = schema.properties as Record<string, Json>;
    expect(Object.keys(props)).toEqual([...CONFIG_KEYS]);
    expect(props.connection_oauth_github.properties.client_secret["x-clerk-sensitive"]).toBe(true);
    expect(
      props.connections_oauth_custom.additionalProperties.properties.client_secret["x-clerk-sensitive"],
    ).toBe(true);
    expect(props.auth_password.properties.min_length).toMatchObject({ minimum: 8, maximum: 72, default: 8 });
    const one = await client().config.schema(APPLICATION_ID, "development", {
      keys: ["connection_oauth_google"],
    });
    expect(Object.keys(one.properties as object)).toEqual(["connection_oauth_google"]);
  });
});

describe("Platform API: PATCH", () => {
  it("merges deeply (objects merge, arrays and primitives replace), answers the touched keys, moves the version", async () => {
    const before = await dev().get();
    const out = await dev().patch({
      auth_email: { sign_in_strategies: ["email_link"] },
      auth_attack_protection: { user_lockout: { max_attempts: 5 } },
    });
    expect(out.dry_run).toBe(false);
    expect(out.config_version).toMatch(/^v1_[0-9a-f]{8}$/);
    expect(out.config_version).not.toBe(before.config_version);
    expect(Object.keys(out.before).sort()).toEqual(["auth_attack_protection", "auth_email"]);
    expect(out.before.auth_email).toEqual(before.auth_email);
    expect(out.after.auth_email).toEqual({
      ...(before.auth_email as object),
      sign_in_strategies: ["email_link"],
    });
    expect((out.after.auth_attack_protection as Json).user_lockout).toEqual({
      enabled: true,
      max_attempts: 5,
      duration_in_minutes: 60,
    });
    const now = await dev().get();
    expect(now.config_version).toBe(out.config_version);
    expect(now.auth_email).toEqual(out.after.auth_email);
    expect(now.auth_phone).toEqual(before.auth_phone);
    // Every saving write moves the version, even one that changes nothing.
    const again = await dev().patch({ auth_email: { sign_in_strategies: ["email_link"] } });
    expect(again.config_version).not.toBe(out.config_version);
  });

  it("keys chooses what before/after show", async () => {
    const out = await dev().patch({ auth_phone: { used_for_sign_in: true } }, { keys: ["auth_email"] });
    expect(Object.keys(out.after)).toEqual(["auth_email"]);
  });

  it("a dry run validates and projects `after` but saves nothing and keeps the version", async () => {
    const before = await dev().get();
    const out = await dev().patch(
      { session: { claims: { plan: "{{user.public_metadata.plan}}" } } },
      { dryRun: true },
    );
    expect(out).toMatchObject({ dry_run: true, config_version: before.config_version });
    expect(out.after.session).toEqual({
      claims: { plan: "{{user.public_metadata.plan}}" },
      lifetime: 60,
      allowed_clock_skew: 5,
    });
    expect(await dev().get()).toEqual(before);
    const bad = await failure(dev().patch({ session: { lifetime: 1 } }, { dryRun: true }));
    expect(bad.code).toBe("config_validation_error");
  });

  it("If-Match: the current version writes, a stale one is 409 config_version_conflict", async () => {
    const { config_version } = await dev().get();
    const ok = await dev().patch({ auth_passkey: { used_for_sign_in: true } }, { ifMatch: config_version });
    const e = await failure(
      dev().patch({ auth_passkey: { used_for_sign_in: false } }, { ifMatch: config_version }),
    );
    expect([e.status, e.code]).toEqual([409, "config_version_conflict"]);
    expect(e.errors[0]?.meta).toEqual({
      current_version: ok.config_version,
      provided_version: config_version,
    });
    expect((await dev().get(["auth_passkey"])).auth_passkey).toMatchObject({ used_for_sign_in: true });
  });

  it("null clears only with destructive: a nullable key becomes null, a field its default, a map entry is deleted", async () => {
    await dev().patch({
      session: { claims: { a: 1 } },
      auth_username: { min_length: 6 },
      connections_oauth_custom: {
        acme: {
          name: "Acme",
          discovery_url: "https://acme.example/.well-known/openid-configuration",
          client_id: "id",
          client_secret: "shh",
        },
      },
    });
    for (const [body, param] of [
      [{ session: null }, "session"],
      [{ auth_username: { min_length: null } }, "auth_username.min_length"],
      [{ connections_oauth_custom: { acme: null } }, "connections_oauth_custom.acme"],
    ] as const) {
      const e = await failure(dev().patch(body));
      expect([e.status, e.code]).toEqual([400, "destructive_operation_not_allowed"]);
      expect(e.errors[0]?.meta).toEqual({ param_name: param });
    }
    const out = await dev().patch(
      { session: null, auth_username: { min_length: null }, connections_oauth_custom: { acme: null } },
      { destructive: true },
    );
    expect(out.after.session).toBeNull();
    expect((out.after.auth_username as Json).min_length).toBe(4);
    expect(out.after.connections_oauth_custom).toEqual({});
  });

  it("secrets are write-only: never in a read or in before/after, yet kept", async () => {
    const emu = emulator();
    const prod = (body: Record<string, unknown>) => client().config.patch(APPLICATION_ID, "production", body);
    const out = await prod({
      connection_oauth_github: { client_id: "gh-id", client_secret: "gh-SECRET-value" },
    });
    expect(JSON.stringify(out)).not.toContain("gh-SECRET-value");
    const doc = await client().config.get(APPLICATION_ID, "production");
    expect(JSON.stringify(doc)).not.toContain("gh-SECRET-value");
    expect(doc.connection_oauth_github).toEqual(
      expect.not.objectContaining({ client_secret: expect.anything() }),
    );
    expect(JSON.stringify(emu.requests().map((r) => r.responseBody))).not.toContain("gh-SECRET-value");
    // Kept: production accepts enabling the connection because the stored secret is there.
    const enabled = await prod({ connection_oauth_github: { enabled: true } });
    expect((enabled.after.connection_oauth_github as Json).enabled).toBe(true);
  });

  it("production refuses a social provider enabled without your own credentials (422, naming the field)", async () => {
    const c = client();
    const e = await failure(
      c.config.patch(APPLICATION_ID, "production", { connection_oauth_google: { enabled: true } }),
    );
    expect([e.status, e.code]).toEqual([422, "config_validation_error"]);
    expect(e.errors.map((x) => x.meta?.param_name)).toEqual([
      "connection_oauth_google.client_id",
      "connection_oauth_google.client_secret",
    ]);
    // Development has shared credentials.
    await dev().patch({ connection_oauth_google: { enabled: true } });
  });

  it("organization_settings is the Backend API's organization settings: each door sees the other's write", async () => {
    const emu = emulator();
    await dev().patch({ organization_settings: { enabled: true, max_allowed_memberships: 20 } });
    const bapi = await api(emu, "GET", "/instance/organization_settings");
    expect(bapi.body).toMatchObject({ enabled: true, max_allowed_memberships: 20 });
    await api(emu, "PATCH", "/instance/organization_settings", {
      domains_enabled: true,
      domains_enrollment_modes: ["automatic_invitation"],
    });
    const doc = await dev().get(["organization_settings"]);
    expect(doc.organization_settings).toMatchObject({
      enabled: true,
      max_allowed_memberships: 20,
      domains_enabled: true,
      domains_enrollment_modes: ["automatic_invitation"],
    });
  });

  it("auth_access_control's list flags are /instance/restrictions; a write through that door moves the version", async () => {
    const emu = emulator();
    const { config_version } = await dev().get();
    await dev().patch({
      auth_access_control: {
        blocklist_enabled: true,
        allowlist_blocklist_enforced_on_sign_in: false,
        sign_up_mode: "restricted",
      },
    });
    const r = await api(emu, "PATCH", "/instance/restrictions", { block_email_subaddresses: true });
    expect(r.body).toMatchObject({
      blocklist: true,
      allowlist_blocklist_disabled_on_sign_in: true,
      block_email_subaddresses: true,
    });
    const doc = await dev().get(["auth_access_control"]);
    expect(doc.auth_access_control).toEqual({
      allowlist_blocklist_enforced_on_sign_in: false,
      allowlist_enabled: false,
      blocklist_enabled: true,
      block_disposable_email_domains: false,
      block_email_subaddresses: true,
      sign_up_mode: "restricted",
    });
    const afterWrite = (await dev().get()).config_version;
    await api(emu, "PATCH", "/instance/restrictions", { allowlist: true });
    const moved = (await dev().get()).config_version;
    expect(moved).not.toBe(afterWrite);
    const e = await failure(
      dev().patch({ auth_passkey: { allow_autofill: false } }, { ifMatch: afterWrite }),
    );
    expect(e.code).toBe("config_version_conflict");
    expect(config_version).not.toBe(moved);
  });

  it("turning organizations on seeds the sub-settings not sent in the same write", async () => {
    const emu = emulator();
    await api(emu, "PATCH", "/instance/organization_settings", {
      max_allowed_memberships: 99,
      slug_disabled: true,
    });
    const out = await dev().patch({ organization_settings: { enabled: true, slug_disabled: true } });
    expect(out.after.organization_settings).toMatchObject({
      enabled: true,
      max_allowed_memberships: 5,
      slug_disabled: true,
      domains_default_role: "org:member",
    });
  });
});

describe("Platform API: PUT", () => {
  it("needs every key (400 missing_config_keys listing them), then replaces the document", async () => {
    const e = await failure(dev().put({ session: null }));
    expect([e.status, e.code]).toEqual([400, "missing_config_keys"]);
    expect((e.errors[0]?.meta?.missing_keys as string[] | undefined)?.length).toBe(CONFIG_KEYS.length - 1);
    expect(e.errors[0]?.meta?.missing_keys).toContain("auth_email");

    const { config_version, ...doc } = await dev().get();
    const out = await dev().put(
      { ...doc, auth_password: { min_length: 12 }, config_version },
      { ifMatch: config_version },
    );
    // Fields a PUT leaves out of a key take their defaults; only changed keys are answered.
    expect(out.after).toEqual({ auth_password: { ...(doc.auth_password as object), min_length: 12 } });
    expect((await dev().get(["auth_password"])).auth_password).toMatchObject({
      min_length: 12,
      enabled: true,
    });
  });

  it("dropping a map entry is a deletion and needs destructive", async () => {
    await dev().patch({
      billing: {
        features: { seats: { name: "Seats" } },
        plans: { pro: { name: "Pro", features: ["seats"] } },
      },
    });
    const { config_version: _v, ...doc } = await dev().get();
    const billing = doc.billing as Json;
    const without = { ...doc, billing: { ...billing, plans: {} } };
    const e = await failure(dev().put(without));
    expect(e.errors[0]).toMatchObject({
      code: "destructive_operation_not_allowed",
      meta: { param_name: "billing.plans.pro" },
    });
    const out = await dev().put(without, { destructive: true });
    expect((out.after.billing as Json).plans).toEqual({});
  });
});

describe("Platform API: refused writes name the field", () => {
  const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
    ["an unknown key", { sesion: {} }, 400, "unknown_config_key", "sesion"],
    [
      "an unknown field",
      { auth_email: { used_for_signin: true } },
      400,
      "unknown_config_key",
      "auth_email.used_for_signin",
    ],
    ["a key that is not an object", { auth_email: true }, 400, "config_key_body_invalid", "auth_email"],
    [
      "a lifetime out of range",
      { session: { lifetime: 5 } },
      422,
      "config_validation_error",
      "session.lifetime",
    ],
    [
      "a wrong type",
      { auth_password: { min_length: "8" } },
      422,
      "config_validation_error",
      "auth_password.min_length",
    ],
    [
      "an unknown strategy",
      { auth_email: { sign_in_strategies: ["sms"] } },
      422,
      "config_validation_error",
      "auth_email.sign_in_strategies[0]",
    ],
    [
      "min above max",
      { auth_username: { min_length: 10, max_length: 5 } },
      422,
      "config_validation_error",
      "auth_username.min_length",
    ],
    [
      "a path not starting with /",
      { paths: { sign_in: "sign-in" } },
      422,
      "config_validation_error",
      "paths.sign_in",
    ],
    [
      "a reserved claim",
      { session: { claims: { sub: "x" } } },
      422,
      "config_validation_error",
      "session.claims.sub",
    ],
    [
      "a plan naming no feature",
      { billing: { plans: { pro: { name: "Pro", features: ["nope"] } } } },
      422,
      "config_validation_error",
      "billing.plans.pro.features[0]",
    ],
    [
      "a bad map slug",
      { connections_oauth_custom: { "Bad Slug": { name: "x" } } },
      422,
      "config_validation_error",
      "connections_oauth_custom.Bad Slug",
    ],
    [
      "an entry without its required name",
      { billing: { features: { seats: {} } } },
      422,
      "config_validation_error",
      "billing.features.seats.name",
    ],
    [
      "an unknown role",
      { organization_settings: { domains_default_role: "org:nobody" } },
      422,
      "form_param_value_invalid",
      "organization_settings.domains_default_role",
    ],
    [
      "MFA required with no second factor",
      { auth_multi_factor: { required_for_sign_in: true } },
      409,
      "invalid_auth_configuration",
      "auth_multi_factor.required_for_sign_in",
    ],
    ["a key named like an Object method", { constructor: {} }, 400, "unknown_config_key", "constructor"],
    [
      "a field named __proto__",
      JSON.parse('{"auth_email":{"__proto__":{"used_for_sign_in":false}}}'),
      400,
      "unknown_config_key",
      "auth_email.__proto__",
    ],
    [
      "a plan naming an Object method as feature",
      { billing: { plans: { pro: { name: "Pro", features: ["toString"] } } } },
      422,
      "config_validation_error",
      "billing.plans.pro.features[0]",
    ],
    [
      "an entry slug __proto__",
      JSON.parse('{"connections_oauth_custom":{"__proto__":{"name":"x"}}}'),
      422,
      "config_validation_error",
      "connections_oauth_custom.__proto__",
    ],
    [
      "config_version in the body",
      { config_version: "v1_00000000" },
      400,
      "form_param_value_invalid",
      "config_version",
    ],
  ];
  for (const [what, body, status, code, param] of cases) {
    it(`${what}: ${status} ${code} (${param})`, async () => {
      const before = await dev().get();
      // The raw request: the sdk strips config_version before sending.
      const r = await api(
        emulator(),
        "PATCH",
        `/platform/applications/${APPLICATION_ID}/instances/development/config`,
        body,
        { key: AK },
      );
      expect(r.status).toBe(status);
      expect(r.body.errors[0]).toMatchObject({ code, meta: expect.objectContaining({ param_name: param }) });
      expect(r.body.errors[0].long_message).toEqual(expect.any(String));
      expect(await dev().get()).toEqual(before);
    });
  }

  it("suggests the nearest key, and a bad query flag is 400 form_param_value_invalid", async () => {
    const emu = emulator();
    const base = `/platform/applications/${APPLICATION_ID}/instances/development/config`;
    const r = await api(emu, "PATCH", base, { auth_pasword: {} }, { key: AK });
    expect(r.body.errors[0].meta.suggestions).toEqual(["auth_password"]);
    const flag = await api(emu, "PATCH", `${base}?dry_run=maybe`, {}, { key: AK });
    expect([flag.status, flag.body.errors[0].code, flag.body.errors[0].meta.param_name]).toEqual([
      400,
      "form_param_value_invalid",
      "dry_run",
    ]);
  });
});

describe("Platform API: persistence", () => {
  it("POST /__emulator/reset brings back the seeded application and both fresh instances", async () => {
    const emu = emulator();
    await client().config.patch(APPLICATION_ID, "production", { auth_password: { min_length: 20 } });
    await api(
      emu,
      "POST",
      "/redirect_urls",
      { url: "https://prod.example/gone" },
      { key: PRODUCTION_SECRET_KEY },
    );
    expect((await fetch(`${emu.origin}/__emulator/reset`, { method: "POST" })).status).toBe(204);
    const doc = await client().config.get(APPLICATION_ID, "production", { keys: ["auth_password"] });
    expect(doc.auth_password).toMatchObject({ min_length: 8 });
    expect((await api(emu, "GET", "/redirect_urls", undefined, { key: PRODUCTION_SECRET_KEY })).body).toEqual(
      [],
    );
  });

  it("a state file written before the Platform API loads: fresh documents, the seeded application", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clerk-emu-platform-"));
    const stateFile = join(dir, "state.json");
    try {
      const { config: _c, environment_type: _e, platform: _p, ...old } = emulator().store.snapshot();
      writeFileSync(
        stateFile,
        JSON.stringify({ ...old, restrictions: { ...old.restrictions, blocklist: true } }),
      );
      const emu = await startEmulator({ stateFile });
      try {
        const c = createPlatformClient({ apiKey: AK, apiUrl: emu.url, retry: false });
        const doc = await c.config.get(APPLICATION_ID, "development", { keys: ["auth_access_control"] });
        expect(doc.auth_access_control).toMatchObject({ blocklist_enabled: true, sign_up_mode: "public" });
        expect((await c.applications.list())[0]?.instances).toHaveLength(2);
      } finally {
        await emu.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a state file keeps the document, the production instance and its objects", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clerk-emu-platform-"));
    const stateFile = join(dir, "state.json");
    try {
      const first = await startEmulator({ stateFile });
      const c = createPlatformClient({ apiKey: AK, apiUrl: first.url, retry: false });
      const written = await c.config.patch(APPLICATION_ID, "production", {
        auth_password: { min_length: 14 },
      });
      await api(
        first,
        "POST",
        "/redirect_urls",
        { url: "https://prod.example/kept" },
        { key: PRODUCTION_SECRET_KEY },
      );
      await first.close();
      expect(JSON.parse(readFileSync(stateFile, "utf8")).platform.instances[0].instance_id).toBe(
        PRODUCTION_INSTANCE_ID,
      );

      const second = await startEmulator({ stateFile });
      try {
        const c2 = createPlatformClient({ apiKey: AK, apiUrl: second.url, retry: false });
        const doc = await c2.config.get(APPLICATION_ID, "production", { keys: ["auth_password"] });
        expect(doc.config_version).toBe(written.config_version);
        expect(doc.auth_password).toMatchObject({ min_length: 14 });
        const urls = await api(second, "GET", "/redirect_urls", undefined, { key: PRODUCTION_SECRET_KEY });
        expect(urls.body.map((u: { url: string }) => u.url)).toEqual(["https://prod.example/kept"]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
