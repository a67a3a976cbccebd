// The child side of the e2e harness: runs ONE engine operation (up, preview, refresh, destroy) of an
// Automation API *inline* program and writes the engine's results as JSON to a file.
//
// Why a child process running plain JavaScript, and not the Automation API inside the vitest worker:
// - Pulumi serializes the dynamic provider object (its functions and everything they capture) into state.
//   Code that went through vitest's transform captures vite's module helpers; a plain .cjs program
//   loaded by Node's own `require` captures only what its author wrote.
// - @pulumi/pulumi keeps per-run global state (settings, the resource monitor connection); a fresh
//   process per operation cannot leak it between steps or tests.
// - The process runs on Node 24 with the PATH and env of the test's stack, exactly what the engine and
//   the dynamic-provider process (which runs `node`) see.
// The program is an inline one (the Automation API serves it from this process, no language host
// involved) so that each operation can be handed its own params; test/user runs project folders through
// the `pulumi` command and its Node.js language host, as users do.
//
// Usage: node runner.cjs <request.json>; the request names the result file. This process's own
// stdout/stderr carry the program's console output and are captured by the harness.
"use strict";

const { readFileSync, writeFileSync } = require("node:fs");
const { resolve } = require("node:path");

async function main() {
  const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const started = Date.now();
  let result;
  try {
    result = await run(request);
  } catch (err) {
    result = {
      ok: false,
      op: request.op,
      message: String(err?.stack ?? err),
      stdout: "",
      stderr: "",
      diagnostics: [],
      steps: [],
    };
  }
  result.durationMs = Date.now() - started;
  writeFileSync(request.resultPath, JSON.stringify(result));
}

async function run(request) {
  // Resolved from the work dir's node_modules chain, i.e. the repository's own @pulumi/pulumi: the
  // program and the dynamic-provider process must use the same copy.
  const automation = require(require.resolve("@pulumi/pulumi/automation", { paths: [request.workDir] }));
  const programModule = require(resolve(request.program));
  const programFn =
    typeof programModule === "function" ? programModule : (programModule.default ?? programModule.program);
  if (typeof programFn !== "function") {
    throw new Error(`${request.program} must export a function (params) => outputs`);
  }
  const params = request.params;
  const stack = await automation.LocalWorkspace.selectStack(
    {
      stackName: request.stackName,
      projectName: request.projectName,
      program: async () => programFn(params),
    },
    {
      workDir: request.workDir,
      ...(request.engine ? { pulumiCommand: pulumiCommand(automation, request.engine) } : {}),
    },
  );

  const diagnostics = [];
  const steps = [];
  let stdout = "";
  let stderr = "";
  const onEvent = (event) => {
    // Debug diagnostics are the SDK's own RPC chatter; keep info, warnings and errors.
    if (event.diagnosticEvent && event.diagnosticEvent.severity !== "debug") {
      const d = event.diagnosticEvent;
      diagnostics.push({ severity: d.severity, message: d.message.trim(), urn: d.urn });
    }
    if (event.resourcePreEvent) {
      const m = event.resourcePreEvent.metadata;
      steps.push({
        op: m.op,
        urn: m.urn,
        type: m.type,
        name: m.urn.split("::").pop(),
        // Dynamic providers cannot report per-field diffs (only changes and replaces), so `diffs` is
        // mostly empty for them; `keys` names the properties that force a replacement.
        diffs: m.diffs ?? [],
        keys: m.keys ?? [],
        detailedDiff: m.detailedDiff ?? undefined,
      });
    }
  };
  const opts = {
    ...(request.options ?? {}),
    onEvent,
    onOutput: (s) => {
      stdout += s;
    },
    onError: (s) => {
      stderr += s;
    },
  };

  try {
    switch (request.op) {
      case "up": {
        const r = await stack.up(opts);
        return done(request.op, r.summary.resourceChanges, r.outputs, r, diagnostics, steps);
      }
      case "preview": {
        const r = await stack.preview(opts);
        return done(request.op, r.changeSummary, undefined, r, diagnostics, steps);
      }
      case "refresh": {
        const r = await stack.refresh(opts);
        return done(request.op, r.summary.resourceChanges, undefined, r, diagnostics, steps);
      }
      case "destroy": {
        const r = await stack.destroy(opts);
        return done(request.op, r.summary.resourceChanges, undefined, r, diagnostics, steps);
      }
      default:
        throw new Error(`unknown op ${request.op}`);
    }
  } catch (err) {
    // The engine's own words: its error diagnostics (e.g. a failed check), else the command's error text.
    const errors = diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
    return {
      ok: false,
      op: request.op,
      message: errors.length > 0 ? errors.join("\n") : String(err?.message ?? err),
      detail: String(err?.message ?? err),
      stdout: stdout || err?.commandResult?.stdout || "",
      stderr: stderr || err?.commandResult?.stderr || "",
      diagnostics,
      steps,
    };
  }
}

/**
 * The CLI the harness found, with the version it read: without one, every operation would start the CLI
 * once more just to ask it its version (the Automation API's PulumiCommand.get).
 */
function pulumiCommand(automation, engine) {
  const semver = require(require.resolve("semver", { paths: [require.resolve("@pulumi/pulumi")] }));
  const version = semver.parse(semver.coerce(engine.version));
  if (!version) throw new Error(`not a Pulumi CLI version: ${engine.version}`);
  return new automation.PulumiCommand(engine.bin, version);
}

function done(op, changes, outputs, r, diagnostics, steps) {
  const plainOutputs = {};
  const secretOutputs = [];
  for (const [k, v] of Object.entries(outputs ?? {})) {
    plainOutputs[k] = v.value;
    if (v.secret) secretOutputs.push(k);
  }
  return {
    ok: true,
    op,
    summary: { create: 0, update: 0, delete: 0, replace: 0, same: 0, ...(changes ?? {}) },
    outputs: plainOutputs,
    secretOutputs,
    stdout: r.stdout,
    stderr: r.stderr,
    diagnostics,
    steps,
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
