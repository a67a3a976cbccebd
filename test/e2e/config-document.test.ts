import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ID, type Emulator, startEmulator } from "../../emulator";
import { createPlatformClient } from "../../sdk";
import { createTestStack, type TestStack } from "./harness";

// The instance configuration document (Platform API) under the real Pulumi engine: one stack declares
// a resource of most document types; up writes them concurrently with no field lost, an unchanged
// preview sends nothing, refresh reads the document once and shows a dashboard edit of a declared field,
// a dashboard edit between preview and up fails the up instead of being overwritten, validateOnPreview
// shows Clerk's verdict, two doors fail the preview naming both, no secret reaches the state file, and
// destroy disables, deletes or forgets as each type says.

const SK = "sk_test_e2e_configdoc_0123456789";
const AK = "ak_e2eConfigDocumentKey0123";
const GOOGLE_SECRET = "GOCSPX-e2eGoogleClientSecretValue";
const ACME_SECRET = "acme-e2e-custom-provider-secret-value";

type Decl = { type: string; name: string; args: Record<string, unknown>; secretArgs?: string[] };

const declared = (over: { requireNumbers?: boolean; extra?: Decl[] } = {}): { resources: Decl[] } => ({
  resources: [
    {
      type: "PasswordPolicy",
      name: "passwords",
      args: { minLength: 12, requireNumbers: over.requireNumbers ?? false },
    },
    { type: "MultiFactor", name: "mfa", args: { authenticatorAppEnabled: true, backupCodeEnabled: true } },
    { type: "AccessControl", name: "access", args: { signUpMode: "restricted" } },
    {
      type: "SessionSettings",
      name: "sessions",
      args: { maximumLifetimeEnabled: true, maximumLifetimeSeconds: 86_400, multiSessionEnabled: false },
    },
    { type: "EmailSignIn", name: "email", args: { usedForSignIn: true, signInStrategies: ["email_code"] } },
    { type: "UsernameSignIn", name: "username", args: { usedForSignIn: true, minLength: 5 } },
    {
      type: "SocialConnection",
      name: "google",
      args: {
        provider: "google",
        enabled: true,
        clientId: "e2e.apps.googleusercontent.com",
        clientSecret: GOOGLE_SECRET,
      },
      secretArgs: ["clientSecret"],
    },
    {
      type: "CustomOAuthProvider",
      name: "acme",
      args: {
        key: "acme",
        name: "Acme",
        enabled: true,
        discoveryUrl: "https://sso.acme.example/.well-known/openid-configuration",
        clientId: "acme",
        clientSecret: ACME_SECRET,
      },
    },
    {
      type: "SessionToken",
      name: "token",
      args: { claims: { role: "{{user.public_metadata.role}}" }, lifetime: 120 },
    },
    { type: "ApplicationPaths", name: "paths", args: { signIn: "/sign-in", home: "/" } },
    { type: "BillingFeature", name: "reports", args: { slug: "reports", name: "Reports" } },
    { type: "BillingPlan", name: "pro", args: { slug: "pro", name: "Pro", amount: 2000, currency: "USD" } },
    ...(over.extra ?? []),
  ],
});

let emu: Emulator;
let stack: TestStack;
const platform = () => createPlatformClient({ apiKey: AK, apiUrl: emu.url, retry: false });
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
const live = async () => (await platform().config.get(APPLICATION_ID, "development")) as Record<string, any>;
const configRequests = () => emu.requests().filter((r) => r.path.includes("/config"));

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  stack = await createTestStack({
    name: "configdoc",
    program: "fixtures/clerk-program.cjs",
    apiUrl: emu.url,
    secretKey: SK,
    config: {
      "clerk:platformApiKey": { value: AK, secret: true },
      "clerk:applicationId": APPLICATION_ID,
    },
    params: declared(),
  });
});

afterAll(async () => {
  await stack?.cleanup();
  await emu?.close();
});

