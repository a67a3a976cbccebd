// `npm run demo`: the quickstart, end to end, with no Clerk account. Starts the built-in Clerk emulator
// (its state kept in .demo/emulator-state.json), then runs `pulumi up --refresh` of examples/quickstart
// with the real Pulumi engine and a local backend (.demo/backend). Run it twice: the second run changes
// nothing. `--refresh` reads Clerk first, so an edit made behind Pulumi's back (--tamper) is undone.
//
//   npm run demo               up
//   npm run demo -- --preview  preview only
//   npm run demo -- --destroy  destroy what the demo created
//   npm run demo -- --tamper   edit the JWT template behind Pulumi's back, as a dashboard user would
//   npm run demo -- --drift    pulumi-clerk drift: exit 2 and the differing fields after --tamper
//   npm run demo -- --export D pulumi-clerk export: write a program adopting the emulator's objects to D
//
// The program runs as an Automation API inline program: that needs no Node language host, which cannot
// be built on machines without a Pulumi release (see README, "How the tests run Pulumi").
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findEngine } from "./engine.mjs";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// DEMO_DIR (default .demo/) holds the emulator's state, the backend and the stack's config file; it
// must lie inside the repository so that `pulumi-clerk` resolves from it (the provider process's cwd).
const demoDir = resolve(process.env.DEMO_DIR ?? join(root, ".demo"));
const programFile = join(root, "examples", "quickstart", "index.ts");
const argv = process.argv.slice(2);
const op = ["destroy", "preview", "tamper", "drift", "export"].find((o) => argv.includes(`--${o}`)) ?? "up";
const DEMO_KEY = "sk_test_pulumi_clerk_demo";

/** Runs the TypeScript program the way ts-node would: transpile to CommonJS, evaluate as a module. */
function loadProgram(file) {
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: file,
  });
  const m = new Module(file);
  m.filename = file;
  m.paths = Module._nodeModulePaths(dirname(file));
  m._compile(outputText, file);
  return m.exports;
}

async function main() {
  const engine = findEngine();
  if (!engine) throw new Error("no Pulumi CLI found: run `npm run engine` first (it builds one if needed)");
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
    // The engine, the dynamic-provider launcher and Node 24 must all be on PATH for the provider process.
    process.env.PATH = [
      dirname(engine.bin),
      join(root, "node_modules", ".bin"),
      join(root, "node_modules", "@pulumi", "pulumi"),
      process.env.PATH,
    ].join(delimiter);
    const stackEnv = {
      PULUMI_BACKEND_URL: `file://${join(demoDir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "pulumi-clerk-demo",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const { LocalWorkspace } = require("@pulumi/pulumi/automation");
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: "demo",
        projectName: "pulumi-clerk-quickstart",
        program: async () => loadProgram(programFile),
      },
      { workDir: demoDir, envVars: stackEnv },
    );
    await stack.setAllConfig({
      "clerk:apiUrl": { value: emulator.url },
      // Any sk_test_ key opens the emulator; a real one belongs in `pulumi config set --secret`.
      "clerk:secretKey": { value: DEMO_KEY, secret: true },
    });
    if (op === "drift") return await cli(["drift", "--stack", "demo", "--cwd", demoDir], emulator, stackEnv);
    const onOutput = (text) => process.stdout.write(text);
    const result =
      op === "destroy"
        ? await stack.destroy({ onOutput, color: "never" })
        : op === "preview"
          ? await stack.preview({ onOutput, color: "never", refresh: true })
          : await stack.up({ onOutput, color: "never", refresh: true });
    const summary = op === "preview" ? result.changeSummary : result.summary.resourceChanges;
    const counts = Object.entries(summary ?? {})
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
