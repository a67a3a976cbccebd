export interface RateLimitConfig {
  /** Requests allowed per window (Clerk: 100 per 10 s on development instances). */
  requests: number;
  windowMs: number;
}

/**
 * Sliding-window log: a request is allowed when fewer than `requests` were allowed in the last
 * `windowMs`. Rejected requests do not count, so a client that waits out Retry-After gets through.
 */
export class RateLimiter {
  readonly config: RateLimitConfig;
  #hits: number[] = [];

  constructor(config: RateLimitConfig) {
    if (!(config.requests >= 1) || !(config.windowMs >= 1)) {
      throw new RangeError("rateLimit needs requests >= 1 and windowMs >= 1");
    }
    this.config = { ...config };
  }

  /** Returns 0 when allowed (and counts the request), else the whole seconds to wait. */
  take(now = Date.now()): number {
    const since = now - this.config.windowMs;
    while (this.#hits.length > 0 && (this.#hits[0] as number) <= since) this.#hits.shift();
    if (this.#hits.length < this.config.requests) {
      this.#hits.push(now);
      return 0;
    }
    const oldest = this.#hits[0] as number;
    return Math.max(1, Math.ceil((oldest + this.config.windowMs - now) / 1000));
  }
}
