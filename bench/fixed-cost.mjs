// The fixed cost of an operation through the real `pulumi` CLI, as a user runs it: a no-op preview of
// the quickstart (examples/quickstart, six resources) against a preview of an empty TypeScript program,
// in alternation, and where the quickstart's time goes. bench/probe-hook.cjs, loaded into the program
// process and the dynamic-provider process, records when each phase starts and ends.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PROBE_HOOK = fileURLToPath(new URL("./probe-hook.cjs", import.meta.url));
const PROJECT_FILES = ["index.ts", "tsconfig.json", "tsconfig.pulumi.json", "package.json"];
const FLOOR_PROGRAM = `// Five dynamic resources (as many as the quickstart) whose provider loads nothing and does nothing.
import * as pulumi from "@pulumi/pulumi";
const provider =
  'exports.handler = () => ({ check: async (_o, n) => ({ inputs: n }), diff: async () => ({}), ' +
  'create: async (i) => ({ id: String(i.n), outs: i }), delete: async () => {} });\\n';
class Nothing extends pulumi.CustomResource {
  constructor(name: string, n: number) {
    super("pulumi-nodejs:dynamic:Resource", name, { __provider: provider, n });
  }
}
for (let n = 0; n < 5; n++) new Nothing(\`r\${n}\`, n);
`;

/**
 * Runs `runs` no-op previews of each project (alternating, so both see the same load) and returns the
 * medians, the ratio, each phase of the quickstart's preview, and the first `up` with its first request.
 */
