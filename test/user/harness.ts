// The user tier's harness: runs Pulumi the way its users do. A project folder outside the repository
// (Pulumi.yaml, package.json, the program), `npm install` of the packed pulumi-clerk tarball, then the
// `pulumi` CLI itself (`pulumi up`, `preview`, `refresh`, `destroy`), which starts Pulumi's Node.js
// language host to run the program. Nothing from the repository is on the program's module path: it
// only sees what npm installed into the project.
//
// Each run gets its own PULUMI_HOME and each project a file:// backend and a passphrase; the CLI and
// the language host are the ones `npm run engine` provides (found by path, never downloaded).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import type { Emulator } from "../../emulator";
import { findEngine, requireLanguageHost } from "../../tools/engine.mjs";

const execFileAsync = promisify(execFile);

export const REPO_ROOT = resolve(__dirname, "../..");
/** The real Node 24 binary's folder (only `node` is in it), so no repository tool leaks onto PATH. */
const NODE_DIR = dirname(realpathSync(join(REPO_ROOT, "node_modules", ".bin", "node")));
export const PASSPHRASE = "user-tier-passphrase";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the `npm pack` tarball, made once per run by setup.ts. */
    tarball: string;
    /** How long `npm pack` took. */
    packMs: number;
    /** The run's temp folder: projects, PULUMI_HOME, the npm cache's lock-free copy. */
    runDir: string;
  }
}

