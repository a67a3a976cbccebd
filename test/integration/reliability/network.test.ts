import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, type FaultConfig, startEmulator } from "../../../emulator";
import { Faults } from "../../../emulator/faults";
import { configure, provider } from "../../../provider/runtime";
import { ClerkNetworkError, createClerkClient } from "../../../sdk";

// Issue 16, slow and broken networks: an unreachable API URL, a connection that hangs, and a latency
// spike beyond the client timeout on a create. Timeouts are short here (clerk:requestTimeoutMs) and the
// emulator holds requests for much longer than them, so no outcome depends on the machine's speed.
const KEY = "sk_test_reliability_network_4f2a";
const TIMEOUT_MS = 300;
const HOLD_MS = 2_000;
let emu: Emulator;

async function useRuntime(apiUrl: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  const config: Record<string, string> = {
    "clerk:secretKey": KEY,
    "clerk:apiUrl": apiUrl,
    "clerk:requestTimeoutMs": String(timeoutMs),
  };
  await configure({ config: { get: (k: string) => config[k] } });
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * The first seed whose first request meets `first` and the next four meet nothing, so a scenario can
 * put one fault on exactly the first request while keeping faults on (the sequence is the emulator's).
 */
function seedWhere(config: Omit<FaultConfig, "seed">, first: string): number {
  for (let seed = 1; seed < 10_000; seed++) {
    const faults = new Faults({ seed, ...config });
    const kinds = Array.from({ length: 5 }, () => faults.decide(true).kind);
    if (kinds[0] === first && kinds.slice(1).every((k) => k === "none")) return seed;
  }
  throw new Error(`no seed starts with ${first}`);
}

/**
 * Held requests are logged when they end, HOLD_MS after they arrived: wait that long past now (every
 * request of the operation has arrived by then) and until `n` entries are in, then list them in the
 * order they arrived.
 */
async function settledRequests(n: number) {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await sleep(HOLD_MS + 300);
  const deadline = Date.now() + HOLD_MS * 5;
  while (emu.requests().length < n && Date.now() < deadline) await sleep(50);
  return [...emu.requests()].sort((a, b) => a.seq - b.seq);
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.configure({ faults: null });
  for (const x of emu.store.redirectUrls.list()) emu.store.redirectUrls.delete(x.id);
  for (const x of emu.store.jwtTemplates.list()) emu.store.jwtTemplates.delete(x.id);
  emu.clearRequests();
  await useRuntime(emu.url);
});

describe("an unreachable API URL (connection refused)", () => {
  it("fails naming the URL it tried, saying nothing was sent and what to check, without the key", async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    await useRuntime(apiUrl);
    const p = provider("RedirectUrl");
    const news = (await p.check({}, { url: "myapp://unreachable" })).inputs ?? {};
    const err = await p.create(news).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(Error);
    const message = err?.message ?? "";
    expect(message).toMatch(/^create RedirectUrl failed: /);
    expect(message).toContain(apiUrl);
    expect(message).toMatch(/refused \(ECONNREFUSED\)/);
    expect(message).toContain("nothing was sent to Clerk");
    expect(message).toContain("check clerk:apiUrl or CLERK_API_URL");
    expect(message).not.toContain(KEY);
    expect(message).not.toContain("may have reached Clerk");
    const cause = err?.cause;
    expect(cause).toBeInstanceOf(ClerkNetworkError);
    expect((cause as ClerkNetworkError).mayHaveReachedServer).toBe(false);
    expect(emu.requests()).toHaveLength(0);
  }, 60_000);
});