export async function measureFixedCost({
  root,
  engine,
  languageHostBin,
  emu,
  workRoot,
  runs,
  secretKey,
  log,
}) {
  const work = join(workRoot, "fixed-cost");
  const quickstart = join(work, "quickstart");
  const empty = join(work, "empty");
  // Copies below the repository: `pulumi-clerk` and `@pulumi/pulumi` resolve from its node_modules, as
  // in examples/quickstart itself, and the stack's config file stays out of examples/.
  mkdirSync(quickstart, { recursive: true });
  mkdirSync(empty, { recursive: true });
  for (const f of [...PROJECT_FILES, "Pulumi.yaml"])
    copyFileSync(join(root, "examples", "quickstart", f), join(quickstart, f));
  const yaml = readFileSync(join(quickstart, "Pulumi.yaml"), "utf8").replace(
    /^name: .*$/m,
    "name: clerk-bench-empty",
  );
  writeFileSync(join(empty, "Pulumi.yaml"), yaml);
  for (const f of PROJECT_FILES.slice(1)) copyFileSync(join(quickstart, f), join(empty, f));
  writeFileSync(join(empty, "index.ts"), "// Nothing: Pulumi's own floor.\nexport {};\n");
  // Pulumi's floor for the quickstart's five dynamic resources: the same dynamic-provider process, with a provider module
  // that loads nothing and does nothing.
  const floor = join(work, "dynamic-floor");
  mkdirSync(floor, { recursive: true });
  writeFileSync(join(floor, "Pulumi.yaml"), yaml.replace("clerk-bench-empty", "clerk-bench-dynamic-floor"));
  for (const f of PROJECT_FILES.slice(1)) copyFileSync(join(quickstart, f), join(floor, f));
  writeFileSync(join(floor, "index.ts"), FLOOR_PROGRAM);

  const probes = join(work, "probes");
  const env = {
    ...process.env,
    PATH: [
      join(root, "node_modules", ".bin"),
      dirname(engine.bin),
      dirname(languageHostBin),
      process.env.PATH,
    ].join(delimiter),
    PULUMI_BACKEND_URL: `file://${join(work, ".backend")}`,
    PULUMI_HOME: join(work, ".pulumi-home"),
    PULUMI_CONFIG_PASSPHRASE: "bench",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
  mkdirSync(join(work, ".backend"), { recursive: true });
  const pulumi = async (cwd, args, probeDir, extraEnv = {}) => {
    const runEnv = probeDir
      ? {
          ...env,
          ...extraEnv,
          NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${PROBE_HOOK}`.trim(),
          PULUMI_CLERK_PROBE_DIR: probeDir,
        }
      : env;
    const r = await run(engine.bin, [...args, "--non-interactive", "--stack", "bench"], cwd, runEnv);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} in ${cwd} failed:\n${r.stdout}${r.stderr}`);
    return r;
  };
  for (const dir of [quickstart, empty, floor]) await pulumi(dir, ["stack", "init"]);
  // Every preview measured is a no-op of an existing stack.
  for (const dir of [empty, floor]) await pulumi(dir, ["up", "--yes", "--skip-preview"]);
  await pulumi(quickstart, ["config", "set", "clerk:apiUrl", emu.url]);
  await pulumi(quickstart, ["config", "set", "--secret", "clerk:secretKey", secretKey]);

  emu.clearRequests();
  const upProbe = join(probes, "up");
  mkdirSync(upProbe, { recursive: true });
  const up = await pulumi(quickstart, ["up", "--yes", "--skip-preview"], upProbe);
  const firstRequestAt = Date.parse(emu.requests()[0]?.at ?? "");
  const upPhases = phases(up, readProbes(upProbe));
  upPhases.firstRequestMs = Number.isFinite(firstRequestAt)
    ? Math.round(firstRequestAt - up.startedAt)
    : null;
  log(`fixed cost: quickstart up ${upPhases.totalMs} ms, first request at ${upPhases.firstRequestMs} ms`);

  const samples = { empty: [], dynamicFloor: [], quickstart: [], quickstartPolicyPack: [] };
  // The same preview with pulumi-clerk's policy pack (the repository's policy-pack/ folder, as
  // `--policy-pack node_modules/pulumi-clerk/policy-pack` runs it in a user's project). Not probed: the
  // pack is a third Node process, and only the total matters here.
  const policyPack = ["preview", "--policy-pack", join(root, "policy-pack")];
  for (let i = 0; i < runs; i++) {
    for (const [name, dir, args, probed] of [
      ["empty", empty, ["preview"], true],
      ["dynamicFloor", floor, ["preview"], true],
      ["quickstart", quickstart, ["preview"], true],
      ["quickstartPolicyPack", quickstart, policyPack, false],
    ]) {
      const probeDir = join(probes, `${name}-${i}`);
      mkdirSync(probeDir, { recursive: true });
      const r = await pulumi(dir, args, probed ? probeDir : undefined);
      if (/\d+ to (create|update|replace|delete)/.test(r.stdout))
        throw new Error(`the ${name} preview is not a no-op:\n${r.stdout}`);
      samples[name].push(phases(r, probed ? readProbes(probeDir) : []));
    }
    log(
      `fixed cost run ${i + 1}/${runs}: empty ${samples.empty[i].totalMs} ms, dynamic floor ${samples.dynamicFloor[i].totalMs} ms, quickstart ${samples.quickstart[i].totalMs} ms, with the policy pack ${samples.quickstartPolicyPack[i].totalMs} ms`,
    );
  }
  // A preview right after the program was edited: ts-node's cache (in the system's temp folder,
  // keyed by the source) misses, so the program is type-checked, along with every declaration file it
  // imports. Measured for the floor and the quickstart: the difference is our declaration files.
  const coldSamples = { dynamicFloor: [], quickstart: [] };
  for (let i = 0; i < (runs >= 3 ? 3 : 1); i++) {
    for (const [name, dir] of [
      ["dynamicFloor", floor],
      ["quickstart", quickstart],
    ]) {
      const probeDir = join(probes, `${name}-cold-${i}`);
      mkdirSync(probeDir, { recursive: true });
      const cache = join(work, `ts-cache-${name}-${i}`);
      const r = await pulumi(dir, ["preview"], probeDir, { TS_NODE_CACHE_DIRECTORY: cache });
      coldSamples[name].push(phases(r, readProbes(probeDir)));
    }
  }
  const cold = {};
  for (const [name, xs] of Object.entries(coldSamples)) {
    cold[name] = {
      totalMs: median(xs.map((p) => p.totalMs)),
      typescriptMs: median(xs.map((p) => p.typescriptMs)),
      runs: xs.map((p) => p.typescriptMs),
    };
  }
  log(
    `fixed cost, TypeScript not cached: floor ${cold.dynamicFloor.typescriptMs} ms, quickstart ${cold.quickstart.typescriptMs} ms`,
  );
  const edit = await measureEdit({ quickstart, probes, runs: runs >= 3 ? 3 : 2, pulumi });
  log(
    `fixed cost, first preview after a one-line edit: ${edit.editedMs} ms against ${edit.cachedMs} ms unedited, ratio ${edit.ratio} (target <= ${edit.target})`,
  );
  rmSync(probes, { recursive: true, force: true });
  const emptyMs = median(samples.empty.map((s) => s.totalMs));
  const quickstartMs = median(samples.quickstart.map((s) => s.totalMs));
  const dynamicFloorMs = median(samples.dynamicFloor.map((s) => s.totalMs));
  const policyPackMs = median(samples.quickstartPolicyPack.map((s) => s.totalMs));
  return {
    runs,
    emptyMs,
    dynamicFloorMs,
    quickstartMs,
    ratio: Math.round((quickstartMs / emptyMs) * 100) / 100,
    // Against five do-nothing dynamic resources: what pulumi-clerk itself adds.
    ratioToDynamicFloor: Math.round((quickstartMs / dynamicFloorMs) * 100) / 100,
    // The quickstart's preview with pulumi-clerk's policy pack, and what the pack adds to it.
    quickstartPolicyPackMs: policyPackMs,
    policyPackAddsMs: policyPackMs - quickstartMs,
    target: 1.2,
    // Each phase's median over the runs (the phases of one run add up to its total; medians need not).
    quickstartPhases: medianPhases(samples.quickstart),
    dynamicFloorPhases: medianPhases(samples.dynamicFloor),
    emptyPhases: medianPhases(samples.empty),
    samples,
    coldTypeScript: cold,
    edit,
    up: upPhases,
  };
}

/**
 * The first preview after a one-line edit of the quickstart's program (ts-node's cache misses for it),
 * each followed by the same preview unedited (cached), in turn so both see the same load.
 */
async function measureEdit({ quickstart, probes, runs, pulumi }) {
  const file = join(quickstart, "index.ts");
  const source = readFileSync(file, "utf8");
  const samples = { edited: [], cached: [] };
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(file, `${source}\nexport const editedAt = ${Date.now()};\n`);
      for (const kind of ["edited", "cached"]) {
        const probeDir = join(probes, `edit-${kind}-${i}`);
        mkdirSync(probeDir, { recursive: true });
        const r = await pulumi(quickstart, ["preview"], probeDir);
        samples[kind].push(phases(r, readProbes(probeDir)));
      }
    }
  } finally {
    writeFileSync(file, source);
  }
  const editedMs = median(samples.edited.map((p) => p.totalMs));
  const cachedMs = median(samples.cached.map((p) => p.totalMs));
  return {
    runs,
    editedMs,
    cachedMs,
    ratio: Math.round((editedMs / cachedMs) * 100) / 100,
    target: 1.3,
    typescriptMs: {
      edited: median(samples.edited.map((p) => p.typescriptMs)),
      cached: median(samples.cached.map((p) => p.typescriptMs)),
    },
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    samples,
  };
}

