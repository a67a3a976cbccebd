// The e2e harness: runs a Pulumi program under the real Pulumi engine (CLI built by `npm run engine`)
// with a throwaway `file://` backend and a passphrase secrets provider, and hands the test the engine's
// own results (change summary, outputs, steps, diagnostics, stdout/stderr, `stack export`).
//
// The one way tests run programs: a plain JavaScript module exporting `(params) => outputs` that
// constructs the resources, run as an Automation API inline program in a child Node 24 process
// (runner.cjs explains why). Each operation is one child process. Each stack gets a work dir under the
// repo's gitignored tmp/e2e/, laid out like a user's project (Pulumi.yaml, the program copied in,
// node_modules/ for `packages`), which is the cwd of the engine and of the dynamic-provider process,
// so `require("pulumi-clerk/...")` resolves there through the repo's self-link. The backend
// (file://) and PULUMI_HOME live inside it too; cleanup() removes it all.
//
//   const stack = await createTestStack({ program: "fixtures/proof-program.cjs", apiUrl, secretKey });
//   const up = await stack.up({ params: { things: [{ key: "a" }] } }); // throws EngineError on failure
//   expect(up.summary.create).toBe(2);                             // counts include the Stack itself
//   const bad = await stack.attempt("preview", { params: {...} });   // never throws: { ok: false, message }
//   const state = await stack.exportState();                        // { text, deployment, resources }
//   await stack.destroy(); await stack.cleanup();
import { execFile, spawn } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { promisify } from "node:util";
import { type FoundEngine, findEngine } from "../../../tools/engine.mjs";

const execFileAsync = promisify(execFile);

export const REPO_ROOT = resolve(__dirname, "../../..");
const E2E_DIR = resolve(__dirname, "..");
/** Work dirs live under the repository's gitignored tmp/, so the repo's node_modules resolve from them. */
export const WORK_ROOT = join(REPO_ROOT, "tmp", "e2e");
const RUNNER = join(__dirname, "runner.cjs");
const NODE_BIN_DIR = join(REPO_ROOT, "node_modules", ".bin");
/** `pulumi-resource-pulumi-nodejs` (the dynamic-provider launcher) ships in the package root. */
const DYNAMIC_PROVIDER_DIR = join(REPO_ROOT, "node_modules", "@pulumi", "pulumi");
const LAUNCHER = "pulumi-resource-pulumi-nodejs";

export type Op = "up" | "preview" | "refresh" | "destroy";

/** The engine's change summary; keys beyond the five (e.g. "create-replacement") appear when the engine reports them. */
export interface ChangeSummary {
  create: number;
  update: number;
  delete: number;
  replace: number;
  same: number;
  [op: string]: number;
}

export interface Step {
  op: string;
  urn: string;
  type: string;
  name: string;
  diffs: string[];
  keys: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff: boolean }>;
}

export interface Diagnostic {
  severity: string;
  message: string;
  urn?: string;
}

export interface OpResult {
  ok: true;
  op: Op;
  summary: ChangeSummary;
  /** Stack outputs (only `up` reports them), secrets decrypted; `secretOutputs` names the secret ones. */
  outputs: Record<string, unknown>;
  secretOutputs: string[];
  steps: Step[];
  diagnostics: Diagnostic[];
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The runner process's own output: the program's console.log, Node warnings. */
  programOutput: string;
}

export interface OpFailure {
  ok: false;
  op: Op;
  /** The engine's error diagnostics joined (e.g. a failed `check`), else the command's error text. */
  message: string;
  detail?: string;
  steps: Step[];
  diagnostics: Diagnostic[];
  stdout: string;
  stderr: string;
  durationMs: number;
  programOutput: string;
}

export type OpOutcome = OpResult | OpFailure;

export class EngineError extends Error {
  constructor(readonly outcome: OpFailure) {
    super(
      `pulumi ${outcome.op} failed: ${outcome.message}\n--- stdout\n${outcome.stdout}\n--- stderr\n${outcome.stderr}\n--- program\n${outcome.programOutput}`,
    );
    this.name = "EngineError";
  }
}

export interface OpOptions {
  /** Replaces the stack's params for this and later operations. */
  params?: unknown;
  /** Passed to the Automation API call as is: expectNoChanges, target, replace, diff, refresh, ... */
  options?: Record<string, unknown>;
}

export type ConfigValue = string | { value: string; secret?: boolean };

export interface TestStackOptions {
  /** A .js/.cjs module exporting `(params) => outputs | Promise<outputs>`; relative to test/e2e/ or absolute. */
  program: string;
  /** `clerk:apiUrl`. */
  apiUrl?: string;
  /** `clerk:secretKey`, always set as a secret. */
  secretKey?: string;
  /** More stack config, e.g. `{ "clerk:apiVersion": "2026-05-12" }`. */
  config?: Record<string, ConfigValue>;
  /** JSON value handed to the program function; change it per operation with `op({ params })`. */
  params?: unknown;
  /** Extra env for the engine, the program and the dynamic-provider process. */
  env?: Record<string, string>;
  /**
   * Packages to install into the work dir's node_modules: name -> package folder (relative to test/e2e/
   * or absolute; `SELF` for this repository's package as npm would ship it). Anything else resolves from
   * the repository's node_modules (including its self-link `pulumi-clerk`).
   */
  packages?: Record<string, string>;
  /** Used in the work dir name and the project name. */
  name?: string;
}

