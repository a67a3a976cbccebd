import { createHash } from "node:crypto";
import { parseRetryAfter } from "./retry";
import type { Transport, TransportResponse } from "./transport";

/** Clerk's Backend API limit: `requests` per `windowMs`, per instance (i.e. per secret key). */
export interface PacerLimit {
  requests: number;
  windowMs: number;
}

/** Clerk's documented limits: development instances (`sk_test_…`) and production ones (`sk_live_…`). */
export const DEVELOPMENT_LIMIT: PacerLimit = { requests: 100, windowMs: 10_000 };
export const PRODUCTION_LIMIT: PacerLimit = { requests: 1000, windowMs: 10_000 };

export function documentedLimit(secretKey: string): PacerLimit {
  return secretKey.startsWith("sk_live_") ? PRODUCTION_LIMIT : DEVELOPMENT_LIMIT;
}

// A 429 proves the instance's limit is what stopped us only if we had used most of it ourselves;
// below this share it is someone else's traffic, an endpoint's own limit, or a passing fault.
const OWN_LIMIT_SHARE = 0.8;
// A 429 without a readable Retry-After still pauses everyone, for Clerk's smallest answer.
const DEFAULT_BLOCK_MS = 1_000;

export interface PacerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface PacerTicket {
  /** The answer (or `undefined` after a network failure): a 429 pauses the whole pacer. */
  done(response: TransportResponse | undefined): void;
}

interface Waiter {
  admit(ticket: PacerTicket): void;
}

export interface PacerState {
  active: boolean;
  limit: PacerLimit;
  blockedUntil: number;
  inFlight: number;
  counted: number;
  queued: number;
}

/**
 * Paces every request one process sends to one Clerk instance.
 *
 * - A 429 pauses every request, queued or new, until its Retry-After has passed (one pause for all,
 *   not one per call, so held-back calls do not come back together and hit the limit again).
 * - Until Clerk first shows the limit, requests go out unpaced: an instance (or an emulator) that is
 *   not limited is never slowed. A 429 that arrives after this process itself used most of the limit
 *   (`OWN_LIMIT_SHARE`) turns pacing on: from then on a request is sent only while fewer than
 *   `limit.requests` of ours are counted. A request counts from when it is sent until `windowMs` after
 *   its answer came back: Clerk counted it before answering, so the slot is certainly free again by
 *   then, whatever its window's alignment and the network's delay. A request answered 429 does not
 *   count (Clerk did not serve it).
 * - The limit starts from the documented one for the key and is raised when Clerk accepted more of
 *   ours in one window than that (an instance with a larger limit).
 *
 * Requests leave in the order they asked, one slot at a time: no burst at the end of a pause.
 */
export class Pacer {
  readonly #clock: PacerClock;
  #limit: PacerLimit;
  #active = false;
  #blockedUntil = 0;
  #inFlight = 0;
  /** When each answered request stops counting, in order (answers arrive in time order). */
  #expiries: number[] = [];
  #queue: Waiter[] = [];
  #timer: unknown;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(limit: PacerLimit, clock: PacerClock = realClock) {
    if (!(limit.requests >= 1) || !(limit.windowMs >= 1)) {
      throw new RangeError("a rate limit needs requests >= 1 and windowMs >= 1");
    }
    this.#limit = { ...limit };
    this.#clock = clock;
  }

  state(): PacerState {
    this.#expire(this.#clock.now());
    return {
      active: this.#active,
      limit: { ...this.#limit },
      blockedUntil: this.#blockedUntil,
      inFlight: this.#inFlight,
      counted: this.#inFlight + this.#expiries.length,
      queued: this.#queue.length,
    };
  }

  /** Resolves when a request may be sent; the ticket's `done` must be called with its outcome. */
  acquire(signal?: AbortSignal): Promise<PacerTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = this.#queue.indexOf(waiter);
        if (i < 0) return;
        this.#queue.splice(i, 1);
        reject(signal?.reason);
        this.#pump();
      };
      const waiter: Waiter = {
        admit: (ticket) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(ticket);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #ticket(): PacerTicket {
    let settled = false;
    return {
      done: (response) => {
        if (settled) return;
        settled = true;
        this.#inFlight--;
        const now = this.#clock.now();
        if (response?.status === 429) {
          this.#onRateLimited(response, now);
        } else {
          // A server error or a lost connection may still have been counted: assume it was.
          this.#expiries.push(now + this.#limit.windowMs);
        }
        this.#pump();
      },
    };
  }

  #onRateLimited(response: TransportResponse, now: number): void {
    const wait = parseRetryAfter(response.headers["retry-after"], now) ?? DEFAULT_BLOCK_MS;
    this.#blockedUntil = Math.max(this.#blockedUntil, now + wait);
    this.#expire(now);
    // Only requests already answered are surely counted; those still in flight may be refused too.
    const served = this.#expiries.length;
    if (served >= OWN_LIMIT_SHARE * this.#limit.requests) {
      this.#active = true;
      if (served > this.#limit.requests) this.#limit = { ...this.#limit, requests: served };
    }
  }

  #expire(now: number): void {
    let n = 0;
    while (n < this.#expiries.length && (this.#expiries[n] as number) <= now) n++;
    if (n > 0) this.#expiries.splice(0, n);
  }

  #pump(): void {
    const now = this.#clock.now();
    this.#expire(now);
    while (this.#queue.length > 0) {
      if (now < this.#blockedUntil) {
        this.#wake(this.#blockedUntil);
        return;
      }
      if (this.#active && this.#inFlight + this.#expiries.length >= this.#limit.requests) {
        // Full: the next slot frees when the oldest answered request stops counting, or, when all are
        // still in flight, at an answer (done() pumps again).
        const next = this.#expiries[0];
        if (next !== undefined) this.#wake(next);
        return;
      }
      const waiter = this.#queue.shift();
      if (!waiter) return;
      this.#inFlight++;
      waiter.admit(this.#ticket());
    }
  }

  #wake(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.max(0, at - this.#clock.now()),
    );
  }
}

/** A transport whose every exchange first takes a slot from `pacer` and reports its answer back. */
export function pacedTransport(transport: Transport, pacer: Pacer): Transport {
  return async (req) => {
    const ticket = await pacer.acquire(req.signal);
    let response: TransportResponse | undefined;
    try {
      response = await transport(req);
      return response;
    } finally {
      ticket.done(response);
    }
  };
}

// One pacer per instance in this process: Clerk limits an instance, and the provider process serves
// every resource of an operation (and the CLI every command) through clients that each build their own
// transport. Keyed by a hash, so the key itself is not kept here.
const pacers = new Map<string, Pacer>();

export function sharedPacer(apiUrl: string, secretKey: string): Pacer {
  const id = createHash("sha256")
    .update(`${apiUrl.replace(/\/+$/, "")}\n${secretKey}`)
    .digest("hex");
  let pacer = pacers.get(id);
  if (!pacer) {
    pacer = new Pacer(documentedLimit(secretKey));
    pacers.set(id, pacer);
  }
  return pacer;
}