describe("a connection that hangs (accepted, never answered)", () => {
  // A client with short backoffs: the sdk's bounds, not the provider's defaults, are under test here.
  const client = () =>
    createClerkClient({
      secretKey: KEY,
      apiUrl: emu.url,
      timeoutMs: TIMEOUT_MS,
      retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 },
    });

  it("a GET times out, is retried within its bounds, then fails as a timeout", async () => {
    emu.configure({ faults: { seed: 1, rateHang: 1, hangMs: HOLD_MS } });
    const err = await client()
      .redirectUrls.list()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect((err as ClerkNetworkError).kind).toBe("timeout");
    expect((err as ClerkNetworkError).message).toContain(`no answer within ${TIMEOUT_MS} ms`);
    const seen = await settledRequests(3);
    expect(seen.map((r) => `${r.method} ${r.path} ${r.fault}`)).toEqual(
      Array(3).fill("GET /redirect_urls hang"),
    );
  }, 30_000);

  it("a POST that times out is not sent again by the sdk", async () => {
    emu.configure({ faults: { seed: 1, rateHang: 1, hangMs: HOLD_MS } });
    const err = await client()
      .redirectUrls.create({ url: "myapp://hang" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect((err as ClerkNetworkError).mayHaveReachedServer).toBe(true);
    const seen = await settledRequests(1);
    expect(seen.map((r) => `${r.method} ${r.fault}`)).toEqual(["POST hang"]);
    expect(emu.store.redirectUrls.list()).toHaveLength(0);
  }, 30_000);

  it("the provider's read rides out one hung GET", async () => {
    const p = provider("RedirectUrl");
    const news = (await p.check({}, { url: "myapp://read-hang" })).inputs ?? {};
    const { id, outs } = await p.create(news);
    emu.clearRequests();
    emu.configure({ faults: { seed: seedWhere({ rateHang: 0.5 }, "hang"), rateHang: 0.5, hangMs: HOLD_MS } });
    const read = await p.read(id, outs ?? {});
    expect(read.id).toBe(id);
    const seen = await settledRequests(2);
    expect(seen.map((r) => r.fault ?? "answered")).toEqual(["hang", "answered"]);
  }, 30_000);

  it("a create whose POST hung: the lookup finds nothing, one more POST makes exactly one object", async () => {
    const p = provider("RedirectUrl");
    const news = (await p.check({}, { url: "myapp://create-hang" })).inputs ?? {};
    emu.configure({ faults: { seed: seedWhere({ rateHang: 0.5 }, "hang"), rateHang: 0.5, hangMs: HOLD_MS } });
    const { id } = await p.create(news);
    const seen = await settledRequests(3);
    expect(seen.map((r) => `${r.method} ${r.fault ?? r.status}`)).toEqual([
      "POST hang",
      "GET 200",
      "POST 200",
    ]);
    expect(emu.store.redirectUrls.list().map((r) => r.id)).toEqual([id]);
  }, 30_000);
});

describe("a latency spike beyond the client timeout on a create (Clerk committed, the answer came late)", () => {
  const cases = [
    {
      type: "RedirectUrl",
      inputs: { url: "myapp://spike" },
      ids: () => emu.store.redirectUrls.list().map((x) => x.id),
    },
    {
      type: "JwtTemplate",
      inputs: { name: "spike", claims: { r: 1 }, signingAlgorithm: "HS256", signingKey: "k-spike" },
      ids: () => emu.store.jwtTemplates.list().map((x) => x.id),
    },
  ] as const;

  it.each(cases)(
    "$type: resolved by natural key: exactly one object, the one tracked, no diff",
    async ({ type, inputs, ids }) => {
      const p = provider(type);
      const news = (await p.check({}, inputs)).inputs ?? {};
      const seed = seedWhere({ slowAfterCommit: 0.5 }, "slowAfterCommit");
      emu.configure({ faults: { seed, slowAfterCommit: 0.5, hangMs: HOLD_MS } });
      const { id, outs } = await p.create(news);
      expect(ids()).toEqual([id]);
      const seen = await settledRequests(1);
      const posts = seen.filter((r) => r.method === "POST");
      expect(posts.map((r) => r.fault)).toEqual(["slowAfterCommit"]);
      emu.configure({ faults: null });
      const read = await p.read(id, outs ?? {});
      expect((await p.diff(id, read.props ?? {}, news)).changes).toBe(false);
    },
    30_000,
  );
});