export interface StackExport {
  /** `pulumi stack export` output, exactly as printed (secrets stay encrypted). */
  text: string;
  deployment: { version: number; deployment: { resources?: ExportedResource[]; [k: string]: unknown } };
  resources: ExportedResource[];
}

export interface ExportedResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [k: string]: unknown;
}

export interface TestStack {
  readonly workDir: string;
  readonly backendUrl: string;
  readonly projectName: string;
  readonly stackName: string;
  readonly engine: FoundEngine;
  /** The env every engine process runs with (PATH, PULUMI_*); handy for running the CLI by hand. */
  readonly env: NodeJS.ProcessEnv;
  params: unknown;
  up(o?: OpOptions): Promise<OpResult>;
  preview(o?: OpOptions): Promise<OpResult>;
  refresh(o?: OpOptions): Promise<OpResult>;
  destroy(o?: OpOptions): Promise<OpResult>;
  /** Runs an operation that may fail; returns `{ ok: false, message }` instead of throwing. */
  attempt(op: Op, o?: OpOptions): Promise<OpOutcome>;
  exportState(): Promise<StackExport>;
  setConfig(key: string, value: string, opts?: { secret?: boolean }): Promise<void>;
  /** Runs the CLI in the stack's work dir with the stack's env, e.g. `pulumi(["stack", "output", "--json"])`. */
  pulumi(args: string[]): Promise<{ stdout: string; stderr: string }>;
  /** Removes the work dir (backend included). Call after destroy. */
  cleanup(): Promise<void>;
}

let cachedEngine: FoundEngine | undefined;

/** The real Pulumi CLI, or a hard failure explaining how to get it (also under CI: never a skip). */
export function requireEngine(): FoundEngine {
  if (cachedEngine) return cachedEngine;
  const found = findEngine(process.env);
  if (!found) {
    throw new Error(
      `no Pulumi CLI >= 3.250 found (PATH, $PULUMI_HOME/versions/*/bin).${process.env.CI === "true" ? " CI must run `npm run engine` before the tests." : ""} Run \`npm run engine\` to build it (once, about 10 minutes on 2 cores; later runs take a second).`,
    );
  }
  cachedEngine = found;
  return found;
}

function fromE2e(p: string): string {
  return isAbsolute(p) ? p : resolve(E2E_DIR, p);
}

let counter = 0;

