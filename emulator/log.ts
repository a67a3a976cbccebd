/** One request the emulator answered (or deliberately did not). */
export interface RequestLogEntry {
  /** Sequence number within this emulator, from 1. */
  seq: number;
  method: string;
  /** Path relative to the base URL, without the `/v1` prefix (as the spec's paths are written). */
  path: string;
  /** The spec path template that matched, e.g. `/jwt_templates/{template_id}`; absent for unknown routes. */
  route?: string;
  query: Record<string, string | string[]>;
  requestHeaders: Record<string, string>;
  /** Parsed JSON when it parsed, else the raw text (or undefined when empty). */
  requestBody: unknown;
  /** The status sent, or the one that would have been sent for `dropAfterCommit`; 0 for `drop`. */
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  durationMs: number;
  /** ISO time the request arrived. */
  at: string;
  /** Set when a fault or the rate limiter decided the answer. */
  fault?: "429" | "5xx" | "drop" | "dropAfterCommit" | "hang" | "slowAfterCommit" | "rateLimit";
}

export type ExchangeListener = (entry: RequestLogEntry) => void;

const globalListeners = new Set<ExchangeListener>();

/**
 * Registers a listener for every exchange of every emulator in this process, including emulators
 * started later (the contract tests validate all traffic this way). Returns an unsubscribe function.
 */
export function onAnyExchange(fn: ExchangeListener): () => void {
  globalListeners.add(fn);
  return () => globalListeners.delete(fn);
}

/** The in-memory request log of one emulator, plus its listeners. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;
  readonly #listeners = new Set<ExchangeListener>();
  readonly #max: number;

  constructor(max = 10_000) {
    this.#max = max;
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  add(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    // A long benchmark must not grow memory without bound; the oldest entries go first.
    if (this.#entries.length > this.#max) this.#entries.splice(0, this.#entries.length - this.#max);
    for (const fn of [...this.#listeners, ...globalListeners]) {
      try {
        fn(entry);
      } catch {
        // A failing listener must not break the server; the contract tests collect their own failures.
      }
    }
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map((e) => structuredClone(e));
  }

  clear(): void {
    this.#entries = [];
  }

  onExchange(fn: ExchangeListener): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}
