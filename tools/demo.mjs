// `npm run demo`: the quickstart, end to end, with no Clerk account. Starts the built-in Clerk emulator
// (its state kept in .demo/emulator-state.json), then runs `pulumi up --refresh` in examples/quickstart,
// the Pulumi project the README describes, with the real `pulumi` CLI (which starts Pulumi's Node.js
// language host to run index.ts) and a local backend (.demo/backend). Run it twice: the second run
// changes nothing. `--refresh` reads Clerk first, so an edit made behind Pulumi's back (--tamper) is undone.
//
//   npm run demo               up
//   npm run demo -- --preview  preview only
//   npm run demo -- --destroy  destroy what the demo created
//   npm run demo -- --tamper   edit the JWT template behind Pulumi's back, as a dashboard user would
//   npm run demo -- --drift    pulumi-clerk drift: exit 2 and the differing fields after --tamper
//   npm run demo -- --export D pulumi-clerk export: write a program adopting the emulator's objects to D
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findEngine, requireLanguageHost } from "./engine.mjs";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// DEMO_DIR (default .demo/) holds the emulator's state, the backend and the stack's config file, so
// several demo folders never share a stack.
const demoDir = resolve(process.env.DEMO_DIR ?? join(root, ".demo"));
const projectDir = join(root, "examples", "quickstart");
const STACK = "demo";
const configFile = join(demoDir, `Pulumi.${STACK}.yaml`);
const argv = process.argv.slice(2);
const op = ["destroy", "preview", "tamper", "drift", "export"].find((o) => argv.includes(`--${o}`)) ?? "up";
const DEMO_KEY = "sk_test_pulumi_clerk_demo";

