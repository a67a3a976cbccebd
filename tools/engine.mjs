#!/usr/bin/env node
// `npm run engine`: make sure a real Pulumi CLI (>= 3.250) is installed, building v3.274.1 from the Go
// module proxy when none is found, and that Pulumi's Node.js language host (`pulumi-language-nodejs`, what
// `pulumi up` starts for a `runtime: nodejs` project) sits next to it or on PATH, building it from
// ../shared/tools/pulumi-language-nodejs when that folder is beside the repository. No release binary can
// be downloaded on these machines. Idempotent: a second run only checks and prints.
//
// Plain Node ESM with no dependencies: it must also run on the machine's Node 20.
//
//   node tools/engine.mjs            find or build, print the version and path
//   node tools/engine.mjs --rebuild  build v3.274.1 even if a usable CLI exists
//   node tools/engine.mjs --tolerate-missing-language-host
//                                      `npm test`: without a language host, say so and exit 0, so the
//                                      tiers that need none run and those that do fail with the message
//
// The test harnesses and tools/demo.mjs import findEngine() and findLanguageHost() so all agree on
// which CLI and language host are used.
import { spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ENGINE_VERSION = "3.274.1";
export const MIN_VERSION = "3.250.0";
const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const VERSION_VAR = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const goModuleDir = join(root, "tools", "engine");

export const LANGUAGE_HOST = "pulumi-language-nodejs";
/** The language host's source and build script, when a `shared/` folder sits beside the repository. */
export const LANGUAGE_HOST_SOURCE = join(root, "..", "shared", "tools", LANGUAGE_HOST);

export function pulumiHome(env = process.env) {
  return env.PULUMI_HOME || join(homedir(), ".pulumi");
}

/** Where the `pulumi` npm package and Automation API's PulumiCommand.install look for a version. */
export function installDir(version = ENGINE_VERSION, env = process.env) {
  return join(pulumiHome(env), "versions", version);
}

function parseVersion(text) {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(text ?? "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Runs `<bin> version`; returns the printed version string if it is >= MIN_VERSION. */
function usableVersion(bin, env = process.env) {
  if (!existsSync(bin)) return undefined;
  const r = spawnSync(bin, ["version"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  if (r.status !== 0) return undefined;
  const text = r.stdout.trim();
  const v = parseVersion(text);
  if (!v || compareVersions(v, parseVersion(MIN_VERSION)) < 0) return undefined;
  return text;
}

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Finds a usable Pulumi CLI: first `pulumi` on PATH, then `$PULUMI_HOME/versions/<v>/bin/pulumi`
 * (ENGINE_VERSION first, then the newest). Returns { bin, version } or undefined.
 */
export function findEngine(env = process.env) {
  const fromPath = onPath("pulumi", env);
  if (fromPath) {
    const version = usableVersion(fromPath, env);
    if (version) return { bin: fromPath, version, source: "PATH" };
  }
  const versionsDir = join(pulumiHome(env), "versions");
  const installed = existsSync(versionsDir)
    ? readdirSync(versionsDir)
        .filter((d) => parseVersion(d))
        .sort((a, b) => compareVersions(parseVersion(b), parseVersion(a)))
    : [];
  const ordered = [ENGINE_VERSION, ...installed.filter((d) => d !== ENGINE_VERSION)];
  for (const v of ordered) {
    const bin = join(versionsDir, v, "bin", "pulumi");
    const version = usableVersion(bin, env);
    if (version) return { bin, version, source: "PULUMI_HOME" };
  }
  return undefined;
}

/**
 * The Node.js language host the CLI at `engineBin` will start: the one next to it (where a regular Pulumi
 * install puts it, found without any PATH change), else one on PATH. Returns { bin, source } or undefined.
 */
export function findLanguageHost(engineBin, env = process.env) {
  const beside = join(dirname(engineBin), LANGUAGE_HOST);
  if (isExecutableFile(beside)) return { bin: beside, source: "next to the CLI" };
  const fromPath = onPath(LANGUAGE_HOST, env);
  if (fromPath) return { bin: fromPath, source: "PATH" };
  return undefined;
}

/** What to tell someone who has no language host and no way to build one here. */
export function missingLanguageHostMessage(engineBin) {
  return (
    `no Pulumi Node.js language host (${LANGUAGE_HOST}) next to ${engineBin} or on PATH, and no ` +
    `${LANGUAGE_HOST_SOURCE} to build one from. \`pulumi up\` of a project folder (Pulumi.yaml with ` +
    "`runtime: nodejs`) needs it; a regular Pulumi install ships it next to the `pulumi` binary. Install " +
    "Pulumi from https://www.pulumi.com/docs/install/ (e.g. `curl -fsSL https://get.pulumi.com | sh`), " +
    "put its bin folder (~/.pulumi/bin) on PATH, and run `npm run engine` again."
  );
}

/**
 * Decides how `npm run engine` gets a language host for the CLI at `engineBin`: reuse an installed one,
 * build one from `sourceDir` next to the CLI, or give up with missingLanguageHostMessage().
 */
export function planLanguageHost(engineBin, { env = process.env, sourceDir = LANGUAGE_HOST_SOURCE } = {}) {
  const found = findLanguageHost(engineBin, env);
  if (found) return { action: "reuse", ...found };
  const script = join(sourceDir, "build");
  if (existsSync(script)) return { action: "build", script, into: dirname(engineBin) };
  return { action: "missing", message: missingLanguageHostMessage(engineBin) };
}

/**
 * For the tiers and scripts that run a project folder through the CLI: the language host, or an error
 * saying how to get one (never a skip).
 */
export function requireLanguageHost(engineBin, opts = {}) {
  const plan = planLanguageHost(engineBin, opts);
  if (plan.action === "reuse") return { bin: plan.bin, source: plan.source };
  if (plan.action === "missing") throw new Error(plan.message);
  throw new Error(
    `no Pulumi Node.js language host (${LANGUAGE_HOST}) next to ${engineBin} or on PATH yet: run \`npm run engine\`, which builds it from ${plan.script} (about a minute)`,
  );
}

async function ensureLanguageHost(engineBin, { tolerateMissing = false } = {}) {
  const plan = planLanguageHost(engineBin);
  if (plan.action === "reuse") return `${plan.bin} (${plan.source})`;
  if (plan.action === "missing" && !tolerateMissing) throw new Error(plan.message);
  // Before `npm test`: the tiers that need no language host still run; those that do fail with this.
  if (plan.action === "missing") return `MISSING (the user tier and the demo will fail): ${plan.message}`;
  console.log(
    `engine: building ${LANGUAGE_HOST} from ${plan.script} into ${plan.into} (about a minute after a CLI build, two cold)`,
  );
  const started = Date.now();
  const child = spawn("bash", [plan.script, plan.into], { stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise((res) => child.on("close", res));
  const built = findLanguageHost(engineBin, {});
  if (code !== 0 || !built) throw new Error(`building ${LANGUAGE_HOST} failed (exit code ${code})`);
  return `${built.bin} (built in ${fmtDuration(Date.now() - started)})`;
}

function fmtDuration(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

async function buildEngine() {
  // Go's default install location too, for shells whose PATH was never given /usr/local/go/bin.
  const go =
    onPath("go") ?? [join(process.env.GOROOT ?? "/usr/local/go", "bin", "go")].find((p) => existsSync(p));
  if (!go) {
    throw new Error(
      "no usable pulumi (>= 3.250) found and no `go` on PATH to build one; install Go >= 1.26.6 or put a pulumi CLI on PATH",
    );
  }
  const binDir = join(installDir(), "bin");
  mkdirSync(binDir, { recursive: true });
  // Build next to the target and rename, so an interrupted build never leaves a half-written CLI.
  const tmp = join(binDir, `.pulumi.building-${process.pid}`);
  const target = join(binDir, "pulumi");
  console.log(
    `engine: building pulumi v${ENGINE_VERSION} from the Go module proxy (wrapper module: tools/engine/)`,
  );
  console.log(
    "engine: a cold build downloads ~280 modules and compiles ~1,700 packages: about 10 minutes on 2 cores; with a warm Go cache, under a minute",
  );
  const started = Date.now();
  let packages = 0;
  let downloads = 0;
  let last = "";
  // These flags must stay exactly as they are: the Go build cache (~/.cache/go-build) is keyed on them.
  const args = ["build", "-v", "-o", tmp, "-ldflags", `-X ${VERSION_VAR}=v${ENGINE_VERSION}`, CLI_PACKAGE];
  const child = spawn(go, args, {
    cwd: goModuleDir,
    // Static binary, no C toolchain needed; same choice as Pulumi's release builds.
    env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false" },
    stdio: ["ignore", "inherit", "pipe"],
  });
  // `go build -v` names each package as it compiles it, and go names each module it downloads (both on
  // stderr): count them for the heartbeat and pass through anything else (errors).
  child.stderr.setEncoding("utf8");
  let pending = "";
  child.stderr.on("data", (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop();
    for (const line of lines) {
      if (/^[\w.\-~]+(\/[\w.\-~]+)*$/.test(line.trim())) {
        packages++;
        last = line.trim();
      } else if (line.startsWith("go: downloading ")) {
        downloads++;
        last = line.slice("go: downloading ".length);
      } else if (line.trim()) {
        process.stderr.write(`${line}\n`);
      }
    }
  });
  const heartbeat = setInterval(() => {
    console.log(
      `engine: ... ${fmtDuration(Date.now() - started)}: ${downloads} modules downloaded, ${packages} packages compiled (last: ${last})`,
    );
  }, 30_000);
  const code = await new Promise((res) => child.on("close", res));
  clearInterval(heartbeat);
  if (pending.trim()) process.stderr.write(`${pending}\n`);
  if (code !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`go build failed with exit code ${code}`);
  }
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  console.log(
    `engine: built in ${fmtDuration(Date.now() - started)} (${downloads} modules downloaded, ${packages} packages compiled) -> ${target}`,
  );
  return target;
}

/**
 * Puts the dynamic-provider launcher (`pulumi-resource-pulumi-nodejs`, a shell script shipped in
 * @pulumi/pulumi) next to a CLI we installed, as Pulumi's release archives do. The engine prefers a copy
 * on PATH but warns about it on every run; one next to the CLI is used silently. The script resolves
 * @pulumi/pulumi from the program's working directory, so it does not tie the CLI to this checkout.
 */
function ensureLauncher(bin) {
  const source = join(root, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
  const target = join(dirname(bin), "pulumi-resource-pulumi-nodejs");
  if (existsSync(target)) return `${target} (present)`;
  if (!resolve(bin).startsWith(join(pulumiHome(), "versions")))
    return "not bundled with this CLI (the e2e harness puts @pulumi/pulumi's on PATH)";
  if (!existsSync(source))
    return "skipped: node_modules/@pulumi/pulumi is not installed yet (run npm ci, then npm run engine)";
  copyFileSync(source, target);
  chmodSync(target, 0o755);
  return `${target} (installed from @pulumi/pulumi ${JSON.parse(readFileSync(join(dirname(source), "package.json"), "utf8")).version})`;
}

async function main() {
  const started = Date.now();
  const rebuild = process.argv.includes("--rebuild");
  let found = rebuild ? undefined : findEngine();
  if (!found) {
    const bin = await buildEngine();
    const version = usableVersion(bin);
    if (!version) throw new Error(`the built CLI at ${bin} does not report a version >= ${MIN_VERSION}`);
    found = { bin, version, source: "built" };
  }
  console.log(`engine: dynamic-provider launcher: ${ensureLauncher(found.bin)}`);
  // The Go module proxy refuses the language host's own module, hence the source under ../shared/tools.
  const tolerateMissing = process.argv.includes("--tolerate-missing-language-host");
  console.log(`engine: Node.js language host: ${await ensureLanguageHost(found.bin, { tolerateMissing })}`);
  console.log(
    `engine: pulumi ${found.version} (${found.source}: ${found.bin}) ready in ${fmtDuration(Date.now() - started)}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`engine: ${err.message}`);
    process.exit(1);
  });
}