export async function createTestStack(opts: TestStackOptions): Promise<TestStack> {
  const engine = requireEngine();
  const label = (opts.name ?? "stack").replace(/[^a-zA-Z0-9-]/g, "-");
  const workDir = join(WORK_ROOT, `${label}-${process.pid}-${Date.now()}-${counter++}`);
  const backendDir = join(workDir, ".backend");
  const homeDir = join(workDir, ".pulumi-home");
  mkdirSync(backendDir, { recursive: true });
  mkdirSync(homeDir, { recursive: true });
  const projectName = `e2e-${label}`;
  const stackName = "e2e";
  const backendUrl = `file://${backendDir}`;
  const source = fromE2e(opts.program);
  if (!existsSync(source)) throw new Error(`program not found: ${source}`);

  // The work dir is laid out like a user's project: the program file next to node_modules/ holding
  // the packages "installed" (copied, never symlinked: see installPackage).
  const program = join(workDir, `index${extname(source)}`);
  copyFileSync(source, program);
  for (const [name, dir] of Object.entries(opts.packages ?? {})) {
    installPackage(fromE2e(dir), join(workDir, "node_modules", name));
  }

  // Inline programs still need a project file in the work dir; `runtime` is informational here.
  writeFileSync(
    join(workDir, "Pulumi.yaml"),
    `name: ${projectName}\nruntime: nodejs\nbackend:\n  url: ${backendUrl}\n`,
  );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    // Node 24 first (the dynamic-provider process runs `node`), then the CLI, then the dynamic-provider
    // launcher unless `npm run engine` bundled it next to the CLI (on PATH the engine warns on every run).
    PATH: [
      NODE_BIN_DIR,
      dirname(engine.bin),
      ...(existsSync(join(dirname(engine.bin), LAUNCHER)) ? [] : [DYNAMIC_PROVIDER_DIR]),
      opts.env?.PATH ?? process.env.PATH,
    ].join(delimiter),
    PULUMI_BACKEND_URL: backendUrl,
    // An own PULUMI_HOME keeps each test's workspace state out of ~/.pulumi; the CLI is found by path.
    PULUMI_HOME: homeDir,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
  };
  // Vitest's own variables would make @pulumi/pulumi or user code think it runs under a test runner.
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k === "NODE_OPTIONS") delete env[k];

  const cli = async (args: string[]) => {
    try {
      return await execFileAsync(engine.bin, [...args, "--non-interactive"], {
        cwd: workDir,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`pulumi ${args.join(" ")} failed: ${e.stderr || e.message}`);
    }
  };

  const config: Record<string, ConfigValue> = { ...opts.config };
  if (opts.apiUrl !== undefined) config["clerk:apiUrl"] = opts.apiUrl;
  if (opts.secretKey !== undefined) config["clerk:secretKey"] = { value: opts.secretKey, secret: true };
  const pairs = Object.entries(config).flatMap(([key, v]) => {
    const { value, secret } = typeof v === "string" ? { value: v, secret: false } : v;
    // `key=value` in one argument, so a value starting with "-" is never read as a flag.
    return [secret ? "--secret" : "--plaintext", `${key}=${value}`];
  });
  try {
    await cli(["stack", "init", stackName, "--secrets-provider", "passphrase"]);
    if (pairs.length > 0) await cli(["config", "set-all", "--stack", stackName, ...pairs]);
  } catch (err) {
    // The test never gets a stack to clean up, so do it here.
    rmSync(workDir, { recursive: true, force: true });
    throw err;
  }

  const stack: TestStack = {
    workDir,
    backendUrl,
    projectName,
    stackName,
    engine,
    env,
    params: opts.params,
    async attempt(op, o = {}) {
      if ("params" in o) stack.params = o.params;
      return runOp(env, {
        op,
        engine: { bin: engine.bin, version: engine.version },
        workDir,
        projectName,
        stackName,
        program,
        params: stack.params,
        options: o.options,
      });
    },
    async up(o) {
      return must(await stack.attempt("up", o));
    },
    async preview(o) {
      return must(await stack.attempt("preview", o));
    },
    async refresh(o) {
      return must(await stack.attempt("refresh", o));
    },
    async destroy(o) {
      return must(await stack.attempt("destroy", o));
    },
    async exportState() {
      const { stdout } = await cli(["stack", "export", "--stack", stackName]);
      const deployment = JSON.parse(stdout) as StackExport["deployment"];
      return { text: stdout, deployment, resources: deployment.deployment.resources ?? [] };
    },
    async setConfig(key, value, o = {}) {
      await cli([
        "config",
        "set-all",
        "--stack",
        stackName,
        o.secret ? "--secret" : "--plaintext",
        `${key}=${value}`,
      ]);
    },
    pulumi: cli,
    async cleanup() {
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** This repository's package (package.json + its `files`), for `packages: { "pulumi-clerk": SELF }`. */
export const SELF = REPO_ROOT;

/**
 * Copies a package the way `npm install` lays it out: package.json and its `files` (or the whole folder
 * minus node_modules). A copy, not a symlink: Pulumi's closure serializer stores a module that lives
 * under node_modules as `require("<package>/<path>")`, but a symlinked one resolves to its real path
 * outside node_modules and would be serialized by value, code and all.
 */
function installPackage(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(from, "package.json"), "utf8")) as { files?: string[] };
  const entries = manifest.files
    ? ["package.json", ...manifest.files]
    : readdirSync(from).filter((e) => e !== "node_modules");
  for (const entry of entries) {
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
  }
}

function must(outcome: OpOutcome): OpResult {
  if (!outcome.ok) throw new EngineError(outcome);
  return outcome;
}

interface RunRequest {
  op: Op;
  /** The CLI to run and its version, so the runner need not start it to ask. */
  engine: { bin: string; version: string };
  workDir: string;
  projectName: string;
  stackName: string;
  program: string;
  params: unknown;
  options?: Record<string, unknown>;
}

async function runOp(env: NodeJS.ProcessEnv, request: RunRequest): Promise<OpOutcome> {
  const stamp = `${Date.now()}-${counter++}`;
  const requestPath = join(request.workDir, `.op-${stamp}.json`);
  const resultPath = join(request.workDir, `.op-${stamp}.result.json`);
  writeFileSync(requestPath, JSON.stringify({ ...request, resultPath }));
  // The work dir is the cwd: the dynamic-provider process resolves the provider's `require`s from it.
  const child = spawn(join(NODE_BIN_DIR, "node"), [RUNNER, requestPath], {
    cwd: request.workDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let programOutput = "";
  child.stdout.on("data", (d) => {
    programOutput += d;
  });
  child.stderr.on("data", (d) => {
    programOutput += d;
  });
  const code = await new Promise<number | null>((res) => child.on("close", res));
  if (!existsSync(resultPath)) {
    throw new Error(`e2e runner exited with code ${code} and no result for ${request.op}:\n${programOutput}`);
  }
  const result = JSON.parse(readFileSync(resultPath, "utf8")) as OpOutcome;
  rmSync(requestPath, { force: true });
  rmSync(resultPath, { force: true });
  return { ...result, programOutput };
}
