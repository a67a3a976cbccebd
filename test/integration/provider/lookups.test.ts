import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { frontendApiUrl } from "../../../emulator/routes/frontend";
import { createLookups } from "../../../provider/lookups";

// The read-only lookups as a program's process runs them: the same config resolution as the provider,
// two instances on two emulators, each emulator accepting only its own key.
const DEFAULT_KEY = "sk_test_lookups_default_key";
const PROD_KEY = "sk_live_lookups_production_key";
let dev: Emulator;
let prod: Emulator;
let config: Record<string, string>;

beforeAll(async () => {
  dev = await startEmulator({ port: 0, secretKeys: [DEFAULT_KEY] });
  prod = await startEmulator({ port: 0, secretKeys: [PROD_KEY] });
  config = {
    "clerk:secretKey": DEFAULT_KEY,
    "clerk:apiUrl": dev.url,
    "clerk:instances": JSON.stringify({ production: { secretKey: PROD_KEY, apiUrl: prod.url } }),
  };
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});
beforeEach(() => {
  dev.clearRequests();
  prod.clearRequests();
});

const sent = (emu: Emulator) => emu.requests().map((r) => `${r.method} ${r.path}`);
const lookups = () => createLookups({ get: (k) => config[k] }, {});

describe("lookups", () => {
  it("creating the lookups sends nothing: a program without a lookup call costs no request", () => {
    lookups();
    expect([...sent(dev), ...sent(prod)]).toEqual([]);
  });

  it("getJwks reads each instance's own key set, once per instance and run", async () => {
    const l = lookups();
    const [a, again, b] = await Promise.all([
      l.getJwks(),
      l.getJwks(),
      l.getJwks({ instance: "production" }),
    ]);
    expect(a).toBe(again);
    expect(a.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" })]);
    expect(b.keys[0]?.n).not.toBe(a.keys[0]?.n);
    expect(sent(dev)).toEqual(["GET /jwks"]);
    expect(sent(prod)).toEqual(["GET /jwks"]);
    expect(JSON.stringify([a, b])).not.toMatch(/sk_(test|live)_/);
  });

  it("getInstance: id, environment, allowed origins, and the Frontend API URL of the primary domain", async () => {
    prod.store.instance.patch({ allowed_origins: ["https://app.example.com"] });
    const info = await lookups().getInstance({ instance: "production" });
    expect(info).toEqual({
      id: prod.store.instanceId,
      environmentType: "development",
      allowedOrigins: ["https://app.example.com"],
      frontendApiUrl: frontendApiUrl(prod.store),
      jwksUrl: `${frontendApiUrl(prod.store)}/.well-known/jwks.json`,
    });
    expect(sent(prod).sort()).toEqual(["GET /domains", "GET /instance"]);
    expect(sent(dev)).toEqual([]);
  });

  it("errors name the lookup and the instance, list the configured names, and never hold a key", async () => {
    const unknown = await lookups()
      .getJwks({ instance: "staging" })
      .catch((e: Error) => e);
    expect((unknown as Error).message).toMatch(
      /^clerk\.getJwks \(instance "staging"\) failed: instance: unknown Clerk instance "staging"; configured: production/,
    );
    const rejected = await createLookups(
      {
        get: (k) =>
          k === "clerk:instances"
            ? JSON.stringify({ production: { secretKey: "sk_live_wrong_key_123", apiUrl: prod.url } })
            : undefined,
      },
      {},
    )
      .getInstance({ instance: "production" })
      .catch((e: Error) => e);
    const message = (rejected as Error).message;
    expect(message).toMatch(/^clerk\.getInstance \(instance "production"\) failed: Clerk API 401/);
    expect(message).not.toContain("sk_live_wrong_key_123");
    const noKey = await createLookups(undefined, {})
      .getJwks()
      .catch((e: Error) => e);
    expect((noKey as Error).message).toMatch(/^clerk\.getJwks failed: Clerk secret key is not set/);
  });
});
