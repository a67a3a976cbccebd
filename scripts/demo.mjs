// `npm run demo`: the quickstart, end to end, with no Clerk account. Starts the built-in Clerk emulator
// (its state kept in .demo/emulator-state.json), then runs `pulumi up` of examples/quickstart with the
// real Pulumi engine and a local backend (.demo/backend). Run it twice: the second run changes nothing.
//
//   npm run demo               up
//   npm run demo -- --preview  preview only
//   npm run demo -- --destroy  destroy what the demo created
//
// The program runs as an Automation API inline program: that needs no Node language host, which cannot
// be built on machines without a Pulumi release (see README, "How the tests run Pulumi").
import { mkdirSync, readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findEngine } from "./engine.mjs";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const demoDir = join(root, ".demo");
const programFile = join(root, "examples", "quickstart", "index.ts");
const op = process.argv.includes("--destroy")
  ? "destroy"
  : process.argv.includes("--preview")
    ? "preview"
    : "up";

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
  const emulator = await startEmulator({ port: 0, stateFile: join(demoDir, "emulator-state.json") });
  console.log(`demo: Clerk emulator at ${emulator.url} (state: .demo/emulator-state.json)`);
  try {
    // The engine, the dynamic-provider launcher and Node 24 must all be on PATH for the provider process.
    process.env.PATH = [
      dirname(engine.bin),
      join(root, "node_modules", ".bin"),
      join(root, "node_modules", "@pulumi", "pulumi"),
      process.env.PATH,
    ].join(delimiter);
    const { LocalWorkspace } = require("@pulumi/pulumi/automation");
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName: "demo",
        projectName: "pulumi-clerk-quickstart",
        program: async () => loadProgram(programFile),
      },
      {
        workDir: root,
        envVars: {
          PULUMI_BACKEND_URL: `file://${join(demoDir, "backend")}`,
          PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "pulumi-clerk-demo",
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        },
      },
    );
    await stack.setAllConfig({
      "clerk:apiUrl": { value: emulator.url },
      // Any sk_test_ key opens the emulator; a real one belongs in `pulumi config set --secret`.
      "clerk:secretKey": { value: "sk_test_pulumi_clerk_demo", secret: true },
    });
    const onOutput = (text) => process.stdout.write(text);
    const result =
      op === "destroy"
        ? await stack.destroy({ onOutput, color: "never" })
        : op === "preview"
          ? await stack.preview({ onOutput, color: "never" })
          : await stack.up({ onOutput, color: "never" });
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

function describe(store) {
  const n = (c) => c.list().length;
  return `${n(store.redirectUrls)} redirect URL(s), ${n(store.allowlistIdentifiers)} allow-list and ${n(store.blocklistIdentifiers)} block-list identifier(s), ${n(store.jwtTemplates)} JWT template(s)`;
}

main().catch((err) => {
  console.error(`demo: ${err.message}`);
  process.exit(1);
});
