// `npm run bench`: how pulumi-clerk performs under the real Pulumi engine against the emulator with
// Clerk-like latency. Prints a table and writes the same figures to bench/results/latest.json.
//
//   node bench/run.mjs                     fixed cost (5 runs), N = 10, 100, 300, per-resource floor,
//                                          N = 1000 at Clerk's production limit, with and without faults
//   node bench/run.mjs --quick             fixed cost (2 runs), N = 10, 100 (a few minutes)
//   node bench/run.mjs --sizes 10,50       chosen sizes
//   options: --parallel P (engine --parallel; default: the engine's own, 4 x CPUs)
//            --latency 50-150 --seed 1 --rate-limit-n 250 --no-rate-limit --no-script --require-runs 5
//            --fixed-runs 5 --no-fixed-cost --scale-n 1000 --scale-parallel 32 --no-scale
//            --scale-runs oursProduction,oursProductionFaults (only these scale runs)
//            --dev-limit-n 300 --dev-limit-tuned (--scale-parallel and PULUMI_SKIP_CHECKPOINTS) --no-dev-limit (up/destroy at the development limit; full run only unless
//            --dev-limit) --no-sizes
//            --config-doc-only (only the configuration-document requests: refresh and ups changing k)
//
// Plain Node (not vitest): the program runs as an Automation API inline program in this process, the
// engine and the dynamic-provider process are the real ones, and the emulator runs here too, so every
// request the provider sends is in its log. Timings include the engine's own start-up, as a user sees.
// The fixed-cost section runs project folders with the `pulumi` command instead (bench/fixed-cost.mjs).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { findEngine, requireLanguageHost } from "../tools/engine.mjs";
import { configDocRuns, printConfigDoc } from "./config-doc.mjs";
import { devLimitRuns } from "./dev-limit.mjs";
import { CONCURRENT_IN_FLIGHT, runConcurrentFetchScript, runFetchScript } from "./fetch-script.mjs";
import { measureFixedCost } from "./fixed-cost.mjs";
import { measureRequire } from "./require-time.mjs";
import { resourcesFor } from "./resources.mjs";
import { scaleUp } from "./scale.mjs";
import { sdkPacingRuns } from "./sdk-pacing.mjs";
import { createStack, program } from "./stack.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values: argv } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    parallel: { type: "string" },
    latency: { type: "string", default: "50-150" },
    seed: { type: "string", default: "1" },
    "rate-limit-n": { type: "string" },
    "no-rate-limit": { type: "boolean", default: false },
    "no-script": { type: "boolean", default: false },
    "require-runs": { type: "string" },
    "fixed-runs": { type: "string" },
    "no-fixed-cost": { type: "boolean", default: false },
    "scale-n": { type: "string", default: "1000" },
    "scale-mid": { type: "string", default: "300" },
    "scale-parallel": { type: "string", default: "32" },
    "no-scale": { type: "boolean", default: false },
    "scale-runs": { type: "string" },
    "dev-limit": { type: "boolean", default: false },
    "no-dev-limit": { type: "boolean", default: false },
    "dev-limit-n": { type: "string", default: "300" },
    "dev-limit-tuned": { type: "boolean", default: false },
    "no-sizes": { type: "boolean", default: false },
    "config-doc-only": { type: "boolean", default: false },
    out: { type: "string", default: join(root, "bench", "results", "latest.json") },
  },
});
const configDocOnly = argv["config-doc-only"];
const sizes =
  argv["no-sizes"] || configDocOnly
    ? []
    : (argv.sizes ?? (argv.quick ? "10,100" : "10,100,300")).split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: ${argv.sizes}`);
const [minMs, maxMs] = argv.latency.split("-").map(Number);
const latency = { minMs, maxMs: maxMs ?? minMs, seed: Number(argv.seed) };
const parallel = argv.parallel === undefined ? undefined : Number(argv.parallel);
// Clerk's documented limits, which the emulator mirrors: development and production instances.
const RATE_LIMIT = { requests: 100, windowMs: 10_000 };
const PRODUCTION_LIMIT = { requests: 1000, windowMs: 10_000 };
// "2 % faults": answers Clerk may give under load, with the ambiguous ones (a connection dropped after
// the write was committed) included; the seed makes the same requests meet the same faults.
const FAULTS_2PCT = { seed: 7, rate429: 0.005, rate5xx: 0.01, rateDrop: 0.0025, dropAfterCommit: 0.0025 };
// What the README tells a user with many objects to set (see "Large stacks"): the file backend otherwise
// rewrites the whole checkpoint after every step, which grows with the square of the stack.
const SCALE_ENV = { PULUMI_SKIP_CHECKPOINTS: "true" };
// Enough requests for two full windows after the first burst.
const rateLimitN = Number(argv["rate-limit-n"] ?? 250);
const requireRuns = Number(argv["require-runs"] ?? (argv.quick ? 3 : 5));
const fixedRuns = Number(argv["fixed-runs"] ?? (argv.quick ? 2 : 5));
const scaleN = Number(argv["scale-n"]);
const scaleMid = Number(argv["scale-mid"]);
const scaleParallel = Number(argv["scale-parallel"]);
const SECRET_KEY = "sk_test_pulumi_clerk_bench";
// Production instances have live keys: the sdk paces to the documented limit of the key's kind.
const LIVE_KEY = "sk_live_pulumi_clerk_bench";

const require = (await import("node:module")).createRequire(import.meta.url);

async function main() {
  const engine = findEngine();
  if (!engine) throw new Error("no Pulumi CLI found: run `npm run engine` first (it builds one if needed)");
  const workRoot = join(root, "tmp", "bench", `${process.pid}-${Date.now()}`);
  mkdirSync(workRoot, { recursive: true });
  // The dynamic-provider process runs `node` (Node 24 first) and needs its launcher on PATH.
  process.env.PATH = [
    join(root, "node_modules", ".bin"),
    dirname(engine.bin),
    join(root, "node_modules", "@pulumi", "pulumi"),
    process.env.PATH,
  ].join(delimiter);

  const { startEmulator } = require("../dist/emulator/index.js");
  const emu = await startEmulator({ port: 0, latency });
  const started = Date.now();
  const results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      engine: engine.version,
      cpus: availableParallelism(),
      loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
      latency,
      parallel: parallel ?? `engine default (4 x ${availableParallelism()} CPUs)`,
      sizes,
      commit: gitHead(),
    },
    sizes: [],
  };
  const log = (s) => process.stdout.write(`bench: ${s}\n`);
  try {
    log(
      `engine ${engine.version}, latency ${minMs}-${latency.maxMs} ms (seed ${latency.seed}), sizes ${sizes}`,
    );
    const { APPLICATION_ID } = require("../dist/emulator/index.js");
    results.configDocument = await configDocRuns({
      workRoot,
      emu,
      secretKey: SECRET_KEY,
      applicationId: APPLICATION_ID,
      parallel,
      log,
    });
    if (!configDocOnly) {
      results.require = measureRequire(root, requireRuns);
      log(`cold require of pulumi-clerk/runtime: median ${results.require.medianMs} ms`);
    }
    if (!argv["no-fixed-cost"] && !configDocOnly) {
      results.fixedCost = await measureFixedCost({
        root,
        engine,
        languageHostBin: requireLanguageHost(engine.bin).bin,
        emu,
        workRoot,
        runs: fixedRuns,
        secretKey: SECRET_KEY,
        log,
      });
      emu.store.reset();
    }

    for (const n of sizes) {
      const tag = `n${n}`;
      const resources = resourcesFor(n, tag);
      const stack = await createStack(workRoot, `size-${n}`, emu.url, SECRET_KEY);
      const row = { n, ops: {} };
      const op = async (name, fn) => {
        emu.clearRequests();
        const t = performance.now();
        const r = await fn();
        const wallMs = Math.round(performance.now() - t);
        const reqs = emu.requests();
        row.ops[name] = {
          wallMs,
          requests: reqs.length,
          byMethod: countBy(reqs, (r) => r.method),
          failed: reqs.filter((r) => r.status >= 400).length,
          changes: r.summary?.resourceChanges ?? r.changeSummary,
        };
        log(`N=${n} ${name}: ${wallMs} ms, ${reqs.length} requests`);
        return r;
      };
      const opts = { parallel, color: "never" };
      stack.workspace.program = program(resources);
      await op("up", () => stack.up(opts));
      row.state = stateSize(await stack.exportStack());
      await op("preview", () => stack.preview(opts));
      await op("refresh", () => stack.refresh(opts));
      await op("destroy", () => stack.destroy(opts));
      row.expected = expectedRequests(resources);
      if (!argv["no-script"]) {
        emu.store.reset();
        emu.clearRequests();
        row.script = await runFetchScript(emu.url, SECRET_KEY, resourcesFor(n, `${tag}s`));
        row.script.requests = emu.requests().length;
        emu.store.reset();
        emu.clearRequests();
        row.concurrentScript = await runConcurrentFetchScript(
          emu.url,
          SECRET_KEY,
          resourcesFor(n, `${tag}c`),
        );
        row.concurrentScript.inFlight = CONCURRENT_IN_FLIGHT;
        row.concurrentScript.requests = emu.requests().length;
        row.ratio = {
          upVsScriptCreate: round2(row.ops.up.wallMs / row.script.createMs),
          destroyVsScriptDelete: round2(row.ops.destroy.wallMs / row.script.deleteMs),
          upVsConcurrentScript: round2(row.ops.up.wallMs / row.concurrentScript.createMs),
          destroyVsConcurrentScript: round2(row.ops.destroy.wallMs / row.concurrentScript.deleteMs),
        };
        log(`N=${n} plain fetch script: create ${row.script.createMs} ms, delete ${row.script.deleteMs} ms`);
        log(
          `N=${n} concurrent fetch script (${CONCURRENT_IN_FLIGHT} in flight): create ${row.concurrentScript.createMs} ms, delete ${row.concurrentScript.deleteMs} ms`,
        );
      }
      emu.store.reset();
      results.sizes.push(row);
    }

    if (!argv["no-rate-limit"] && !configDocOnly) results.rateLimit = await rateLimitRun(workRoot, emu, log);
    if (!argv["no-dev-limit"] && !configDocOnly && (argv["dev-limit"] || !argv.quick)) {
      results.devLimit = await devLimitRuns({
        workRoot,
        emu,
        n: Number(argv["dev-limit-n"]),
        limit: RATE_LIMIT,
        faults: FAULTS_2PCT,
        secretKey: SECRET_KEY,
        // Engine defaults (what a user gets), or what the README recommends for large stacks.
        ...(argv["dev-limit-tuned"] ? { parallel: scaleParallel, envVars: SCALE_ENV } : { parallel }),
        fixedRuns: argv.quick ? 1 : 3,
        log,
      });
      results.devLimit.sdkAlone = await sdkPacingRuns({
        emu,
        n: Number(argv["dev-limit-n"]),
        limit: RATE_LIMIT,
        inFlights: [8, 32],
        log,
      });
    }
    if (!argv.quick && !argv["no-scale"] && !configDocOnly)
      results.scale = await scaleRuns(workRoot, emu, log);
  } finally {
    await emu.close();
    rmSync(workRoot, { recursive: true, force: true });
  }
  results.meta.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  results.meta.totalMs = Date.now() - started;
  mkdirSync(dirname(argv.out), { recursive: true });
  writeFileSync(argv.out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  console.log(`\nbench: figures written to ${argv.out} (total ${Math.round(results.meta.totalMs / 1000)} s)`);
}

/** `__provider` bytes (stored in inputs and outputs) and the whole resource's bytes in the export. */
function stateSize(exported) {
  const resources = (exported.deployment.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic/"),
  );
  const per = resources.map((r) => ({
    type: r.type.split(":").pop(),
    provider: Buffer.byteLength(r.inputs?.__provider ?? "") + Buffer.byteLength(r.outputs?.__provider ?? ""),
    total: Buffer.byteLength(JSON.stringify(r)),
  }));
  const byType = {};
  for (const p of per) {
    byType[p.type] ??= { count: 0, provider: 0, total: 0 };
    const t = byType[p.type];
    t.count++;
    t.provider = Math.max(t.provider, p.provider);
    t.total = Math.max(t.total, p.total);
  }
  const avg = (f) => Math.round(per.reduce((s, p) => s + f(p), 0) / Math.max(1, per.length));
  return {
    resources: per.length,
    providerBytesAvg: avg((p) => p.provider),
    providerBytesMax: Math.max(0, ...per.map((p) => p.provider)),
    totalBytesAvg: avg((p) => p.total),
    totalBytesMax: Math.max(0, ...per.map((p) => p.total)),
    checkpointBytes: Buffer.byteLength(JSON.stringify(exported)),
    maxByType: byType,
  };
}

/** The target request counts: refresh lists each collection once, one request per page of 500. */
function expectedRequests(resources) {
  const n = resources.length;
  const pages = (count) => Math.floor(count / 500) + 1;
  const refresh = Object.values(countBy(resources, (r) => r.type)).reduce((sum, c) => sum + pages(c), 0);
  return { up: n, preview: 0, refresh, destroy: n };
}

/**
 * Throughput under Clerk's development limit (100 requests / 10 s): an up of `rateLimitN` redirect URLs
 * (one request each). Budget use = requests accepted within the complete windows after the first request,
 * over what the limit allows in those windows; a client that waits exactly as long as it must scores 1.
 */
async function rateLimitRun(workRoot, emu, log) {
  emu.store.reset();
  emu.clearRequests();
  emu.configure({ rateLimit: RATE_LIMIT });
  const resources = Array.from({ length: rateLimitN }, (_, i) => ({
    type: "RedirectUrl",
    name: `rl${i}`,
    args: { url: `https://rl${i}.example.com/cb` },
  }));
  const stack = await createStack(workRoot, "rate-limit", emu.url, SECRET_KEY);
  const t = performance.now();
  let error;
  let summary;
  try {
    stack.workspace.program = program(resources);
    const r = await stack.up({ parallel, color: "never" });
    summary = r.summary.resourceChanges;
  } catch (e) {
    error = String(e?.message ?? e).slice(0, 2000);
  }
  const wallMs = Math.round(performance.now() - t);
  const reqs = emu.requests();
  emu.configure({ rateLimit: null });
  const times = reqs.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  const accepted = reqs.filter((r) => r.status > 0 && r.fault !== "rateLimit");
  const rejected = reqs.length - accepted.length;
  const t0 = times[0] ?? 0;
  const spanMs = (times.at(-1) ?? 0) - t0;
  const windows = Math.floor(spanMs / RATE_LIMIT.windowMs);
  const inWindows = accepted.filter((r) => Date.parse(r.at) < t0 + windows * RATE_LIMIT.windowMs).length;
  const allowedPerSec = RATE_LIMIT.requests / (RATE_LIMIT.windowMs / 1000);
  const out = {
    n: rateLimitN,
    limit: RATE_LIMIT,
    ok: error === undefined,
    error,
    changes: summary,
    wallMs,
    requests: reqs.length,
    accepted: accepted.length,
    rejected429: rejected,
    failed: accepted.filter((r) => r.status >= 400).length,
    firstToLastMs: spanMs,
    fullWindows: windows,
    budgetUse: windows > 0 ? round2(inWindows / (windows * RATE_LIMIT.requests)) : null,
    achievedPerSecFirstToLast: round2(accepted.length / (spanMs / 1000)),
    allowedPerSec,
  };
  log(
    `rate limit: ${out.accepted} accepted, ${out.rejected429} answered 429, budget use ${out.budgetUse} over ${windows} windows, ${wallMs} ms`,
  );
  // No destroy: the emulator's store is reset and the stack's work dir removed, which saves a minute.
  emu.store.reset();
  return out;
}

