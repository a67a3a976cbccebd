import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { createClerkClient } from "../../../sdk";
import { sharedPacer } from "../../../sdk/pacer";
import { faultOnce } from "../../support/fault-once";

// The pacer is per instance, not per client: the provider process builds a client per configuration
// and the CLI one per command, and Clerk counts them all against one limit.
const KEY = "sk_test_pacer_shared_0123456789";
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());

describe("one pacer per instance in the process", () => {
  it("a 429 one client meets holds back another client of the same instance until Retry-After", async () => {
    const a = createClerkClient({ secretKey: KEY, apiUrl: emu.url });
    const b = createClerkClient({ secretKey: KEY, apiUrl: emu.url });
    faultOnce(emu, { rate429: 1 });
    await a.redirectUrls.list();
    const blockedUntil = sharedPacer(emu.url, KEY).state().blockedUntil;
    const [refused, served] = emu.requests();
    expect(refused?.status).toBe(429);
    expect(served?.status).toBe(200);
    expect(blockedUntil).toBeGreaterThan(Date.parse(refused?.at ?? ""));

    emu.clearRequests();
    await b.allowlistIdentifiers.list();
    const [next] = emu.requests();
    expect(next?.status).toBe(200);
    // Sent only once the pause was over (the log's time is when the emulator received it).
    expect(Date.parse(next?.at ?? "")).toBeGreaterThanOrEqual(blockedUntil - 5);
  });

  it("a client built with pace: false is not held back by the instance's pause", async () => {
    const a = createClerkClient({ secretKey: KEY, apiUrl: emu.url });
    const own = createClerkClient({ secretKey: KEY, apiUrl: emu.url, pace: false });
    faultOnce(emu, { rate429: 1 });
    emu.clearRequests();
    const first = a.redirectUrls.list();
    // Wait until the 429 has been answered, then call from the unpaced client during the pause.
    while (!emu.requests().some((r) => r.status === 429)) await new Promise((r) => setTimeout(r, 5));
    await own.blocklistIdentifiers.list();
    const blockedUntil = sharedPacer(emu.url, KEY).state().blockedUntil;
    const unpaced = emu.requests().find((r) => r.path === "/blocklist_identifiers");
    expect(Date.parse(unpaced?.at ?? "")).toBeLessThan(blockedUntil);
    await first;
  });
});
