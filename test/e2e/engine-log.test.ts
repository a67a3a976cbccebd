import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { OpResult, TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 25: what the sdk does for the provider reaches the engine's log, so `pulumi up` shows it. A
// burst past Clerk's rate limit (here 3 requests a second, so 8 creates sent at once must wait) shows
// in the engine's diagnostics as a line naming the refused request and the wait; `--debug` shows each
// request. Nothing secret in either.
const KEY = "sk_test_e2e_engine_log_0123456789";
const N = 8;

let emu: Emulator;
let stack: TestStack;
let up: OpResult;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "engine-log",
    secretKey: KEY,
    params: {
      resources: Array.from({ length: N }, (_, i) => ({
        type: "RedirectUrl",
        name: `callback-${i}`,
        args: { url: `myapp://callback/${i}` },
      })),
    },
    emulator: { rateLimit: { requests: 3, windowMs: 1_000 } },
  }));
  up = await stack.up({ options: { debug: true } });
});

afterAll(() => closeClerkStack(stack, emu));

describe("the provider's Clerk client logs to the engine", () => {
  it("a wait on Clerk's rate limit is an info diagnostic naming the request and the wait", () => {
    expect(up.summary.create).toBe(N + 1);
    expect(emu.requests().filter((r) => r.fault === "rateLimit").length).toBeGreaterThan(0);
    const waits = up.diagnostics.filter(
      (d) => d.severity === "info" && d.message.includes("rate limited by Clerk"),
    );
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]?.message).toMatch(
      /^clerk: rate limited by Clerk \(429 on POST \/redirect_urls\): waiting \d\.\d s as its Retry-After asks before trying again \(attempt \d+\)$/,
    );
    // What the user reads in `pulumi up`'s output.
    expect(up.stdout).toContain(waits[0]?.message);
  });

  it("with --debug, each request and answer is a debug line; no line holds the key", () => {
    // Counted in the summary under "Diagnostics:" (the live display shows each line once more).
    const summary = up.stdout.slice(up.stdout.indexOf("\nDiagnostics:\n"));
    const requests = summary.split("\n").filter((l) => l.includes("debug: clerk → POST /redirect_urls"));
    expect(requests.length).toBe(emu.requests().filter((r) => r.method === "POST").length);
    expect(up.stdout).toContain("debug: clerk ← 200 POST /redirect_urls");
    expect(up.stdout).toContain('"authorization":"Bearer [REDACTED]"');
    const everything = `${up.stdout}${up.stderr}${up.programOutput}${JSON.stringify(up.diagnostics)}`;
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice("sk_test_".length));
  });
});
