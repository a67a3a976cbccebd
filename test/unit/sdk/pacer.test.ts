import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../emulator/faults";
import { RateLimiter } from "../../../emulator/rate-limit";
import {
  DEVELOPMENT_LIMIT,
  documentedLimit,
  Pacer,
  type PacerClock,
  PRODUCTION_LIMIT,
  sharedPacer,
} from "../../../sdk/pacer";
import type { TransportResponse } from "../../../sdk/transport";

// The pacer in simulated time: a fake clock runs timers in order and lets promise chains settle between
// them, so nothing here depends on how fast the machine is.
class FakeClock implements PacerClock {
  t = 0;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  now() {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number) {
    const id = this.#next++;
    this.#timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  }
  clearTimeout(h: unknown) {
    this.#timers.delete(h as number);
  }
  /** Runs timers (and what they set off) until none is left or `until` is reached. */
  async run(until = Number.POSITIVE_INFINITY) {
    await settle();
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.#timers) if (!first || e[1].at < first[1].at) first = e;
      if (!first || first[1].at > until) break;
      this.#timers.delete(first[0]);
      this.t = first[1].at;
      first[1].fn();
      await settle();
    }
    if (until !== Number.POSITIVE_INFINITY) this.t = Math.max(this.t, until);
  }
  sleep(ms: number) {
    return new Promise<void>((r) => this.setTimeout(r, ms));
  }
}
const settle = () => new Promise<void>((r) => setImmediate(r));

const ok: TransportResponse = { status: 200, headers: {}, text: "" };
const tooMany = (seconds: number): TransportResponse => ({
  status: 429,
  headers: { "retry-after": String(seconds) },
  text: "",
});

/** Acquires `n` slots at once; resolves with the clock time at which each was granted. */
function grab(pacer: Pacer, clock: FakeClock, n: number) {
  const at: number[] = [];
  const tickets = Array.from({ length: n }, () =>
    pacer.acquire().then((t) => {
      at.push(clock.now());
      return t;
    }),
  );
  return { at, tickets };
}

describe("pacer", () => {
  it("knows Clerk's documented limits from the key", () => {
    expect(documentedLimit("sk_test_abc")).toEqual({ requests: 100, windowMs: 10_000 });
    expect(documentedLimit("sk_live_abc")).toEqual({ requests: 1000, windowMs: 10_000 });
  });

  it("sends without pacing until Clerk answers 429: an unlimited instance is never slowed", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(DEVELOPMENT_LIMIT, clock);
    const { at, tickets } = grab(pacer, clock, 250);
    await clock.run();
    expect(at).toHaveLength(250);
    expect(Math.max(...at)).toBe(0);
    for (const t of await Promise.all(tickets)) t.done(ok);
    expect(pacer.state()).toMatchObject({ active: false, counted: 250 });
  });

  it("a 429 holds every request back, queued or new, until its Retry-After has passed", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(DEVELOPMENT_LIMIT, clock);
    const [first] = await Promise.all(grab(pacer, clock, 1).tickets);
    clock.t = 500;
    first?.done(tooMany(3));
    const { at } = grab(pacer, clock, 5);
    await clock.run(3_499);
    expect(at).toEqual([]);
    await clock.run();
    expect(at).toEqual([3_500, 3_500, 3_500, 3_500, 3_500]);
    // Few of our own requests were counted: someone else's traffic or a passing fault, not our pace.
    expect(pacer.state().active).toBe(false);
  });

  it("after a 429 that our own requests caused, keeps to the limit: a slot frees a window after its answer", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(DEVELOPMENT_LIMIT, clock);
    const first = await Promise.all(grab(pacer, clock, 100).tickets);
    // Answers come back over the first second, 10 ms apart.
    for (const [i, t] of first.entries()) {
      clock.t = 10 * (i + 1);
      t.done(ok);
    }
    const [over] = await Promise.all(grab(pacer, clock, 1).tickets);
    clock.t = 1_100;
    over?.done(tooMany(9)); // the block expires at 10.1 s
    expect(pacer.state()).toMatchObject({ active: true, counted: 100, blockedUntil: 10_100 });

    const { at, tickets } = grab(pacer, clock, 50);
    await clock.run(10_099);
    expect(at).toEqual([]);
    // At 10.1 s the answers of the first 10 ms ... 100 ms stop counting: ten slots at once.
    await clock.run(10_100);
    expect(at).toHaveLength(10);
    // Then one slot every 10 ms, as the rest of the first window's answers expire: no burst, no 429.
    await clock.run(10_200);
    expect(at).toHaveLength(20);
    expect(at.slice(10)).toEqual(Array.from({ length: 10 }, (_, i) => 10_110 + 10 * i));
    await clock.run();
    expect(at).toHaveLength(50);
    for (const t of await Promise.all(tickets)) t.done(ok);
  });

  it("a slot still in flight keeps counting until its answer, and a window after", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer({ requests: 3, windowMs: 1_000 }, clock);
    const all = await Promise.all(grab(pacer, clock, 3).tickets);
    all[0]?.done(ok);
    all[1]?.done(ok);
    clock.t = 10;
    all[2]?.done(ok);
    const [refused] = await Promise.all(grab(pacer, clock, 1).tickets);
    refused?.done(tooMany(0));
    expect(pacer.state().active).toBe(true);
    const { at, tickets } = grab(pacer, clock, 3);
    await clock.run();
    expect(at).toEqual([1_000, 1_000, 1_010]);
    const late = await Promise.all(tickets);
    // Two answers take 5 s: their slots stay taken all that time, so only one more may go.
    clock.t = 1_020;
    late[2]?.done(ok);
    const next = grab(pacer, clock, 2);
    await clock.run(5_000);
    expect(next.at).toEqual([2_020]);
    late[0]?.done(ok);
    late[1]?.done(ok);
    await clock.run(5_999);
    expect(next.at).toHaveLength(1);
    await clock.run();
    expect(next.at).toEqual([2_020, 6_000]);
  });

  it("learns a larger limit than the documented one from what Clerk accepted", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(DEVELOPMENT_LIMIT, clock);
    const served = await Promise.all(grab(pacer, clock, 150).tickets);
    for (const t of served) t.done(ok);
    const [refused] = await Promise.all(grab(pacer, clock, 1).tickets);
    refused?.done(tooMany(1));
    expect(pacer.state()).toMatchObject({ active: true, limit: { requests: 150 } });
  });

  it("a caller that gives up while queued leaves the queue", async () => {
    const clock = new FakeClock();
    const pacer = new Pacer(DEVELOPMENT_LIMIT, clock);
    const [t] = await Promise.all(grab(pacer, clock, 1).tickets);
    t?.done(tooMany(5));
    const controller = new AbortController();
    const waiting = pacer.acquire(controller.signal);
    expect(pacer.state().queued).toBe(1);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(pacer.state().queued).toBe(0);
  });

  it("is shared by every client of one instance in the process", () => {
    const a = sharedPacer("http://127.0.0.1:1/v1", "sk_test_shared_a");
    expect(sharedPacer("http://127.0.0.1:1/v1/", "sk_test_shared_a")).toBe(a);
    expect(sharedPacer("http://127.0.0.1:1/v1", "sk_test_shared_b")).not.toBe(a);
    expect(sharedPacer("http://127.0.0.1:2/v1", "sk_test_shared_a")).not.toBe(a);
    expect(sharedPacer("http://127.0.0.1:1/v1", "sk_live_shared_a").state().limit).toEqual(PRODUCTION_LIMIT);
  });
});

