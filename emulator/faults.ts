/** Injected failures, each a probability per request in [0, 1]. */
export interface FaultConfig {
  seed: number;
  /** Answer 429 (with Retry-After) without running the handler. */
  rate429?: number;
  /** Answer 500/502/503 without running the handler. */
  rate5xx?: number;
  /** Destroy the socket without running the handler (nothing committed). */
  rateDrop?: number;
  /** Writes only: run the handler (commit), then destroy the socket without answering. */
  dropAfterCommit?: number;
  /** Accept the request and answer nothing for `hangMs`, then destroy the socket (handler not run). */
  rateHang?: number;
  /** Writes only: run the handler (commit), then hold the answer back for `hangMs` before sending it. */
  slowAfterCommit?: number;
  /** How long a hang or a slow answer lasts (default 10000, at most 600000): bounded, so tests end. */
  hangMs?: number;
}

export const DEFAULT_HANG_MS = 10_000;

export type FaultDecision =
  | { kind: "none" }
  | { kind: "429" }
  | { kind: "5xx"; status: 500 | 502 | 503 }
  | { kind: "drop" }
  | { kind: "dropAfterCommit" }
  | { kind: "hang"; ms: number }
  | { kind: "slowAfterCommit"; ms: number };

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = [500, 502, 503] as const;

/**
 * Decides each request's fault from a seeded PRNG. Every request draws exactly three numbers whatever
 * its method or outcome, so the same sequence of requests meets the same faults for the same seed.
 * Hangs and slow answers draw two more from a second stream, so adding them to a config leaves the
 * sequence of the other faults for a seed as it was.
 */
export class Faults {
  readonly #config: FaultConfig;
  readonly #rng: () => number;
  readonly #slowRng: () => number;

  constructor(config: FaultConfig) {
    for (const k of [
      "rate429",
      "rate5xx",
      "rateDrop",
      "dropAfterCommit",
      "rateHang",
      "slowAfterCommit",
    ] as const) {
      const v = config[k];
      if (v !== undefined && !(v >= 0 && v <= 1))
        throw new RangeError(`faults.${k} must be in [0, 1], got ${v}`);
    }
    const { hangMs } = config;
    if (hangMs !== undefined && !(Number.isInteger(hangMs) && hangMs >= 0 && hangMs <= 600_000))
      throw new RangeError(`faults.hangMs must be a whole number in [0, 600000], got ${hangMs}`);
    this.#config = { ...config };
    this.#rng = mulberry32(config.seed);
    this.#slowRng = mulberry32(config.seed ^ 0x5bd1e995);
  }

  get config(): FaultConfig {
    return { ...this.#config };
  }

  decide(isWrite: boolean): FaultDecision {
    const r = this.#rng();
    const pick = this.#rng();
    const afterCommit = this.#rng();
    const hang = this.#slowRng();
    const slow = this.#slowRng();
    const { rate429 = 0, rate5xx = 0, rateDrop = 0, dropAfterCommit = 0 } = this.#config;
    const { rateHang = 0, slowAfterCommit = 0, hangMs = DEFAULT_HANG_MS } = this.#config;
    if (r < rate429) return { kind: "429" };
    if (r < rate429 + rate5xx)
      return { kind: "5xx", status: STATUSES[Math.floor(pick * STATUSES.length)] ?? 500 };
    if (r < rate429 + rate5xx + rateDrop) return { kind: "drop" };
    if (hang < rateHang) return { kind: "hang", ms: hangMs };
    if (isWrite && afterCommit < dropAfterCommit) return { kind: "dropAfterCommit" };
    if (isWrite && slow < slowAfterCommit) return { kind: "slowAfterCommit", ms: hangMs };
    return { kind: "none" };
  }
}
