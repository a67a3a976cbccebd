// Harness extension for interrupted runs: starts one engine operation like `stack.attempt` does, but
// hands back a handle that can kill it midway, the way a cancelled CI job or a closed laptop does.
//
//   const run = startOp(stack, "up", { params });
//   await untilRequests(emu, 5);        // some of the work reached Clerk
//   await run.kill();                   // SIGKILL to the runner, the pulumi CLI and the provider process
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Op, OpOutcome, TestStack } from "./index";
import { REPO_ROOT } from "./index";

const RUNNER = join(__dirname, "runner.cjs");
const NODE = join(REPO_ROOT, "node_modules", ".bin", "node");

export interface RunningOp {
  readonly child: ChildProcess;
  /** Kills the whole process group (runner, pulumi CLI, dynamic-provider process) with SIGKILL. */
  kill(): Promise<void>;
  /** Resolves when the runner exits: the outcome, or undefined when it was killed before writing one. */
  done: Promise<OpOutcome | undefined>;
}

let counter = 0;

export interface StartOptions {
  params?: unknown;
  options?: Record<string, unknown>;
  /** Extra env for this operation only (engine, program and provider process). */
  env?: Record<string, string>;
}

export function startOp(stack: TestStack, op: Op, o: StartOptions = {}): RunningOp {
  if ("params" in o) stack.params = o.params;
  const program = readdirSync(stack.workDir).find((f) => /^index\.(c?js)$/.test(f));
  if (!program) throw new Error(`no program in ${stack.workDir}`);
  const stamp = `${Date.now()}-interrupt-${counter++}`;
  const requestPath = join(stack.workDir, `.op-${stamp}.json`);
  const resultPath = join(stack.workDir, `.op-${stamp}.result.json`);
  writeFileSync(
    requestPath,
    JSON.stringify({
      op,
      engine: { bin: stack.engine.bin, version: stack.engine.version },
      workDir: stack.workDir,
      projectName: stack.projectName,
      stackName: stack.stackName,
      program: resolve(stack.workDir, program),
      params: stack.params,
      options: o.options,
      resultPath,
    }),
  );
  // Its own process group, so one kill reaches the pulumi CLI and the plugins it started.
  const child = spawn(NODE, [RUNNER, requestPath], {
    cwd: stack.workDir,
    env: { ...stack.env, ...o.env },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<void>((res) => child.on("close", () => res()));
  return {
    child,
    async kill() {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
      await exited;
    },
    done: exited.then(() =>
      existsSync(resultPath) ? (JSON.parse(readFileSync(resultPath, "utf8")) as OpOutcome) : undefined,
    ),
  };
}
