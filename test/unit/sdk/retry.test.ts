import { describe, expect, it } from "vitest";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk/errors";
import {
  backoffDelay,
  DEFAULT_RETRY,
  decideRetry,
  parseRetryAfter,
  resolveRetryConfig,
} from "../../../sdk/retry";

const NOW = Date.parse("2026-05-12T10:00:00Z");
const api = (status: number, headers: Record<string, string> = {}) =>
  new ClerkApiError({ status, method: "POST", path: "/x", headers, rawBody: "" });
const net = (kind: "refused" | "reset" | "timeout" | "dns" | "aborted", mayHaveReachedServer: boolean) =>
  new ClerkNetworkError({ kind, mayHaveReachedServer, method: "POST", path: "/x" });

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("1.5", NOW)).toBe(1500);
  });
  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfter("Tue, 12 May 2026 10:00:07 GMT", NOW)).toBe(7000);
    expect(parseRetryAfter("Tue, 12 May 2026 09:59:00 GMT", NOW)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
  });
});

describe("decideRetry", () => {
  it("retries a 429 for any method and honours Retry-After", () => {
    expect(decideRetry(api(429, { "retry-after": "2" }), { method: "POST" }, NOW)).toEqual({
      retry: true,
      reason: "429",
      delayMs: 2000,
    });
    expect(decideRetry(api(429), { method: "GET" }, NOW)).toEqual({ retry: true, reason: "429" });
  });

  it("retries 503 even for POST (Clerk did not act)", () => {
    expect(decideRetry(api(503), { method: "POST" }).retry).toBe(true);
  });

  it("retries 500/502/504/408 for reads and updates but not for a plain POST", () => {
    for (const s of [408, 500, 502, 504]) {
      expect(decideRetry(api(s), { method: "GET" }).retry).toBe(true);
      expect(decideRetry(api(s), { method: "PATCH" }).retry).toBe(true);
      expect(decideRetry(api(s), { method: "POST" }).retry).toBe(false);
      expect(decideRetry(api(s), { method: "POST", idempotent: true }).retry).toBe(true);
    }
  });

  it("never retries other 4xx", () => {
    for (const s of [400, 401, 402, 403, 404, 409, 422]) {
      expect(decideRetry(api(s), { method: "GET" }).retry).toBe(false);
    }
  });

  it("retries a connection that never opened, for POST too", () => {
    expect(decideRetry(net("refused", false), { method: "POST" }).retry).toBe(true);
    expect(decideRetry(net("dns", false), { method: "POST" }).retry).toBe(true);
  });

  it("does not repeat a POST that may have reached Clerk, unless marked idempotent", () => {
    expect(decideRetry(net("reset", true), { method: "POST" }).retry).toBe(false);
    expect(decideRetry(net("timeout", true), { method: "POST" }).retry).toBe(false);
    expect(decideRetry(net("timeout", true), { method: "POST", idempotent: true }).retry).toBe(true);
    expect(decideRetry(net("reset", true), { method: "DELETE" }).retry).toBe(true);
  });

  it("never retries a caller's abort or an unknown error", () => {
    expect(decideRetry(net("aborted", true), { method: "GET" }).retry).toBe(false);
    expect(decideRetry(new Error("boom"), { method: "GET" }).retry).toBe(false);
  });
});

describe("backoffDelay", () => {
  const cfg = { ...DEFAULT_RETRY, minDelayMs: 100, factor: 2, maxDelayMs: 1000, jitter: 0.5 };
  it("grows exponentially up to the cap", () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, cfg, noJitter))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
  it("takes off at most `jitter` of the delay", () => {
    expect(backoffDelay(3, cfg, () => 0.999)).toBe(200);
    expect(backoffDelay(3, { ...cfg, jitter: 0 }, () => 0.999)).toBe(400);
  });
});

describe("resolveRetryConfig", () => {
  it("merges call over client over defaults, and false disables", () => {
    expect(resolveRetryConfig({ retries: 2 }, { minDelayMs: 1 })).toMatchObject({
      retries: 2,
      minDelayMs: 1,
    });
    expect(resolveRetryConfig({ retries: 2 }, false).retries).toBe(0);
    expect(resolveRetryConfig(false, undefined).retries).toBe(0);
    expect(resolveRetryConfig(false, { retries: 3 }).retries).toBe(3);
    expect(resolveRetryConfig(undefined, undefined)).toEqual(DEFAULT_RETRY);
  });
});