/**
 * Scale: what one resource costs beyond the fixed cost, ours against Pulumi's floor (do-nothing dynamic
 * resources), with the engine's defaults and with the settings the README recommends; then N objects at
 * Clerk's production limit, without and with 2 % faults. Marginal cost = (wall(N) - wall(mid)) / (N - mid)
 * under the same settings (mid = --scale-mid, 300 by default).
 */
async function scaleRuns(workRoot, emu, log) {
  const mid = scaleMid;
  const tuned = { parallel: scaleParallel, envVars: SCALE_ENV };
  const common = { workRoot, emu, secretKey: SECRET_KEY };
  const live = { secretKey: LIVE_KEY };
  const runs = {};
  const only = argv["scale-runs"]?.split(",");
  const go = async (key, opts) => {
    if (only && !only.includes(key)) return;
    runs[key] = await scaleUp({ ...common, label: key, ...opts });
    const r = runs[key];
    log(
      `scale ${key}: N=${r.n} ${r.ok ? "ok" : "FAILED"} ${r.wallMs} ms (${r.msPerResource} ms/resource), ${r.requests} requests` +
        (r.budgetUse != null ? `, budget use ${r.budgetUse}` : ""),
    );
  };
  await go("floorDefaultsMid", { floor: mid, parallel });
  await go("floorTunedMid", { floor: mid, ...tuned });
  await go("oursTunedMid", { resources: resourcesFor(mid, "tmid"), ...tuned });
  await go("floorProduction", { floor: scaleN, limit: PRODUCTION_LIMIT, ...tuned });
  await go("oursProduction", {
    resources: resourcesFor(scaleN, "p"),
    limit: PRODUCTION_LIMIT,
    ...tuned,
    ...live,
  });
  await go("oursProductionFaults", {
    resources: resourcesFor(scaleN, "f"),
    limit: PRODUCTION_LIMIT,
    faults: FAULTS_2PCT,
    ...tuned,
    ...live,
  });
  // The sdk alone at the production limit: what the client does with the budget when the engine is
  // not what sets the pace.
  const sdkAlone = await sdkPacingRuns({
    emu,
    n: scaleN,
    limit: PRODUCTION_LIMIT,
    inFlights: [scaleParallel],
    live: true,
    log,
  });
  const marginal = (big, small) =>
    !runs[big] || !runs[small]
      ? null
      : round2((runs[big].wallMs - runs[small].wallMs) / (runs[big].n - runs[small].n));
  return {
    tuned: { parallel: scaleParallel, env: SCALE_ENV },
    runs,
    sdkAlone,
    marginalMsPerResource: {
      ours: marginal("oursProduction", "oursTunedMid"),
      floor: marginal("floorProduction", "floorTunedMid"),
    },
  };
}

