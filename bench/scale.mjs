// One `pulumi up` of many objects under a rate limit (and optionally injected faults), measured from the
// emulator's request log: how much of Clerk's budget it uses, what failed, what was retried.
import { createStack, floorProgram, program } from "./stack.mjs";

/**
 * Budget use = requests accepted within the complete windows after the first request, over what the
 * limit allows in those windows: a client that waits exactly as long as it must scores 1. With fewer
 * than one complete window (a run that fits in one), it is the rate achieved over the limit's rate,
 * first request to last, at most 1.
 */
export function budgetUse(reqs, limit) {
  const times = reqs.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  const accepted = reqs.filter((r) => r.status > 0 && r.fault !== "rateLimit");
  const t0 = times[0] ?? 0;
  const spanMs = (times.at(-1) ?? 0) - t0;
  const windows = Math.floor(spanMs / limit.windowMs);
  const allowedPerSec = limit.requests / (limit.windowMs / 1000);
  const achievedPerSec = spanMs > 0 ? accepted.length / (spanMs / 1000) : null;
  const inWindows = accepted.filter((r) => Date.parse(r.at) < t0 + windows * limit.windowMs).length;
  return {
    firstToLastMs: spanMs,
    fullWindows: windows,
    budgetUse:
      windows > 0
        ? round2(inWindows / (windows * limit.requests))
        : achievedPerSec === null
          ? null
          : // The limiter makes more than the limit impossible: an apparent excess is the gap between
            // when a request arrived (the log) and when the limiter counted it.
            Math.min(1, round2(achievedPerSec / allowedPerSec)),
    achievedPerSec: achievedPerSec === null ? null : round2(achievedPerSec),
    allowedPerSec,
  };
}

/**
 * An up of `resources` (or, with `floor`, of as many do-nothing dynamic resources) into a fresh stack
 * under `limit` and `faults`. `envVars` reach the CLI (e.g. PULUMI_SKIP_CHECKPOINTS).
 */
export async function scaleUp({
  workRoot,
  emu,
  label,
  resources,
  floor,
  limit,
  faults,
  parallel,
  envVars,
  secretKey,
}) {
  emu.store.reset();
  emu.clearRequests();
  emu.configure({ rateLimit: limit ?? null, faults: faults ?? null });
  const n = floor ?? resources.length;
  const stack = await createStack(workRoot, label, emu.url, secretKey, envVars);
  stack.workspace.program = floor ? floorProgram(floor) : program(resources);
  const t = performance.now();
  let error;
  let changes;
  try {
    const r = await stack.up({ parallel, color: "never" });
    changes = r.summary.resourceChanges;
  } catch (e) {
    error = String(e?.message ?? e).slice(-3000);
  }
  const wallMs = Math.round(performance.now() - t);
  const reqs = emu.requests();
  emu.configure({ rateLimit: null, faults: null });
  const byFault = {};
  for (const r of reqs) if (r.fault) byFault[r.fault] = (byFault[r.fault] ?? 0) + 1;
  const out = {
    label,
    n,
    parallel: parallel ?? "engine default",
    envVars: envVars ?? {},
    limit: limit ?? null,
    faults: faults ?? null,
    // The summary counts the stack itself among the creates.
    ok: error === undefined && (changes?.create ?? 0) === n + 1,
    error,
    changes,
    wallMs,
    msPerResource: round2(wallMs / n),
    requests: reqs.length,
    // Requests beyond one per object: retries after a fault or a 429, and lookups after a lost answer.
    extraRequests: reqs.length - (floor ? 0 : n),
    byFault,
    failedAnswers: reqs.filter((r) => r.status >= 400 && !r.fault).length,
    ...(limit ? budgetUse(reqs, limit) : {}),
  };
  if (!floor) out.objects = countObjects(emu.store);
  emu.store.reset();
  return out;
}

/** Objects the emulator holds after the up: a lost create repeated blindly would show as more than n. */
function countObjects(store) {
  const n = (c) => c.list().length;
  return (
    n(store.redirectUrls) +
    n(store.allowlistIdentifiers) +
    n(store.blocklistIdentifiers) +
    n(store.jwtTemplates)
  );
}

const round2 = (x) => Math.round(x * 100) / 100;