/** One operation's phases, in ms from the CLI's start (see probe-hook.cjs for what is recorded). */
function phases(r, probes) {
  const t0 = r.startedAt;
  const prog = probes.find((p) => p.role === "program");
  const prov = probes.find((p) => p.role === "provider");
  const span = (x) => (x?.start !== undefined && x.end !== undefined ? x.end - x.start : 0);
  const out = { totalMs: r.endedAt - t0 };
  if (prog) {
    const programLoad = prog.loads.program;
    const clerk = span(prog.loads["pulumi-clerk"]);
    Object.assign(out, {
      // CLI start, backend and stack, plugins, language host start, until the program's `node` starts.
      cliAndLanguageHostMs: prog.processStart - t0,
      // Node start, @pulumi/pulumi's program runner, ts-node set-up, until the program file is required.
      programBootMs: (programLoad?.start ?? prog.exit) - prog.processStart,
      // ts-node: type check and emit of the program (the first file pays for the language service).
      typescriptMs: prog.tsCompileMs,
      // require("pulumi-clerk") from the program.
      clerkLoadMs: clerk,
      // The program's own statements (constructing the resources).
      programRunMs: Math.max(0, span(programLoad) - prog.tsCompileMs - clerk),
      // From the end of the program's top level to its exit: registrations answered by the engine,
      // which waits for the provider's `check` (and, in an up, the creates).
      programWaitMs: prog.exit - (programLoad?.end ?? prog.exit),
      // After the program exits: the engine finishes, the provider is shut down, the CLI prints.
      afterProgramMs: r.endedAt - prog.exit,
    });
  }
  if (prov) {
    Object.assign(out, {
      providerStartAtMs: prov.processStart - t0,
      // Node start and Pulumi's dynamic-provider host until its gRPC server listens.
      providerBootMs: (prov.firstStdout ?? prov.exit) - prov.processStart,
      // require("pulumi-clerk/runtime"): on the first call that needs a resource's provider.
      providerRuntimeLoadMs: span(prov.loads["pulumi-clerk/runtime"]),
      providerListeningAtMs: (prov.firstStdout ?? prov.exit) - t0,
    });
  }
  for (const [k, v] of Object.entries(out)) out[k] = Math.round(v);
  return out;
}

function medianPhases(samples) {
  const out = {};
  for (const k of Object.keys(samples[0] ?? {})) out[k] = median(samples.map((s) => s[k]));
  return out;
}

function readProbes(dir) {
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

/** Runs a command without blocking this process (the emulator answers from it). */
function run(bin, args, cwd, env) {
  const startedAt = Date.now();
  const child = spawn(bin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  return new Promise((done) =>
    child.on("close", (code) => done({ code: code ?? 1, stdout, stderr, startedAt, endedAt: Date.now() })),
  );
}

export function median(xs) {
  const s = [...xs].filter((x) => typeof x === "number").sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor((s.length - 1) / 2)];
}
