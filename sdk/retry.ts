import { ClerkApiError, ClerkNetworkError } from "./errors";

export interface RetryConfig {
  /** Retries after the first attempt (0 = one attempt only). */
  retries: number;
  /** Delay before the first retry. */
  minDelayMs: number;
  /** Cap on one backoff delay (a longer Retry-After from Clerk is still honoured). */
  maxDelayMs: number;
  /** Growth of the delay per retry. */
  factor: number;
  /** Fraction (0..1) of each backoff delay that is randomised, so clients do not retry in lockstep. */
  jitter: number;
  /** No retry is started once this much time has passed since the first attempt. */
  maxElapsedMs: number;
  /**
   * A 429 says exactly when to come back, so waiting it out neither uses up `retries` nor stops at
   * `maxElapsedMs`: a call keeps honouring Retry-After until this much time has passed since its first
   * attempt. A large `pulumi up` against Clerk's 100 requests / 10 s must queue, not fail.
   */
  maxRateLimitedMs: number;
}

// Clerk's spec hints at 500 ms initial / 60 s max / 1 h total; a Pulumi operation should give up sooner.
export const DEFAULT_RETRY: RetryConfig = {
  retries: 5,
  minDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.5,
  maxElapsedMs: 120_000,
  maxRateLimitedMs: 600_000,
};

export const NO_RETRY: RetryConfig = { ...DEFAULT_RETRY, retries: 0 };

/** Client-wide config merged with a per-call override; `false` at either level disables retries. */
export function resolveRetryConfig(
  client: Partial<RetryConfig> | false | undefined,
  call: Partial<RetryConfig> | false | undefined,
): RetryConfig {
  if (call === false) return NO_RETRY;
  if (client === false && call === undefined) return NO_RETRY;
  return { ...DEFAULT_RETRY, ...(client || {}), ...(call || {}) };
}

export type RetryDecision =
  | { retry: false; reason: string }
  | { retry: true; reason: string; delayMs?: number };

/**
 * Whether a failed attempt may be sent again. A POST (unless marked idempotent) is only repeated when
 * the server certainly did not act on it: a 429 or 503 answer, or a connection that never opened.
 */
export function decideRetry(
  error: unknown,
  request: { method: string; idempotent?: boolean | undefined },
  now: number = Date.now(),
): RetryDecision {
  const idempotent = request.idempotent ?? request.method.toUpperCase() !== "POST";
  if (error instanceof ClerkApiError) {
    const s = error.status;
    if (s === 429 || s === 503) {
      const delayMs = parseRetryAfter(error.headers["retry-after"], now);
      return delayMs === undefined
        ? { retry: true, reason: `${s}` }
        : { retry: true, reason: `${s}`, delayMs };
    }
    if (s === 408 || s >= 500) {
      if (!idempotent) return { retry: false, reason: `${s} on a non-idempotent ${request.method}` };
      return { retry: true, reason: `${s}` };
    }
    return { retry: false, reason: `${s} is not retryable` };
  }
  if (error instanceof ClerkNetworkError) {
    if (error.kind === "aborted") return { retry: false, reason: "aborted by the caller" };
    if (!error.mayHaveReachedServer) return { retry: true, reason: error.kind };
    if (!idempotent) {
      return {
        retry: false,
        reason: `${error.kind} after a non-idempotent ${request.method} may have reached Clerk`,
      };
    }
    return { retry: true, reason: error.kind };
  }
  return { retry: false, reason: "not a transient error" };
}

/**
 * `Retry-After` in milliseconds: delta-seconds ("3", "1.5") or an HTTP date. Undefined when absent or
 * unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only a real date: Date.parse accepts things like "5" that are not HTTP dates.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Exponential backoff for retry number `retry` (1-based), with jitter and the cap applied. */
export function backoffDelay(retry: number, config: RetryConfig, random: () => number = Math.random): number {
  const base = Math.min(config.maxDelayMs, config.minDelayMs * config.factor ** Math.max(0, retry - 1));
  const jitter = Math.min(1, Math.max(0, config.jitter));
  return Math.round(base * (1 - jitter * random()));
}

/** Clerk's answer that the client is over its rate limit. */
export function isRateLimited(error: unknown): boolean {
  return error instanceof ClerkApiError && error.status === 429;
}

/**
 * The wait a 429's Retry-After asks for, plus a random extra of up to a quarter of it (at most 1 s),
 * so that the many calls held back together do not all come back in the same instant.
 */
export function rateLimitDelay(retryAfterMs: number, random: () => number = Math.random): number {
  return Math.round(retryAfterMs + random() * Math.min(1_000, retryAfterMs / 4));
}
