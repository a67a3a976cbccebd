import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { ClerkNetworkError, createClerkClient } from "../../../sdk";

// The emulator's fault switches stand in for a flaky network and a busy Clerk.

const KEY = "sk_test_emulatorFaults";
const fast = { minDelayMs: 5, maxDelayMs: 20, jitter: 0, retries: 8 };
let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe("client under injected faults", () => {
  it("reads through 5xx answers and dropped connections", async () => {
    emu = await startEmulator({ port: 0 });
    const clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: fast });
    const created = await clerk.redirectUrls.create({ url: "https://flaky.example.com" });
    emu.configure({ faults: { seed: 42, rate5xx: 0.3, rateDrop: 0.2 } });
    emu.clearRequests();
    for (let i = 0; i < 15; i++) {
      expect((await clerk.redirectUrls.get(created.id)).url).toBe("https://flaky.example.com");
    }
    const log = emu.requests();
    // Faults did happen, and every one was absorbed by a retry.
    expect(log.some((r) => r.status === 0 || r.status >= 500)).toBe(true);
    expect(log.filter((r) => r.status === 200)).toHaveLength(15);
  });

  it("does not create twice when a POST's answer is lost after Clerk committed it", async () => {
    emu = await startEmulator({ port: 0, faults: { seed: 1, dropAfterCommit: 1 } });
    const clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: fast });
    const err = await clerk.jwtTemplates.create({ name: "once", claims: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect((err as ClerkNetworkError).mayHaveReachedServer).toBe(true);
    expect(emu.requests().filter((r) => r.method === "POST")).toHaveLength(1);
    emu.configure({ faults: null });
    expect((await clerk.jwtTemplates.list()).filter((t) => t.name === "once")).toHaveLength(1);
  });

  it("waits out the rate limit instead of failing", async () => {
    emu = await startEmulator({ port: 0, rateLimit: { requests: 4, windowMs: 400 } });
    const clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: fast });
    const started = Date.now();
    for (let i = 0; i < 8; i++) await clerk.blocklistIdentifiers.list();
    const log = emu.requests();
    expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.status === 200)).toHaveLength(8);
    // Retry-After (whole seconds) was honoured rather than hammering with 5 ms backoffs.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(log.filter((r) => r.status === 429).length).toBeLessThan(4);
  });
});