function printTable(results) {
  const pad = (s, w) => String(s).padStart(w);
  if (results.sizes.length > 0) {
    console.log("\nRequests per operation (actual / target)");
    console.log(
      `${pad("N", 5)} ${pad("up", 11)} ${pad("preview", 11)} ${pad("refresh", 11)} ${pad("destroy", 11)}`,
    );
    for (const r of results.sizes) {
      const c = (k) => `${r.ops[k].requests}/${r.expected[k]}`;
      console.log(
        `${pad(r.n, 5)} ${pad(c("up"), 11)} ${pad(c("preview"), 11)} ${pad(c("refresh"), 11)} ${pad(c("destroy"), 11)}`,
      );
    }
    console.log("\nState per resource (bytes; __provider counted in inputs and outputs)");
    console.log(
      `${pad("N", 5)} ${pad("provider avg", 13)} ${pad("provider max", 13)} ${pad("total avg", 10)} ${pad("total max", 10)} ${pad("checkpoint", 11)}`,
    );
    for (const r of results.sizes) {
      const s = r.state;
      console.log(
        `${pad(r.n, 5)} ${pad(s.providerBytesAvg, 13)} ${pad(s.providerBytesMax, 13)} ${pad(s.totalBytesAvg, 10)} ${pad(s.totalBytesMax, 10)} ${pad(s.checkpointBytes, 11)}`,
      );
    }
    console.log("\nWall time (s) and per resource (ms)");
    console.log(
      `${pad("N", 5)} ${pad("up", 14)} ${pad("preview", 14)} ${pad("refresh", 14)} ${pad("destroy", 14)} ${pad("script c+d", 12)} ${pad("up/script", 10)} ${pad("conc. c+d", 12)} ${pad("up/conc.", 9)}`,
    );
    for (const r of results.sizes) {
      const w = (k) => `${(r.ops[k].wallMs / 1000).toFixed(1)} (${Math.round(r.ops[k].wallMs / r.n)})`;
      const sc = r.script
        ? `${(r.script.createMs / 1000).toFixed(1)}+${(r.script.deleteMs / 1000).toFixed(1)}`
        : "-";
      const cc = r.concurrentScript
        ? `${(r.concurrentScript.createMs / 1000).toFixed(1)}+${(r.concurrentScript.deleteMs / 1000).toFixed(1)}`
        : "-";
      console.log(
        `${pad(r.n, 5)} ${pad(w("up"), 14)} ${pad(w("preview"), 14)} ${pad(w("refresh"), 14)} ${pad(w("destroy"), 14)} ${pad(sc, 12)} ${pad(r.ratio?.upVsScriptCreate ?? "-", 10)} ${pad(cc, 12)} ${pad(r.ratio?.upVsConcurrentScript ?? "-", 9)}`,
      );
    }
  }
  if (results.sizes.length > 1) {
    const [a, b] = [results.sizes[0], results.sizes.at(-1)];
    const g = (k) => round2((b.ops[k].wallMs - a.ops[k].wallMs) / (b.n - a.n));
    console.log(
      `growth (ms per extra resource, N=${a.n}→${b.n}): up ${g("up")}, preview ${g("preview")}, refresh ${g("refresh")}, destroy ${g("destroy")}`,
    );
  }
  const rl = results.rateLimit;
  if (rl) {
    console.log(
      `\nRate limit ${rl.limit.requests}/${rl.limit.windowMs / 1000}s, up of ${rl.n}: ${rl.ok ? "ok" : "FAILED"}, budget use ${rl.budgetUse} (target >= 0.85), ` +
        `${rl.accepted} accepted, ${rl.rejected429} answered 429, ${rl.failed} failed, ${(rl.wallMs / 1000).toFixed(1)} s wall`,
    );
  }
  if (results.configDocument) printConfigDoc(results.configDocument);
  if (results.require) {
    console.log(
      `cold require of pulumi-clerk/runtime in a provider-like process: median ${results.require.medianMs} ms (${results.require.runs.join(", ")})`,
    );
  }
  if (results.fixedCost) printFixedCost(results.fixedCost);
  if (results.devLimit) printDevLimit(results.devLimit);
  if (results.scale) printScale(results.scale, results.sizes);
  console.log(
    `load average ${results.meta.loadAverageAtStart.join(" ")} → ${results.meta.loadAverageAtEnd.join(" ")} on ${results.meta.cpus} CPUs (timings are noisy when it exceeds the CPU count)`,
  );
}

