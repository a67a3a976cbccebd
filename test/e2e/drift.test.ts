import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DriftReport } from "../../cli/drift";
import type { Emulator } from "../../emulator";
import { REPO_ROOT, type TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 6: `pulumi-clerk drift` and Pulumi's own recipe under the real engine, run the way the
// examples/ci workflows run them: no drift -> exit 0; an edit behind Pulumi's back -> exit 2 naming
// the resource and the field.
const execFileAsync = promisify(execFile);
const KEY = "sk_test_e2e_drift_0123456789";
const SIGNING_KEY = "e2e-drift-hs256-signing-secret";
const CLI = join(REPO_ROOT, "dist", "cli", "index.js");

type Step = { name?: string; uses?: string; run?: string; with?: Record<string, unknown> };
const workflow = (file: string) =>
  parse(readFileSync(join(REPO_ROOT, "examples", "ci", file), "utf8")) as {
    jobs: Record<string, { steps: Step[] }>;
  };
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((j) => j.steps);

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "drift",
    secretKey: KEY,
    params: {
      resources: [
        { type: "RedirectUrl", name: "callback", args: { url: "myapp://callback" } },
        { type: "AllowlistIdentifier", name: "ceo", args: { identifier: "ceo@example.com" } },
        { type: "AllowlistIdentifier", name: "cto", args: { identifier: "cto@example.com" } },
        {
          type: "JwtTemplate",
          name: "supabase",
          args: {
            name: "supabase",
            claims: { role: "authenticated" },
            lifetime: 60,
            signingAlgorithm: "HS256",
            signingKey: SIGNING_KEY,
          },
          secretArgs: ["signingKey"],
        },
        { type: "OrganizationSettings", name: "orgs", args: { enabled: true, maxAllowedMemberships: 10 } },
      ],
    },
  }));
  await stack.up();
});

afterAll(() => closeClerkStack(stack, emu));

/** The drift workflow's `pulumi-clerk drift` step, run in the stack's project dir with its env. */
async function runDriftStep(
  extraArgs: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const step = steps("drift.yml").find((s) => s.run?.includes("pulumi-clerk drift"));
  if (!step?.run) throw new Error("drift.yml has no pulumi-clerk drift step");
  // `npx pulumi-clerk` once the package is installed; here, the built bin of this repository.
  const command = `${step.run.replace("npx pulumi-clerk", `node ${JSON.stringify(CLI)}`)} ${extraArgs.join(" ")}`;
  try {
    const { stdout, stderr } = await execFileAsync("bash", ["-c", command], {
      cwd: stack.workDir,
      env: { ...stack.env, PULUMI_STACK: stack.stackName },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A `pulumi/actions` step's inputs as Automation API options (the action is built on it). */
function actionOptions(step: Step): Record<string, unknown> {
  const w = step.with ?? {};
  return {
    ...(w.refresh === true ? { refresh: true } : {}),
    ...(w["expect-no-changes"] === true ? { expectNoChanges: true } : {}),
  };
}

const previewStep = (file: string) =>
  steps(file).find((s) => s.uses?.startsWith("pulumi/actions@") && s.with?.command === "preview") as Step;

describe("drift checks under the real engine", () => {
  it("no drift: the workflow's drift step exits 0 and the preview steps show no changes", async () => {
    const drift = await runDriftStep();
    expect(drift.code, drift.stderr).toBe(0);
    expect(drift.stdout).toContain("no drift: 5 Clerk resource(s) match the stack's state");

    // The PR preview, and the nightly `preview --refresh --expect-no-changes`.
    expect(
      (await stack.preview({ options: actionOptions(previewStep("preview.yml")) })).summary,
    ).toMatchObject({
      create: 0,
      update: 0,
      delete: 0,
    });
    const nightly = await stack.attempt("preview", { options: actionOptions(previewStep("drift.yml")) });
    expect(nightly.ok, nightly.ok ? "" : nightly.message).toBe(true);
  });

  it("a stack whose config lives in its own file: drift --config-file reads it, as pulumi up --config-file", async () => {
    // The stack's config moves out of Pulumi.<stack>.yaml into a file of the user's choosing.
    const standard = join(stack.workDir, `Pulumi.${stack.stackName}.yaml`);
    const own = join(stack.workDir, "config", `${stack.stackName}.yaml`);
    mkdirSync(dirname(own), { recursive: true });
    renameSync(standard, own);
    try {
      const without = await runDriftStep();
      expect(without.code).toBe(1);
      expect(without.stderr).toContain("no Clerk secret key");
      const drift = await runDriftStep(["--config-file", `config/${stack.stackName}.yaml`]);
      expect(drift.code, drift.stderr).toBe(0);
      expect(drift.stdout).toContain("no drift: 5 Clerk resource(s) match the stack's state");
      expect(drift.stdout + drift.stderr).not.toContain(KEY);
    } finally {
      renameSync(own, standard);
    }
  });

  it("an edit behind Pulumi's back: exit 2 naming resource and field; Pulumi's recipe fails too", async () => {
    const jwt = emu.store.jwtTemplates.find((t) => t.name === "supabase");
    const cto = emu.store.allowlistIdentifiers.find((a) => a.identifier === "cto@example.com");
    emu.store.jwtTemplates.update(jwt?.id ?? "", { lifetime: 3600 });
    emu.store.allowlistIdentifiers.delete(cto?.id ?? "");

    const drift = await runDriftStep();
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`supabase (JwtTemplate ${jwt?.id}):\n    lifetime: 60 -> 3600`);
    expect(drift.stdout).toContain(`cto (AllowlistIdentifier ${cto?.id}): deleted outside Pulumi`);
    expect(drift.stdout + drift.stderr).not.toContain(SIGNING_KEY);
    expect(drift.stdout + drift.stderr).not.toContain(KEY);

    const json = await runDriftStep(["--json"]);
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout) as DriftReport;
    expect(report.resources.map((r) => `${r.name}:${r.status}`).sort()).toEqual([
      "cto:deleted",
      "supabase:changed",
    ]);

    const nightly = await stack.attempt("preview", { options: actionOptions(previewStep("drift.yml")) });
    expect(nightly.ok).toBe(false);

    // The CLI recipe without a program: a refresh preview names the drifted resources.
    const refresh = await stack.pulumi(["refresh", "--preview-only", "--stack", stack.stackName, "--diff"]);
    expect(refresh.stdout).toContain("supabase");
    expect(refresh.stdout).toContain("cto");
    // drift changed nothing: state still records what the program declared.
    expect((await runDriftStep()).code).toBe(2);
  });
});