/**
 * Workers (the engine's parallel steps) each send their share of `n` requests through a pacer to a
 * server that limits like the emulator (and, by its documentation, Clerk), each exchange taking a
 * seeded 50-150 ms; a 429 sends the request through the pacer again, as the sdk does.
 */
async function simulate(opts: {
  clock: FakeClock;
  server: RateLimiter;
  pacers: Pacer[];
  n: number;
  workers: number;
  seed: number;
}) {
  const { clock, server } = opts;
  const random = mulberry32(opts.seed);
  const log: { at: number; status: number; process: number }[] = [];
  const done: number[] = opts.pacers.map(() => 0);
  const exchange = async (pacer: Pacer, process: number) => {
    for (;;) {
      const ticket = await pacer.acquire();
      const latency = 50 + 100 * random();
      await clock.sleep(latency / 2);
      const wait = server.take(clock.now());
      log.push({ at: clock.now(), status: wait ? 429 : 200, process });
      await clock.sleep(latency / 2);
      ticket.done(wait ? tooMany(wait) : ok);
      if (!wait) return;
    }
  };
  const runs = opts.pacers.map(async (pacer, p) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.workers }, async () => {
        while (next < opts.n) {
          next++;
          await exchange(pacer, p);
        }
        done[p] = clock.now();
      }),
    );
  });
  const all = Promise.all(runs);
  await clock.run();
  await all;
  return { log, done };
}

describe("pacer under Clerk's development limit (simulated time)", () => {
  it("300 requests take the two windows the limit requires, not a third", async () => {
    for (const workers of [8, 32]) {
      const clock = new FakeClock();
      const server = new RateLimiter(DEVELOPMENT_LIMIT);
      const { log, done } = await simulate({
        clock,
        server,
        pacers: [new Pacer(DEVELOPMENT_LIMIT, clock)],
        n: 300,
        workers,
        seed: 3,
      });
      const accepted = log.filter((r) => r.status === 200);
      expect(accepted).toHaveLength(300);
      // The limit allows request 201 no earlier than 20 s after request 1; what is lost beyond that is
      // the first 429's Retry-After rounded up to whole seconds and an exchange's time per window.
      const span = (accepted.at(-1)?.at ?? 0) - (accepted[0]?.at ?? 0);
      expect(span).toBeGreaterThanOrEqual(20_000);
      expect(done[0]).toBeLessThan(22_500);
      // Only the requests in flight when the limit was first met are refused, once.
      expect(log.filter((r) => r.status === 429).length).toBeLessThanOrEqual(workers);
    }
  });

  it("two processes on one instance: each paces itself; Clerk's 429s share the budget; all finish", async () => {
    const clock = new FakeClock();
    const server = new RateLimiter(DEVELOPMENT_LIMIT);
    const pacers = [new Pacer(DEVELOPMENT_LIMIT, clock), new Pacer(DEVELOPMENT_LIMIT, clock)];
    const { log, done } = await simulate({ clock, server, pacers, n: 150, workers: 8, seed: 5 });
    for (const p of [0, 1]) {
      expect(log.filter((r) => r.process === p && r.status === 200)).toHaveLength(150);
    }
    // Together they need the same two windows as one process with 300 objects, plus the pauses each
    // 429 costs: neither waits for the other to finish.
    expect(Math.max(...done)).toBeLessThan(25_000);
    expect(Math.max(...done)).toBeGreaterThanOrEqual(20_000);
  });
});
