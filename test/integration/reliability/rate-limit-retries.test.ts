import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ClerkApiError } from "../../../sdk";
import { createRequester } from "../../../sdk/request";
import { rateLimitDelay } from "../../../sdk/retry";
import type { Transport } from "../../../sdk/transport";

// How the sdk waits out Clerk's rate limit: Retry-After is honoured without using up the retry count
// (bounded by time instead), with a spread so held-back calls do not return in lockstep, and one 429
// holds back every call of the client.
const ok = { status: 200, headers: {}, text: JSON.stringify({ ok: true }) };
const tooMany = { status: 429, headers: { "retry-after": "1" }, text: "" };
const boom = { status: 500, headers: {}, text: "" };
const spec = { method: "GET" as const, path: "/x", schema: z.object({ ok: z.boolean() }) };

function scripted(answers: (typeof ok)[]) {
  const sent: number[] = [];
  const slept: number[] = [];
  const transport: Transport = async () => {
    sent.push(Date.now());
    return answers.shift() ?? ok;
  };
  const request = createRequester({
    transport,
    retry: { retries: 2, minDelayMs: 1, jitter: 0 },
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  return { request, sent, slept };
}

describe("sdk under a rate limit", () => {
  it("eight 429s in a row do not exhaust two retries: the call succeeds", async () => {
    const { request, sent, slept } = scripted(Array(8).fill(tooMany));
    await expect(request(spec)).resolves.toEqual({ ok: true });
    expect(sent).toHaveLength(9);
    // Each wait is at least the second Retry-After asked for.
    expect(slept.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(8);
  });

  it("other failures still stop after the configured retries", async () => {
    const { request, sent } = scripted([boom, boom, boom, boom]);
    const err = await request(spec).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClerkApiError);
    expect(sent).toHaveLength(3);
  });

  it("rate-limited waits are bounded by maxRateLimitedMs", async () => {
    const sent: number[] = [];
    const request = createRequester({
      transport: async () => {
        sent.push(1);
        return tooMany;
      },
      retry: { retries: 2, maxElapsedMs: 10, maxRateLimitedMs: 10 },
    });
    const err = await request(spec).catch((e: unknown) => e);
    expect((err as ClerkApiError).status).toBe(429);
    // Retry-After (1 s) exceeds the 10 ms budget: one attempt, no wait.
    expect(sent).toHaveLength(1);
  });

  it("a 429 holds back the client's other calls until Retry-After has passed", async () => {
    const events: string[] = [];
    const answers = [tooMany];
    const request = createRequester({
      transport: async () => {
        events.push("send");
        return answers.shift() ?? ok;
      },
      sleep: async (ms) => {
        events.push(ms >= 900 ? "wait" : "short");
      },
    });
    await request(spec);
    events.length = 0;
    // A call started after the 429, within Retry-After, waits before its first attempt.
    await request(spec);
    expect(events).toEqual(["wait", "send"]);
  });

  it("spreads the waits: Retry-After plus up to a quarter of it, at most one second more", () => {
    expect(rateLimitDelay(1000, () => 0)).toBe(1000);
    expect(rateLimitDelay(1000, () => 1)).toBe(1250);
    expect(rateLimitDelay(10_000, () => 1)).toBe(11_000);
  });
});
