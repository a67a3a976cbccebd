// `up` and `destroy` of N objects at Clerk's development limit (100 requests / 10 s), without and with
// 2 % faults, against their floor: the time the limit allows for the requests plus the fixed cost of an
// operation (an up and a destroy of a few objects without any limit, measured here the same way).
import { loadavg } from "node:os";
import { resourcesFor } from "./resources.mjs";
import { createStack, program } from "./stack.mjs";

/**
 * The least time from the first to the last of `counted` requests under `limit`: request k·L+1 can go
 * no earlier than a window after request (k−1)·L+1.
 */
export function requestFloorMs(counted, limit) {
  return Math.max(0, Math.ceil(counted / limit.requests) - 1) * limit.windowMs;
}

/** Requests the limiter counted: all but those it refused (a fault's 429 or 5xx still passed it). */
const countedBy = (reqs) => reqs.filter((r) => r.fault !== "rateLimit");

function summarize(name, reqs, wallMs, fixedMs, limit, extra) {
  const counted = countedBy(reqs);
  const times = counted.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  // The floor for the requests this run had to send (retries after faults included), and for one
  // request per object (what a run without faults sends).
  const floorMs = requestFloorMs(counted.length, limit) + fixedMs;
  const minimalFloorMs = requestFloorMs(extra.n, limit) + fixedMs;
  return {
    op: name,
    wallMs,
    fixedMs,
    floorMs,
    ratio: round2(wallMs / floorMs),
    minimalFloorMs,
    ratioToMinimalFloor: round2(wallMs / minimalFloorMs),
    requests: reqs.length,
    counted: counted.length,
    refused429: reqs.length - counted.length,
    failedAnswers: reqs.filter((r) => r.status >= 400 && !r.fault).length,
    firstToLastMs: (times.at(-1) ?? 0) - (times[0] ?? 0),
    // Gaps of more than a second between counted requests: where the budget sat unused.
    idleOver1sMs: times.slice(1).reduce((s, t, i) => s + Math.max(0, t - (times[i] ?? t) - 1000), 0),
    loadAverage1m: round2(loadavg()[0] ?? 0),
    ...extra,
  };
}

/**
 * One up then one destroy of `n` objects into a fresh stack. Each operation starts with the limit's
 * budget unused, as its floor assumes (configuring the limit starts a new limiter; in real use, a
 * destroy right after an up also waits for what the up used of the window).
 */
async function upAndDestroy({
  workRoot,
  emu,
  label,
  n,
  limit,
  faults,
  secretKey,
  parallel,
  envVars,
  fixed,
  log,
}) {
  const resources = resourcesFor(n, label);
  const stack = await createStack(workRoot, label, emu.url, secretKey, envVars);
  stack.workspace.program = program(resources);
  const out = {};
  for (const op of ["up", "destroy"]) {
    emu.clearRequests();
    emu.configure({ rateLimit: limit, faults: faults ?? null });
    const t = performance.now();
    let error;
    let changes;
    try {
      const r = await (op === "up"
        ? stack.up({ parallel, color: "never" })
        : stack.destroy({ parallel, color: "never" }));
      changes = r.summary.resourceChanges;
    } catch (e) {
      error = String(e?.message ?? e).slice(-2000);
    }
    const wallMs = Math.round(performance.now() - t);
    const reqs = emu.requests();
    emu.configure({ rateLimit: null, faults: null });
    const left = countObjects(emu.store);
    const ok =
      error === undefined && (op === "up" ? (changes?.create ?? 0) === n + 1 && left === n : left === 0);
    out[op] = summarize(op, reqs, wallMs, fixed[op], limit, { n, ok, error, changes, objectsAfter: left });
    const r = out[op];
    log(
      `dev limit ${label} ${op}: ${ok ? "ok" : "FAILED"} ${(wallMs / 1000).toFixed(1)} s, floor ${(r.floorMs / 1000).toFixed(1)} s, ratio ${r.ratio}; ${r.counted} counted + ${r.refused429} refused, load ${r.loadAverage1m}`,
    );
  }
  emu.store.reset();
  return out;
}

/** The fixed cost: an up and a destroy of `n` objects without a limit (median of `runs`). */
async function fixedCost({ workRoot, emu, n, runs, secretKey, parallel, envVars }) {
  const samples = { up: [], destroy: [] };
  for (let i = 0; i < runs; i++) {
    const stack = await createStack(workRoot, `dev-fixed-${i}`, emu.url, secretKey, envVars);
    stack.workspace.program = program(resourcesFor(n, `fx${i}`));
    for (const op of ["up", "destroy"]) {
      const t = performance.now();
      await (op === "up"
        ? stack.up({ parallel, color: "never" })
        : stack.destroy({ parallel, color: "never" }));
      samples[op].push(Math.round(performance.now() - t));
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  return { n, runs, upMs: median(samples.up), destroyMs: median(samples.destroy), samples };
}

export async function devLimitRuns({
  workRoot,
  emu,
  n,
  limit,
  faults,
  secretKey,
  parallel,
  envVars,
  fixedRuns,
  log,
}) {
  emu.configure({ rateLimit: null, faults: null });
  emu.store.reset();
  const fc = await fixedCost({ workRoot, emu, n: 10, runs: fixedRuns, secretKey, parallel, envVars });
  log(`dev limit: fixed cost (up/destroy of ${fc.n}, no limit): ${fc.upMs} / ${fc.destroyMs} ms`);
  const fixed = { up: fc.upMs, destroy: fc.destroyMs };
  const common = { workRoot, emu, n, limit, secretKey, parallel, envVars, fixed, log };
  return {
    n,
    limit,
    parallel: parallel ?? "engine default",
    envVars: envVars ?? {},
    fixedCost: fc,
    targets: { clean: 1.15, faults: 1.3 },
    clean: await upAndDestroy({ ...common, label: "dev-clean" }),
    faults: await upAndDestroy({ ...common, label: "dev-faults", faults }),
  };
}

function countObjects(store) {
  const c = (x) => x.list().length;
  return (
    c(store.redirectUrls) +
    c(store.allowlistIdentifiers) +
    c(store.blocklistIdentifiers) +
    c(store.jwtTemplates)
  );
}

const round2 = (x) => Math.round(x * 100) / 100;
