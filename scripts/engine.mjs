#!/usr/bin/env node
// `npm run engine`: make sure a real Pulumi CLI (>= 3.250) is installed, building v3.274.1 from the Go
// module proxy when none is found, for machines that cannot download Pulumi's release binaries (the
// Go module proxy serves pulumi's source). Idempotent: a second run only checks and prints.
//
// Plain Node ESM with no dependencies: it must also run on the machine's Node 20.
//
//   node scripts/engine.mjs            find or build, print the version and path
//   node scripts/engine.mjs --rebuild  build v3.274.1 even if a usable CLI exists
//
// The harness (test/e2e/harness) imports findEngine() so both agree on which CLI is used.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ENGINE_VERSION = "3.274.1";
export const MIN_VERSION = "3.250.0";
const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const VERSION_VAR = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const goModuleDir = join(root, "engine");

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

function onPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
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
    `engine: building pulumi v${ENGINE_VERSION} from the Go module proxy (wrapper module: engine/)`,
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
  console.log(
    `engine: pulumi ${found.version} (${found.source}: ${found.bin}) ready in ${fmtDuration(Date.now() - started)}`,
  );
  // No Node language host: the module proxy here answers 403 "This module version is not available."
  // for every query of github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 (@v/list,
  // @latest, by branch or tag), and pkg/v3's .info names no commit to ask for. The e2e harness runs
  // Automation API inline programs, which need none.
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`engine: ${err.message}`);
    process.exit(1);
  });
}