describe("the configuration document under the real engine", () => {
  it("1. up creates every resource: one read of the document, one write per resource, no field lost", async () => {
    emu.clearRequests();
    const up = await stack.up();
    expect(up.summary.create).toBe(13); // 12 resources + the stack
    const sent = configRequests();
    expect(sent.filter((r) => r.method === "GET")).toHaveLength(1);
    expect(sent.filter((r) => r.method === "PATCH").length).toBeLessThanOrEqual(12);
    expect(sent.every((r) => r.status < 400)).toBe(true);
    const doc = await live();
    expect(doc.auth_password).toMatchObject({ min_length: 12, require_numbers: false });
    expect(doc.auth_multi_factor).toMatchObject({
      authenticator_app: { enabled: true },
      backup_code: { enabled: true },
    });
    expect(doc.auth_access_control.sign_up_mode).toBe("restricted");
    expect(doc.session_settings.maximum_lifetime).toMatchObject({ enabled: true, duration_seconds: 86_400 });
    expect(doc.auth_email.sign_in_strategies).toEqual(["email_code"]);
    expect(doc.auth_username.min_length).toBe(5);
    expect(doc.connection_oauth_google).toMatchObject({
      enabled: true,
      client_id: "e2e.apps.googleusercontent.com",
    });
    expect(doc.connections_oauth_custom.acme).toMatchObject({ name: "Acme", enabled: true });
    expect(doc.session).toMatchObject({ lifetime: 120, claims: { role: "{{user.public_metadata.role}}" } });
    expect(doc.paths).toMatchObject({ sign_in: "/sign-in", home: "/" });
    expect(doc.billing.plans.pro).toMatchObject({ amount: 2000 });
  });

  it("2. no secret reaches the state file in plaintext", async () => {
    const state = await stack.exportState();
    for (const secret of [GOOGLE_SECRET, ACME_SECRET, AK, SK]) expect(state.text).not.toContain(secret);
    const google = state.resources.find((r) => r.urn.endsWith("::google"));
    expect(JSON.stringify(google?.outputs?.clientSecret)).toContain("4dabf18193072939515e22adb298388d");
  });

  it("3. an unchanged preview sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("4. refresh reads the document once and shows a dashboard edit of a declared field, and nothing else", async () => {
    await platform().config.patch(APPLICATION_ID, "development", {
      auth_password: { min_length: 10, require_uppercase: true },
      user_model: { last_name: { enabled: false } },
    });
    emu.clearRequests();
    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1, delete: 0 });
    expect(configRequests().map((r) => r.method)).toEqual(["GET"]);
    const state = await stack.exportState();
    const passwords = state.resources.find((r) => r.urn.endsWith("::passwords"));
    expect(passwords?.outputs).toMatchObject({ minLength: 10 });
    expect(passwords?.outputs).not.toHaveProperty("requireUppercase");
    // up restores the declared value with one write and one read.
    emu.clearRequests();
    const up = await stack.up();
    expect(up.summary).toMatchObject({ update: 1 });
    expect(configRequests().map((r) => r.method)).toEqual(["GET", "PATCH"]);
    expect((await live()).auth_password).toMatchObject({ min_length: 12, require_uppercase: true });
  });

  it("5. preview --diff shows the changed field as old => new", async () => {
    const preview = await stack.preview({
      params: declared({ requireNumbers: true }),
      options: { diff: true },
    });
    expect(preview.summary).toMatchObject({ update: 1 });
    expect(preview.stdout).toMatch(/requireNumbers\s*:\s*false\s*=>\s*true/);
  });

  it("6. a dashboard edit between preview and up fails the up naming the field, and is not overwritten", async () => {
    await platform().config.patch(APPLICATION_ID, "development", { auth_password: { min_length: 9 } });
    const outcome = await stack.attempt("up", { params: declared({ requireNumbers: true }) });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toMatch(
      /minLength changed in Clerk since this stack last read it/,
    );
    expect((await live()).auth_password).toMatchObject({ min_length: 9, require_numbers: false });
    // After a refresh the edit is seen, and up applies the program.
    await stack.refresh();
    const up = await stack.up({ params: declared({ requireNumbers: true }) });
    expect(up.summary).toMatchObject({ update: 1 });
    expect((await live()).auth_password).toMatchObject({ min_length: 12, require_numbers: true });
  });

  it("7. clerk:validateOnPreview sends a planned change as a dry run: Clerk's refusal fails the preview naming the resource", async () => {
    await stack.setConfig("clerk:validateOnPreview", "true");
    const version = (await live()).config_version;
    const bad = declared({ requireNumbers: true });
    const mfa = bad.resources.find((r) => r.name === "mfa") as Decl;
    mfa.args = { authenticatorAppEnabled: false, backupCodeEnabled: false, requiredForSignIn: true };
    const outcome = await stack.attempt("preview", { params: bad });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? "" : outcome.message).toMatch(/MultiFactor.*invalid_auth_configuration/s);
    expect((await live()).config_version).toBe(version);
    await stack.setConfig("clerk:validateOnPreview", "false");
    stack.params = declared({ requireNumbers: true });
  });

  it("8. a setting declared through two doors fails the preview naming both resources, before any write", async () => {
    emu.clearRequests();
    const outcome = await stack.attempt("preview", {
      params: declared({
        requireNumbers: true,
        extra: [
          { type: "OrganizationSettings", name: "orgs-bapi", args: { enabled: true } },
          { type: "OrganizationConfig", name: "orgs-doc", args: { enabled: true } },
        ],
      }),
    });
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toMatch(/OrganizationConfig "orgs-doc"|OrganizationSettings "orgs-bapi"/);
    expect(message).toContain("orgs-doc");
    expect(message).toContain("orgs-bapi");
    expect(message).toContain("organization_settings.enabled");
    // The one of the two checked first may read the live settings (the preview of its adoption); nothing is written.
    expect(emu.requests().filter((r) => r.method !== "GET")).toEqual([]);
    stack.params = declared({ requireNumbers: true });
  });

  it("9. destroy: social connections disabled, map entries deleted, settings left as they are", async () => {
    const before = await live();
    await stack.destroy();
    const doc = await live();
    expect(doc.connection_oauth_google.enabled).toBe(false);
    expect(doc.connections_oauth_custom.acme).toBeUndefined();
    expect(doc.billing.plans.pro).toBeUndefined();
    expect(doc.billing.features.reports).toBeUndefined();
    expect(doc.auth_password).toEqual(before.auth_password);
    expect(doc.auth_access_control.sign_up_mode).toBe("restricted");
    expect(doc.session).toEqual(before.session);
  });
});