async function main() {
  const engine = findEngine();
  if (!engine) throw new Error("no Pulumi CLI found: run `npm run engine` first (it builds one if needed)");
  const languageHost = requireLanguageHost(engine.bin);
  mkdirSync(join(demoDir, "backend"), { recursive: true });

  const { startEmulator } = require("../dist/emulator/index.js");
  // A fixed port: a refresh talks to Clerk with the settings recorded at the last update, so the demo's
  // clerk:apiUrl must not change from run to run.
  const port = Number(process.env.DEMO_EMULATOR_PORT ?? 43117);
  const emulator = await startEmulator({ port, stateFile: join(demoDir, "emulator-state.json") }).catch(
    (e) => {
      throw new Error(`cannot start the emulator on port ${port} (${e.message}); set DEMO_EMULATOR_PORT`);
    },
  );
  console.log(
    `demo: Clerk emulator at ${emulator.url} (state: ${relative(root, join(demoDir, "emulator-state.json"))})`,
  );
  try {
    if (op === "tamper") return await tamper(emulator);
    if (op === "export") {
      const out = resolve(argv[argv.indexOf("--export") + 1] ?? "clerk-export");
      return await cli(["export", "--out", out, "--force"], emulator);
    }
    const env = {
      ...process.env,
      // This Node (the project's Node 24) runs the program and the dynamic-provider process; the CLI's
      // folder holds the language host and the dynamic-provider launcher.
      PATH: [
        dirname(process.execPath),
        dirname(engine.bin),
        dirname(languageHost.bin),
        process.env.PATH,
      ].join(delimiter),
      PULUMI_BACKEND_URL: `file://${join(demoDir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "pulumi-clerk-demo",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const pulumi = (args, opts) => run(engine.bin, [...args, "--non-interactive"], env, opts);
    await ensureStack(pulumi, emulator);
    if (op === "drift") {
      return await cli(["drift", "--stack", STACK, "--cwd", projectDir], emulator, {
        PULUMI_BACKEND_URL: env.PULUMI_BACKEND_URL,
        PULUMI_CONFIG_PASSPHRASE: env.PULUMI_CONFIG_PASSPHRASE,
        PATH: env.PATH,
      });
    }
    const args =
      op === "destroy"
        ? ["destroy", "--yes"]
        : op === "preview"
          ? ["preview", "--refresh"]
          : ["up", "--yes", "--refresh"];
    const result = await pulumi([...args, "--stack", STACK, "--config-file", configFile], { echo: true });
    if (result.code !== 0) throw new Error(`pulumi ${args[0]} failed (exit code ${result.code})`);
    const counts = Object.entries(changeSummary(result.stdout))
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    console.log(
      `\ndemo: pulumi ${op} done (${counts}); Clerk emulator now holds ${describe(emulator.store)}`,
    );
    if (op === "up") console.log("demo: run `npm run demo` again: nothing changes the second time");
  } finally {
    await emulator.close();
  }
}

/**
 * Creates the demo stack once, with its config file in DEMO_DIR rather than in the project folder
 * (`pulumi stack init` writes it beside Pulumi.yaml; every later command is given `--config-file`).
 */
async function ensureStack(pulumi, emulator) {
  if (!existsSync(configFile) || (await pulumi(["stack", "select", STACK])).code !== 0) {
    const written = join(projectDir, `Pulumi.${STACK}.yaml`);
    rmSync(written, { force: true });
    await must(pulumi(["stack", "init", STACK, "--secrets-provider", "passphrase"]));
    renameSync(written, configFile);
  }
  const set = (...a) => must(pulumi(["config", "set", ...a, "--stack", STACK, "--config-file", configFile]));
  await set("clerk:apiUrl", emulator.url);
  // Any sk_test_ key opens the emulator; a real one belongs in `pulumi config set --secret`.
  await set("--secret", "clerk:secretKey", DEMO_KEY);
}

async function must(pending) {
  const r = await pending;
  if (r.code !== 0) throw new Error(`${r.command} failed (exit code ${r.code}):\n${r.stdout}${r.stderr}`);
  return r;
}

/**
 * Runs a command without blocking this process (the emulator answers from it), in the project folder;
 * `echo` streams its output to the terminal as it comes.
 */
function run(bin, args, env, { echo = false } = {}) {
  const child = spawn(bin, args, { cwd: projectDir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
    if (echo) process.stdout.write(d);
  });
  child.stderr.on("data", (d) => {
    stderr += d;
    if (echo) process.stderr.write(d);
  });
  return new Promise((done) =>
    child.on("close", (code) => done({ code: code ?? 1, stdout, stderr, command: `pulumi ${args[0]}` })),
  );
}

/** The CLI's last "Resources:" block (`+ 6 created`, `6 unchanged`, `~ 1 to update`) as { create: 6, ... }. */
function changeSummary(stdout) {
  const words = {
    create: "create",
    update: "update",
    delete: "delete",
    replace: "replace",
    unchange: "same",
  };
  const block = stdout.split(/^Resources:$/m).at(-1) ?? "";
  const summary = {};
  for (const line of block.split("\n").slice(1)) {
    const m = /^\s+(?:[-+~]\s+|\+-\s*)?(\d+) (?:to )?(\w+?)d?$/.exec(line.trimEnd());
    if (!m) break;
    summary[words[m[2]] ?? m[2]] = Number(m[1]);
  }
  return summary;
}

/** What a dashboard edit would do: change the JWT template's lifetime through Clerk's API. */
async function tamper(emulator) {
  const headers = { authorization: `Bearer ${DEMO_KEY}`, "content-type": "application/json" };
  const templates = await (await fetch(`${emulator.url}/jwt_templates`, { headers })).json();
  const t = templates.find((x) => x.name === "supabase");
  if (!t) throw new Error("no supabase JWT template: run `npm run demo` first");
  const body = JSON.stringify({ name: t.name, claims: t.claims, lifetime: t.lifetime === 3600 ? 900 : 3600 });
  const res = await fetch(`${emulator.url}/jwt_templates/${t.id}`, { method: "PATCH", headers, body });
  const after = await res.json();
  console.log(
    `demo: changed JWT template "supabase" lifetime ${t.lifetime} -> ${after.lifetime} behind Pulumi's back`,
  );
  console.log("demo: `npm run demo -- --drift` reports it; `npm run demo` puts the declared value back");
}

/**
 * Runs the pulumi-clerk command against the demo emulator, which answers from this process (so the
 * child must not be waited for synchronously); its exit code becomes the demo's.
 */
function cli(args, emulator, env = {}) {
  const child = spawn(
    process.execPath,
    [join(root, "dist", "cli", "index.js"), ...args, "--api-url", emulator.url],
    {
      stdio: "inherit",
      env: { ...process.env, ...env, CLERK_SECRET_KEY: DEMO_KEY, CLERK_API_URL: emulator.url },
    },
  );
  return new Promise((done) =>
    child.on("close", (code) => {
      process.exitCode = code ?? 1;
      done();
    }),
  );
}

function describe(store) {
  const n = (c) => c.list().length;
  return `${n(store.redirectUrls)} redirect URL(s), ${n(store.allowlistIdentifiers)} allow-list and ${n(store.blocklistIdentifiers)} block-list identifier(s), ${n(store.jwtTemplates)} JWT template(s)`;
}

main().catch((err) => {
  console.error(`demo: ${err.message}`);
  process.exit(1);
});
