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
}

export type FaultDecision =
  | { kind: "none" }
  | { kind: "429" }
  | { kind: "5xx"; status: 500 | 502 | 503 }
  | { kind: "drop" }
  | { kind: "dropAfterCommit" };

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
 */
export class Faults {
  readonly #config: FaultConfig;
  readonly #rng: () => number;

  constructor(config: FaultConfig) {
    for (const k of ["rate429", "rate5xx", "rateDrop", "dropAfterCommit"] as const) {
      const v = config[k];
      if (v !== undefined && !(v >= 0 && v <= 1))
        throw new RangeError(`faults.${k} must be in [0, 1], got ${v}`);
    }
    this.#config = { ...config };
    this.#rng = mulberry32(config.seed);
  }

  get config(): FaultConfig {
    return { ...this.#config };
  }

  decide(isWrite: boolean): FaultDecision {
    const r = this.#rng();
    const pick = this.#rng();
    const afterCommit = this.#rng();
    const { rate429 = 0, rate5xx = 0, rateDrop = 0, dropAfterCommit = 0 } = this.#config;
    if (r < rate429) return { kind: "429" };
    if (r < rate429 + rate5xx)
      return { kind: "5xx", status: STATUSES[Math.floor(pick * STATUSES.length)] ?? 500 };
    if (r < rate429 + rate5xx + rateDrop) return { kind: "drop" };
    if (isWrite && afterCommit < dropAfterCommit) return { kind: "dropAfterCommit" };
    return { kind: "none" };
  }
}