/** The real CLI and language host, or a failure saying how to get them (never a skip). */
export function requireToolchain(): { pulumi: string; languageHost: string } {
  const engine = findEngine(process.env);
  if (!engine) {
    throw new Error(
      "no Pulumi CLI >= 3.250 found (PATH, $PULUMI_HOME/versions/*/bin). Run `npm run engine` to build it (once, about 10 minutes on 2 cores).",
    );
  }
  return { pulumi: engine.bin, languageHost: requireLanguageHost(engine.bin).bin };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface UserProject {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  /** `pulumi <args>` in the project folder; never throws (look at `code`). */
  pulumi(args: string[], extraEnv?: Record<string, string | undefined>): Promise<Run>;
  /** Like pulumi(), but throws with the output when the exit code is not 0. */
  must(args: string[], extraEnv?: Record<string, string | undefined>): Promise<Run>;
  /** `npm <args>` in the project folder; throws on failure. */
  npm(args: string[]): Promise<Run>;
  write(file: string, text: string): void;
}

/** Files of a project, written as given (relative to the project folder). */
export type Files = Record<string, string>;

let counter = 0;

/**
 * A fresh folder under the run's temp dir, `files` written into it, nothing installed yet; or, with
 * `dir`, an existing project folder (the repository's own).
 */
export function createProject(name: string, files: Files = {}, opts: { dir?: string } = {}): UserProject {
  const { pulumi, languageHost } = requireToolchain();
  const runDir = inject("runDir");
  const id = `${name}-${counter++}`;
  const dir = opts.dir ?? join(runDir, "projects", id);
  // The backend lives beside the project, so the folder holds only what the user wrote (pulumi new
  // wants it empty).
  const backend = join(runDir, "backends", id);
  mkdirSync(dir, { recursive: true });
  mkdirSync(backend, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Node 24 for the language host, npm and the dynamic-provider process; the CLI's folder holds the
    // language host and the dynamic-provider launcher, as in a regular Pulumi install.
    PATH: [NODE_DIR, dirname(pulumi), dirname(languageHost), withoutRepoBins(process.env.PATH)].join(
      delimiter,
    ),
    PULUMI_HOME: join(runDir, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
  };
  // Vitest's variables, and the npm script's own, are not in a user's shell.
  for (const k of Object.keys(env)) {
    if (k.startsWith("VITEST") || k === "NODE_OPTIONS" || k.startsWith("npm_") || k === "INIT_CWD")
      delete env[k];
  }
  delete env.CLERK_SECRET_KEY;
  delete env.CLERK_API_URL;
  delete env.CLERK_API_VERSION;
  delete env.CLERK_REQUEST_TIMEOUT_MS;

  const run = async (bin: string, args: string[], extraEnv: Record<string, string | undefined> = {}) => {
    const started = Date.now();
    const childEnv = { ...env, ...extraEnv };
    for (const [k, v] of Object.entries(extraEnv)) if (v === undefined) delete childEnv[k];
    try {
      const { stdout, stderr } = await execFileAsync(bin, args, {
        cwd: dir,
        env: childEnv,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr, ms: Date.now() - started };
    } catch (err) {
      const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
      return {
        code: typeof e.code === "number" ? e.code : 1,
        stdout: e.stdout ?? "",
        stderr: e.stderr || e.message,
        ms: Date.now() - started,
      };
    }
  };
  const failed = (what: string, r: Run) =>
    new Error(`${what} exited with ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);

  const project: UserProject = {
    dir,
    env,
    pulumi: (args, extraEnv) => run(pulumi, [...args, "--non-interactive"], extraEnv),
    async must(args, extraEnv) {
      const r = await project.pulumi(args, extraEnv);
      if (r.code !== 0) throw failed(`pulumi ${args.join(" ")}`, r);
      return r;
    },
    async npm(args) {
      const r = await run("npm", args);
      if (r.code !== 0) throw failed(`npm ${args.join(" ")}`, r);
      return r;
    },
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
  };
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  return project;
}

/**
 * `npm install` of the tarball and the project's own dependencies, as a user types it. The npm cache
 * is the machine's (shared by every project, as on a developer's machine), so packages already
 * downloaded once are not fetched again.
 */
export async function installPackages(project: UserProject): Promise<Run> {
  return project.npm(["install", "--prefer-offline", "--no-audit", "--no-fund", inject("tarball")]);
}

/**
 * `pulumi stack init dev`, then the settings as a user sets them: the key with `--secret` (unless it
 * comes from the environment), the API URL in plain text.
 */
export async function initStack(
  project: UserProject,
  settings: { secretKey?: string; apiUrl?: string } = {},
): Promise<void> {
  await project.must(["stack", "init", "dev", "--secrets-provider", "passphrase"]);
  if (settings.secretKey !== undefined)
    await project.must(["config", "set", "--secret", "clerk:secretKey", settings.secretKey]);
  if (settings.apiUrl !== undefined) await project.must(["config", "set", "clerk:apiUrl", settings.apiUrl]);
}

/**
 * The last "Resources:" block the CLI printed (`up --yes` prints the preview's first), e.g.
 * { created: 6 } or { "to update": 1, unchanged: 5 }.
 */
export function resourceSummary(stdout: string): Record<string, number> {
  const blocks = stdout.split(/^Resources:$/m);
  const block = blocks.length > 1 ? (blocks.at(-1) ?? "") : "";
  const summary: Record<string, number> = {};
  for (const line of block.split("\n").slice(1)) {
    const m = /^\s+(?:[-+~]\s+|\+-\s*)?(\d+) (.+?)\s*$/.exec(line);
    if (!m) break;
    summary[m[2] as string] = Number(m[1]);
  }
  return summary;
}

/** How many objects of each kind the emulator's Clerk instance holds. */
export function clerkCounts(emu: Emulator): Record<string, number> {
  const s = emu.store;
  return {
    redirectUrls: s.redirectUrls.list().length,
    allowlistIdentifiers: s.allowlistIdentifiers.list().length,
    blocklistIdentifiers: s.blocklistIdentifiers.list().length,
    jwtTemplates: s.jwtTemplates.list().length,
  };
}

/** The repository's own node_modules/.bin (vitest, tsc, pulumi-clerk itself) is not on a user's PATH. */
function withoutRepoBins(path: string | undefined): string {
  return (path ?? "")
    .split(delimiter)
    .filter((p) => p && !resolve(p).startsWith(join(REPO_ROOT, "node_modules")))
    .join(delimiter);
}

/** A temp folder for one run of the tier; removed by setup.ts afterwards. */
export function makeRunDir(): string {
  return mkdtempSync(join(tmpdir(), "pulumi-clerk-user-"));
}

export function removeRunDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Milliseconds as seconds with one decimal, for the timing lines the tier prints. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