function printFixedCost(f) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nFixed cost: a no-op preview through the pulumi CLI (median of ${f.runs} runs, taken in turn)`,
  );
  console.log(`  empty TypeScript program                       ${s(f.emptyMs)}`);
  console.log(`  five do-nothing dynamic resources (the floor)  ${s(f.dynamicFloorMs)}`);
  console.log(
    `  quickstart (five Clerk resources)              ${s(f.quickstartMs)}   ratio to empty ${f.ratio} (target <= ${f.target}), to the floor ${f.ratioToDynamicFloor}`,
  );
  console.log(
    `  quickstart with pulumi-clerk's policy pack     ${s(f.quickstartPolicyPackMs)}   the pack adds ${s(f.policyPackAddsMs)}`,
  );
  const p = f.quickstartPhases;
  console.log(
    `  quickstart phases (median ms): CLI + language host ${p.cliAndLanguageHostMs} | program boot ${p.programBootMs} | ` +
      `TypeScript ${p.typescriptMs} (ts-node's cache) | require pulumi-clerk ${p.clerkLoadMs} | program ${p.programRunMs} | ` +
      `waiting on engine + provider ${p.programWaitMs} | after the program ${p.afterProgramMs}`,
  );
  console.log(
    `  provider process (median ms): starts at ${p.providerStartAtMs}, host ready after ${p.providerBootMs}, require pulumi-clerk/runtime ${p.providerRuntimeLoadMs}` +
      ` (floor: starts at ${f.dynamicFloorPhases.providerStartAtMs}, ready after ${f.dynamicFloorPhases.providerBootMs})`,
  );
  const c = f.coldTypeScript;
  console.log(
    `  after an edit of the program (ts-node's cache misses): TypeScript ${c.quickstart.typescriptMs} ms of ${s(c.quickstart.totalMs)} (floor: ${c.dynamicFloor.typescriptMs} ms of ${s(c.dynamicFloor.totalMs)})`,
  );
  const e = f.edit;
  if (e)
    console.log(
      `  first preview after a one-line edit of the quickstart: ${s(e.editedMs)} against ${s(e.cachedMs)} unedited (cached), ratio ${e.ratio} (target <= ${e.target}); TypeScript ${e.typescriptMs.edited} / ${e.typescriptMs.cached} ms; load ${e.loadAverage1m}`,
    );
  const u = f.up;
  console.log(
    `  first up of the quickstart (TypeScript not cached): ${s(u.totalMs)}, TypeScript ${u.typescriptMs} ms, first request at ${u.firstRequestMs} ms`,
  );
}

