import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { configure, provider } from "../../../provider/runtime";

// Issue 7, authentication: a wrong or revoked key fails each operation at its first request (no retry
// storm), with a message that says so and never carries the key.
const GOOD = "sk_test_reliability_auth_current_key";
const REVOKED = "sk_test_reliability_auth_revoked_key_4f1c";
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, secretKeys: [GOOD] });
  await configure({
    config: { get: (k: string) => ({ "clerk:secretKey": REVOKED, "clerk:apiUrl": emu.url })[k] },
  });
});
afterAll(() => emu.close());

const ops: [string, string, () => Promise<unknown>][] = [
  ["create", "RedirectUrl", () => provider("RedirectUrl").create({ url: "myapp://cb" })],
  [
    "create",
    "AllowlistIdentifier",
    () => provider("AllowlistIdentifier").create({ identifier: "a@example.com" }),
  ],
  ["create", "OAuthApplication", () => provider("OAuthApplication").create({ name: "x" })],
  ["read", "JwtTemplate", () => provider("JwtTemplate").read("jtmp_1", { name: "t", claims: {} })],
  ["read", "Domain", () => provider("Domain").read("dmn_1", { name: "a.example.com" })],
  [
    "update",
    "JwtTemplate",
    () => provider("JwtTemplate").update("jtmp_1", { name: "t", claims: {} }, { name: "u", claims: {} }),
  ],
  ["delete", "RedirectUrl", () => provider("RedirectUrl").delete("ru_1", { url: "myapp://cb" })],
  ["create", "InstanceSettings", () => provider("InstanceSettings").create({ testMode: true })],
];

describe("a rejected key", () => {
  it.each(ops)("%s %s: one request, one clear error, no key in it", async (verb, type, op) => {
    emu.clearRequests();
    const err = await op().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const message = (err as Error).message;
    expect(message).toMatch(new RegExp(`^${verb} ${type}.* failed: Clerk API 401 .*authentication_invalid`));
    expect(message).toMatch(/Clerk rejected the secret key: check clerk:secretKey or CLERK_SECRET_KEY/);
    expect(message).not.toContain(REVOKED);
    expect(String((err as Error).stack)).not.toContain(REVOKED);
    expect(JSON.stringify(err)).not.toContain(REVOKED);
    expect(emu.requests()).toHaveLength(1);
    expect(emu.requests()[0]?.status).toBe(401);
  });

  it("nothing was written", () => {
    expect(emu.store.redirectUrls.list()).toEqual([]);
    expect(emu.store.allowlistIdentifiers.list()).toEqual([]);
    expect(emu.store.oauthApplications.list()).toEqual([]);
  });
});
