import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { OpOutcome, TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 7 under the real engine: secret hygiene across every secret-bearing resource (state export,
// the engine's most verbose logs, error messages), a revoked key (one request per operation, a clear
// message, the key nowhere), and hostile input refused at preview with nothing sent.
const KEY = "sk_test_e2e_hygiene_current_0123456789";
const REVOKED = "sk_test_e2e_hygiene_revoked_9876543210";
const SIGNING_KEY = "e2e-hygiene-signing-key-do-not-leak";
const OIDC_SECRET = "e2e-hygiene-oidc-client-secret";

type Decl = { type: string; name: string; args: Record<string, unknown>; secretArgs?: string[] };
const declared = (lifetime = 60): Decl[] => [
  {
    type: "JwtTemplate",
    name: "supabase",
    args: {
      name: "supabase",
      claims: { r: 1 },
      lifetime,
      signingAlgorithm: "HS256",
      signingKey: SIGNING_KEY,
    },
    secretArgs: ["signingKey"],
  },
  {
    type: "OAuthApplication",
    name: "partner",
    args: { name: "Partner", redirectUris: ["https://p.example.com/cb"] },
  },
  {
    type: "EnterpriseConnection",
    name: "corp",
    args: {
      name: "Corp",
      provider: "oidc_custom",
      domains: ["corp.example.com"],
      oidc: {
        clientId: "cid",
        clientSecret: OIDC_SECRET,
        discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
      },
    },
  },
  { type: "RedirectUrl", name: "cb", args: { url: "myapp://cb" } },
  { type: "AllowlistIdentifier", name: "ceo", args: { identifier: "ceo@example.com" } },
];

let emu: Emulator;
let stack: TestStack;
const seen: string[] = []; // every text the engine or the program printed, and every error message

const record = (o: OpOutcome) => {
  seen.push(o.stdout, o.stderr, o.programOutput, o.ok ? "" : `${o.message}\n${o.detail ?? ""}`);
  for (const d of o.diagnostics) seen.push(d.message);
};

beforeAll(async () => {
  // Only KEY is valid: setting REVOKED later is a revoked key.
  ({ emu, stack } = await createClerkStack({
    name: "hygiene",
    secretKey: KEY,
    params: { resources: declared() },
    emulator: { secretKeys: [KEY] },
  }));
});
afterAll(() => closeClerkStack(stack, emu));

describe("secrets stay secret", () => {
  it("an up at the engine's highest log verbosity, the export and every message carry no secret", async () => {
    const up = await stack.attempt("up", { options: { logVerbosity: 9, logToStdErr: true, debug: true } });
    expect(up.ok, up.ok ? "" : up.message).toBe(true);
    // The verbose logs really are verbose (the engine's own RPC tracing is in there).
    expect(up.stderr.length).toBeGreaterThan(10_000);
    const clientSecret = emu.store.oauthApplications.list()[0]?.client_secret ?? "";
    expect(clientSecret.length).toBeGreaterThan(10);
    const state = await stack.exportState();
    const texts = [
      state.text,
      up.stdout,
      up.stderr,
      up.programOutput,
      ...up.diagnostics.map((d) => d.message),
    ];

    // The Clerk key travels as stack config, never as a resource property: it is nowhere, verbose logs included.
    expect(texts.join("\n")).not.toContain(KEY);
    // The state holds no secret in plaintext.
    for (const secret of [SIGNING_KEY, OIDC_SECRET, clientSecret]) expect(state.text).not.toContain(secret);
    // In the verbose logs, resource secrets appear only where @pulumi/pulumi's own SDK traces the values it
    // holds in the program ("RegisterResource RPC finished ... resp: ..."), which no provider can change;
    // nothing this package prints (provider process, sdk, messages) carries one.
    const leaking = texts
      .join("\n")
      // The trace prints the provider module's newline as is: its continuation lines start with "    ,".
      .replace(/\n(\s+,)/g, "$1")
      .split("\n")
      .filter((line) => [SIGNING_KEY, OIDC_SECRET, clientSecret].some((s) => line.includes(s)))
      .filter((line) => !line.includes("RegisterResource RPC finished"));
    expect(leaking.map((l) => l.slice(0, 200))).toEqual([]);
    seen.push(state.text);
  });
});

describe("a revoked key", () => {
  it("fails an up fast: one request per resource operation, one clear message, no key anywhere", async () => {
    await stack.setConfig("clerk:secretKey", REVOKED, { secret: true });
    emu.clearRequests();
    // Two operations need Clerk: an update (lifetime) and a create (a new redirect URL).
    const resources = [...declared(120), { type: "RedirectUrl", name: "new", args: { url: "myapp://new" } }];
    const up = await stack.attempt("up", { params: { resources } });
    record(up);
    expect(up.ok).toBe(false);
    expect(emu.requests().length).toBeLessThanOrEqual(2);
    expect(emu.requests().every((r) => r.status === 401)).toBe(true);
    const message = up.ok ? "" : up.message;
    expect(message).toMatch(/Clerk API 401 .*authentication_invalid/);
    const all = seen.join("\n");
    expect(all).not.toContain(REVOKED);
    expect(all).not.toContain(KEY);
  });

  it("fails a refresh with at most one read per resource", async () => {
    emu.clearRequests();
    const refresh = await stack.attempt("refresh");
    record(refresh);
    expect(refresh.ok).toBe(false);
    expect(emu.requests().length).toBeLessThanOrEqual(declared().length);
    expect(seen.join("\n")).not.toContain(REVOKED);
    await stack.setConfig("clerk:secretKey", KEY, { secret: true });
    stack.params = { resources: declared() };
  });
});

describe("hostile input at preview", () => {
  it.each([
    ["RedirectUrl", { url: "javascript alert(1)" }, "url"],
    ["JwtTemplate", { name: "x", claims: [1, 2, 3] }, "claims"],
    ["OAuthApplication", { name: "x".repeat(5000) }, "name"],
    ["Domain", { name: "https://evil.example.com/path" }, "name"],
    ["EnterpriseConnection", { name: "E", provider: "oidc_custom", domains: [], bogus: 1 }, "domains"],
    ["InstanceSettings", { supportEmail: "not-an-email" }, "supportEmail"],
  ] as const)(
    "%s with a bad %s fails at preview naming the field; nothing is sent",
    async (type, args, field) => {
      emu.clearRequests();
      const preview = await stack.attempt("preview", {
        params: { resources: [...declared(), { type, name: "hostile", args }] },
      });
      record(preview);
      expect(preview.ok).toBe(false);
      const message = preview.ok ? "" : preview.message;
      expect(message).toContain("resource 'hostile'");
      expect(message).toContain(`${type}.${field}: `);
      expect(emu.requests()).toEqual([]);
      stack.params = { resources: declared() };
    },
  );
});