function printDevLimit(d) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `\nUp and destroy of ${d.n} at Clerk's development limit (${d.limit.requests}/${d.limit.windowMs / 1000}s), --parallel ${d.parallel} ${JSON.stringify(d.envVars)}; floor = time the limit allows for the requests counted + fixed cost (up/destroy of ${d.fixedCost.n} without a limit: ${s(d.fixedCost.upMs)} / ${s(d.fixedCost.destroyMs)})`,
  );
  for (const [kind, target] of [
    ["clean", d.targets.clean],
    ["faults", d.targets.faults],
  ]) {
    for (const op of ["up", "destroy"]) {
      const r = d[kind][op];
      console.log(
        `  ${(kind === "clean" ? "no faults" : "2 % faults").padEnd(10)} ${op.padEnd(7)} ${r.ok ? "ok" : "FAILED"} ${s(r.wallMs).padStart(7)}  floor ${s(r.floorMs).padStart(7)}  ratio ${r.ratio} (target <= ${target})` +
          `  ${r.counted} counted, ${r.refused429} refused 429, ${r.failedAnswers} failed answers, idle > 1 s: ${s(r.idleOver1sMs)}, load ${r.loadAverage1m}` +
          (r.counted > r.n
            ? `  (floor for ${r.n} requests: ${s(r.minimalFloorMs)}, ratio ${r.ratioToMinimalFloor})`
            : ""),
      );
    }
  }
}

