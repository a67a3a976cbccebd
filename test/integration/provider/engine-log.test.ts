import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { jwtTemplateDefinition } from "../../../provider/definitions/jwt-template";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import type { AnyDefinition } from "../../../provider/runtime/definition";
import {
  engineAddress,
  lineLogger,
  providerLogger,
  type Severity,
} from "../../../provider/runtime/engine-log";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ClientPool, Instances } from "../../../provider/runtime/instances";
import { ListCache } from "../../../provider/runtime/list-cache";
import { faultOnce } from "../../support/fault-once";

// The provider runtime hands every client it builds a logger (the engine's log in the dynamic-provider
// process): each request at debug, a retry or a wait on Clerk's rate limit at info, naming the request
// and the wait. Nothing secret reaches a line. test/e2e/reliability-rate-limit.test.ts checks that the
// lines reach `pulumi up`'s output through the real engine.
const KEY = "sk_test_engine_log_0123456789abcdef";
const SIGNING_KEY = "engine-log-hs256-signing-secret";

let emu: Emulator;
const lines: [Severity, string][] = [];
let pool: ClientPool;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: { requests: 3, windowMs: 1_000 } });
  const config: Record<string, string> = { "clerk:secretKey": KEY, "clerk:apiUrl": emu.url };
  pool = new ClientPool(
    new Instances({ get: (k) => config[k] }, {}),
    lineLogger((severity, line) => lines.push([severity, line])),
  );
});
afterAll(() => emu?.close());

const handlers = (def: AnyDefinition) =>
  makeHandlers(def, (instance) => ({ client: pool.get(instance), lists: new ListCache(), type: def.type }));
const at = (severity: Severity) => lines.filter(([s]) => s === severity).map(([, l]) => l);

describe("the provider's clients log to the engine", () => {
  it("a burst past Clerk's rate limit: each wait at info, naming the request and how long", async () => {
    const redirect = handlers(redirectUrlDefinition);
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const { inputs } = await redirect.check({}, { url: `myapp://cb/${i}` });
        await redirect.create(inputs ?? {});
      }),
    );
    expect(emu.requests().some((r) => r.fault === "rateLimit")).toBe(true);
    const waits = at("info").filter((l) => l.includes("rate limited by Clerk"));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toMatch(
      /^clerk: rate limited by Clerk \(429 on POST \/redirect_urls\): waiting 1\.\d s as its Retry-After asks before trying again/,
    );
    // One line per pause of the client, not one per call held back by it (those are debug lines).
    const refused = emu.requests().filter((r) => r.fault === "rateLimit").length;
    expect(waits.length).toBeLessThan(refused);
    expect(at("debug").filter((l) => l.includes("rate limited by Clerk")).length).toBe(
      refused - waits.length,
    );
    // Every attempt, refused ones included, is one debug line.
    expect(at("debug").filter((l) => l.startsWith("clerk → ")).length).toBe(emu.requests().length);
  });

  it("a failed request retried: at info, with Clerk's status, code and trace id", async () => {
    // One fault and nothing else: the rate limit of the test above is off.
    emu.configure({ rateLimit: null });
    const jwt = handlers(jwtTemplateDefinition);
    const { inputs } = await jwt.check(
      {},
      {
        name: "supabase",
        claims: { role: "authenticated" },
        signingAlgorithm: "HS256",
        signingKey: SIGNING_KEY,
      },
    );
    const created = await jwt.create(inputs ?? {});
    faultOnce(emu, { rate5xx: 1 });
    await jwt.read(created.id, created.outs);
    expect(emu.requests().filter((r) => r.fault !== undefined && r.method === "GET")).toHaveLength(1);
    const retried = at("info").filter((l) => l.includes("retry 1 of 5"));
    expect(retried).toHaveLength(1);
    // The read lists the templates (one request for all of them): the failed request is that listing.
    expect(retried[0]).toMatch(
      /^clerk: Clerk API 50[023] GET \/jwt_templates: internal_clerk_error: .*\(trace [0-9a-f]+\); retry 1 of 5 in \d+ ms/,
    );
  });

  it("never writes a secret: the key, the Authorization header, a signing key", () => {
    const all = lines.map(([, l]) => l).join("\n");
    expect(all).toContain("Bearer [REDACTED]");
    expect(all).toContain('"signing_key":"[REDACTED]"');
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(KEY.slice("sk_test_".length));
    expect(all).not.toContain(SIGNING_KEY);
  });
});

describe("where the runtime's logger writes", () => {
  const host = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
  it("the engine, in Pulumi's dynamic-provider process (the engine's address is its argument)", () => {
    expect(engineAddress(["node", host, "127.0.0.1:38373"])).toBe("127.0.0.1:38373");
    expect(engineAddress(["node", "/p/cmd/dynamic-provider", "localhost:1"])).toBe("localhost:1");
    expect(providerLogger(["node", host, "127.0.0.1:38373"])).toBeDefined();
  });
  it("nowhere elsewhere (a test runner, the CLI, an argument that is not an address)", () => {
    expect(engineAddress(["node", "/p/node_modules/vitest/vitest.mjs", "run"])).toBeUndefined();
    expect(engineAddress(["node", host])).toBeUndefined();
    expect(engineAddress(["node", host, "--help"])).toBeUndefined();
    expect(providerLogger(["node", "/p/dist/cli/index.js", "drift"])).toBeUndefined();
  });
  it("info and warnings carry the message alone; debug lines their details, cut short", () => {
    const got: string[] = [];
    const log = lineLogger((s, l) => got.push(`${s} ${l}`));
    log.info?.("waiting 1.0 s", { delayMs: 1000 });
    log.debug?.("clerk ← 200 GET /x", { key: "sk_live_abcdef123", body: "y".repeat(5000) });
    expect(got[0]).toBe("info waiting 1.0 s");
    expect(got[1]?.length).toBeLessThan(1700);
    expect(got[1]).not.toContain("sk_live_abcdef123");
  });
});
