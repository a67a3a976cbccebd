import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { createClerkClient } from "../../../sdk";

// Issue 7, rate limit at the sdk level: one client (as in the dynamic-provider process, which serves
// every resource of a `pulumi up` concurrently) sends far more requests at once than the limit allows.
// The window is scaled down (30 per second instead of 100 per 10 s) so the test takes seconds.
const KEY = "sk_test_reliability_burst";
const N = 200;
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, rateLimit: { requests: 30, windowMs: 1_000 } });
});
afterAll(() => emu.close());

describe("a burst far beyond the rate limit", () => {
  it(`${N} concurrent creates all succeed, each object created once`, async () => {
    const client = createClerkClient({ secretKey: KEY, apiUrl: emu.url });
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        client.allowlistIdentifiers.create({ identifier: `u${i}@example.com` }),
      ),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.map((r) => String((r as PromiseRejectedResult).reason)).slice(0, 3)).toEqual([]);
    expect(emu.store.allowlistIdentifiers.list()).toHaveLength(N);
    const limited = emu.requests().filter((r) => r.fault === "rateLimit").length;
    // The burst really ran into the limit (each 429 pauses every call of the instance: sdk/pacer.ts).
    expect(limited).toBeGreaterThan(0);
    // N / 30 per second is at least 6 s; it must not take much longer than the limit requires.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