function printScale(sc, sizes) {
  const row = (r) =>
    `${String(r.n).padStart(5)}  ${(r.ok ? "ok" : "FAILED").padEnd(6)} ${(r.wallMs / 1000).toFixed(1).padStart(6)} s ${String(r.msPerResource).padStart(7)} ms/res ${String(r.requests).padStart(6)} req` +
    (r.budgetUse != null
      ? `  budget use ${r.budgetUse} (target >= 0.85; ${r.achievedPerSec}/s of ${r.allowedPerSec}/s)`
      : "") +
    (Object.keys(r.byFault).length ? `  faults ${JSON.stringify(r.byFault)}` : "") +
    (r.objects !== undefined ? `  objects ${r.objects}` : "");
  const env = Object.entries(sc.tuned.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  console.log(`\nScale (tuned = --parallel ${sc.tuned.parallel} and ${env})`);
  const ours300 = sizes.find((x) => x.n === sc.runs.oursTunedMid?.n);
  if (ours300)
    console.log(
      `  ours, engine defaults         ${row({ n: ours300.n, ok: true, wallMs: ours300.ops.up.wallMs, msPerResource: Math.round(ours300.ops.up.wallMs / ours300.n), requests: ours300.ops.up.requests, byFault: {} })}`,
    );
  const labels = {
    floorDefaultsMid: "floor, engine defaults       ",
    floorTunedMid: "floor, tuned                 ",
    oursTunedMid: "ours, tuned                  ",
    floorProduction: "floor, tuned, 1000/10s limit ",
    oursProduction: "ours, tuned, 1000/10s limit  ",
    oursProductionFaults: "ours, same, 2 % faults       ",
  };
  for (const [k, label] of Object.entries(labels))
    if (sc.runs[k]) console.log(`  ${label} ${row(sc.runs[k])}`);
  for (const r of sc.sdkAlone ?? [])
    console.log(
      `  sdk alone (no engine), ${r.inFlight} in flight, ${r.paced ? "paced" : "pace: false (before)"}: ${(r.wallMs / 1000).toFixed(1)} s, budget use ${r.budgetUse} (target >= 0.85), ${r.refused429} refused 429, load ${r.loadAverage1m}`,
    );
  console.log(
    `  marginal cost per resource (tuned, ${sc.runs.oursTunedMid?.n} -> ${sc.runs.oursProduction?.n}): ours ${sc.marginalMsPerResource.ours} ms, floor ${sc.marginalMsPerResource.floor} ms`,
  );
}

function countBy(xs, key) {
  const out = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

const round2 = (x) => Math.round(x * 100) / 100;

function gitHead() {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});
