import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestStack, type OpFailure, type TestStack } from "./harness";

// Issue 16, slow and broken networks under the real engine: the provider process reads its timeout
// from CLERK_REQUEST_TIMEOUT_MS, the emulator holds answers far longer than that.
const KEY = "sk_test_e2e_network_0123456789";
const TIMEOUT_MS = 500;
const HOLD_MS = 3_000;

type Decl = { type: string; name: string; args: Record<string, unknown> };
const resources: Decl[] = [
  ...[0, 1, 2].map((i) => ({
    type: "RedirectUrl",
    name: `redirect-${i}`,
    args: { url: `myapp://net/${i}` },
  })),
  ...[0, 1].map((i) => ({
    type: "AllowlistIdentifier",
    name: `allow-${i}`,
    args: { identifier: `net${i}@example.com` },
  })),
];

let emu: Emulator | undefined;
let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.cleanup();
  await emu?.close();
  stack = undefined;
  emu = undefined;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("slow and broken networks (real engine)", () => {
  it("creates whose answers come after the client timeout: each resolved by natural key, exactly the declared objects, all tracked", async () => {
    emu = await startEmulator({ port: 0, faults: { seed: 3, slowAfterCommit: 0.5, hangMs: HOLD_MS } });
    const e = emu;
    stack = await createTestStack({
      name: "network-slow",
      program: "fixtures/clerk-program.cjs",
      apiUrl: e.url,
      secretKey: KEY,
      params: { resources },
      env: { CLERK_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
    const up = await stack.up();
    expect(up.summary.create).toBe(resources.length + 1);
    // Held answers are logged when they end.
    await new Promise((r) => setTimeout(r, HOLD_MS + 500));
    const slow = e.requests().filter((r) => r.fault === "slowAfterCommit");
    expect(slow.length).toBeGreaterThan(0);

    const live = [...e.store.redirectUrls.list(), ...e.store.allowlistIdentifiers.list()];
    expect(live.map((x) => ("url" in x ? x.url : x.identifier)).sort()).toEqual(
      [...[0, 1, 2].map((i) => `myapp://net/${i}`), "net0@example.com", "net1@example.com"].sort(),
    );
    const state = await stack.exportState();
    const tracked = new Set(state.resources.map((r) => r.id));
    for (const x of live) expect(tracked.has(x.id), `untracked ${x.id}`).toBe(true);

    e.configure({ faults: null });
    e.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(e.requests()).toEqual([]);
    console.log(
      `network e2e: ${slow.length} create answers held ${HOLD_MS} ms past a ${TIMEOUT_MS} ms timeout, all resolved by natural key`,
    );
  });

  it("an unreachable clerk:apiUrl fails the up naming the URL, saying nothing was sent and what to check", async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    stack = await createTestStack({
      name: "network-refused",
      program: "fixtures/clerk-program.cjs",
      apiUrl,
      secretKey: KEY,
      params: { resources: resources.slice(0, 1) },
    });
    const up = (await stack.attempt("up")) as OpFailure;
    expect(up.ok).toBe(false);
    const diag = up.diagnostics.find((d) => d.severity === "error" && d.urn?.endsWith("::redirect-0"));
    expect(diag?.message).toContain(`create RedirectUrl failed: Clerk API POST /redirect_urls at ${apiUrl}`);
    expect(diag?.message).toContain("nothing was sent to Clerk");
    expect(diag?.message).toContain("check clerk:apiUrl or CLERK_API_URL");
    expect(`${up.message}${up.stdout}${up.stderr}`).not.toContain(KEY);
    expect((await stack.exportState()).resources.filter((r) => r.type.includes("RedirectUrl"))).toEqual([]);
  });
});
