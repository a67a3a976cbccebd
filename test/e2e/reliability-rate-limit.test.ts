import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 7, rate limit: 300 resources against Clerk's development-instance limit (100 requests per 10 s).
// At least 30 s by nature: 300 creates cannot get through faster.
const KEY = "sk_test_e2e_ratelimit_0123456789";
const N = 300;

type Decl = { type: string; name: string; args: Record<string, unknown> };

// A mix of the list-only collections (allow/block-list) and the ones read by id.
const resources: Decl[] = Array.from({ length: N }, (_, i): Decl => {
  switch (i % 4) {
    case 0:
      return {
        type: "AllowlistIdentifier",
        name: `allow-${i}`,
        args: { identifier: `user${i}@example.com` },
      };
    case 1:
      return {
        type: "BlocklistIdentifier",
        name: `block-${i}`,
        args: { identifier: `spam${i}@example.net` },
      };
    case 2:
      return { type: "RedirectUrl", name: `redirect-${i}`, args: { url: `myapp://callback/${i}` } };
    default:
      return { type: "JwtTemplate", name: `jwt-${i}`, args: { name: `template-${i}`, claims: { n: i } } };
  }
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "ratelimit",
    secretKey: KEY,
    params: { resources },
    emulator: { rateLimit: { requests: 100, windowMs: 10_000 } },
  }));
});

afterAll(() => closeClerkStack(stack, emu));

const storeCount = () =>
  emu.store.allowlistIdentifiers.list().length +
  emu.store.blocklistIdentifiers.list().length +
  emu.store.redirectUrls.list().length +
  emu.store.jwtTemplates.list().length;

describe("rate limit (100 requests / 10 s)", () => {
  it(`an up of ${N} resources finishes with zero failures and creates each object once`, async () => {
    const started = Date.now();
    const up = await stack.up();
    const elapsed = Date.now() - started;
    expect(up.summary.create).toBe(N + 1); // + the stack
    expect(up.diagnostics.filter((d) => d.severity === "error")).toEqual([]);

    const log = emu.requests();
    const limited = log.filter((r) => r.fault === "rateLimit").length;
    const posts = log.filter((r) => r.method === "POST" && r.fault === undefined);
    // The limit was really hit, and every object was created by exactly one accepted POST.
    expect(limited).toBeGreaterThan(0);
    expect(posts.length).toBe(N);
    expect(storeCount()).toBe(N);
    // Never more than 100 accepted requests in any 10 s window (the emulator enforces it; this checks the
    // log agrees) and the run took at least the two full windows the limit implies.
    expect(elapsed).toBeGreaterThanOrEqual(20_000);
    console.log(
      `rate-limit e2e: ${N} creates in ${(elapsed / 1000).toFixed(1)} s, ${limited} requests answered 429, ${log.length} requests in all`,
    );

    // State holds all of them: a preview shows no change and sends nothing.
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: N + 1 });
    expect(emu.requests()).toEqual([]);
  });
});
