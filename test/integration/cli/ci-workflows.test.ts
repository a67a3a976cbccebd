import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { USAGE } from "../../../cli";

// examples/ci: the three workflows parse, have their triggers, jobs and steps, and use only documented
// pulumi/actions inputs and pulumi-clerk flags. test/e2e/drift.test.ts runs their commands.
const DIR = resolve(__dirname, "../../../examples/ci");

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  "working-directory"?: string;
};
type Workflow = {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
};
const load = (f: string) => parse(readFileSync(join(DIR, f), "utf8")) as Workflow;

// Inputs documented in pulumi/actions' README (v6).
const ACTION_INPUTS = new Set([
  "command",
  "stack-name",
  "work-dir",
  "cloud-url",
  "comment-on-pr",
  "comment-on-summary",
  "github-token",
  "refresh",
  "secrets-provider",
  "color",
  "config-map",
  "diff",
  "expect-no-changes",
  "message",
  "upsert",
  "pulumi-version",
  "policyPacks",
  "policyPackConfigs",
]);

function check(w: Workflow): Step[] {
  expect(typeof w.name).toBe("string");
  const jobs = Object.values(w.jobs);
  expect(jobs.length).toBeGreaterThan(0);
  const all = jobs.flatMap((j) => {
    expect(j["runs-on"]).toBe("ubuntu-latest");
    expect(j.steps.length).toBeGreaterThan(0);
    return j.steps;
  });
  for (const s of all) {
    expect(Boolean(s.uses) !== Boolean(s.run), JSON.stringify(s)).toBe(true);
    if (s.uses?.startsWith("pulumi/actions@")) {
      expect(s.uses).toBe("pulumi/actions@v6");
      for (const k of Object.keys(s.with ?? {})) expect(ACTION_INPUTS, k).toContain(k);
      if (s.with?.command !== undefined) {
        expect(["up", "preview", "refresh", "destroy"]).toContain(s.with.command);
        expect(s.with["stack-name"]).toBeTruthy();
      }
    }
  }
  return all;
}

const pulumiStep = (steps: Step[], command: string) =>
  steps.find((s) => s.uses === "pulumi/actions@v6" && s.with?.command === command);

describe("examples/ci workflows", () => {
  it("preview.yml: pull requests get a preview posted as a comment", () => {
    const w = load("preview.yml");
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    expect(w.permissions?.["pull-requests"]).toBe("write");
    const preview = pulumiStep(check(w), "preview");
    expect(preview?.with).toMatchObject({ "comment-on-pr": true, "work-dir": "infra" });
  });

  it("preview.yml: the preview runs pulumi-clerk's policy pack, from where npm installs it", () => {
    const preview = pulumiStep(check(load("preview.yml")), "preview");
    expect(preview?.with?.policyPacks).toBe("node_modules/pulumi-clerk/policy-pack");
    // Relative to work-dir, where `npm ci` installed pulumi-clerk: the same folder the package ships.
    const shipped = String(preview?.with?.policyPacks).replace("node_modules/pulumi-clerk/", "");
    expect(existsSync(join(DIR, "../..", shipped, "PulumiPolicy.yaml"))).toBe(true);
  });

  it("up.yml: a push to main runs up, one at a time", () => {
    const w = load("up.yml") as Workflow & { concurrency: { "cancel-in-progress": boolean } };
    expect(w.on.push).toMatchObject({ branches: ["main"] });
    expect(w.concurrency["cancel-in-progress"]).toBe(false);
    expect(pulumiStep(check(w), "up")).toBeDefined();
  });

  it("drift.yml: a nightly schedule runs pulumi-clerk drift and Pulumi's own refresh preview", () => {
    const w = load("drift.yml");
    expect(w.on.schedule).toEqual([{ cron: "17 5 * * *" }]);
    expect(w.on).toHaveProperty("workflow_dispatch");
    const steps = check(w);
    // The CLI is installed (an action step without command) before the drift command runs pulumi.
    const install = steps.findIndex((s) => s.uses === "pulumi/actions@v6" && s.with === undefined);
    const drift = steps.findIndex((s) => s.run?.includes("pulumi-clerk drift"));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(drift).toBeGreaterThan(install);
    // Every flag the step passes is one the command documents.
    for (const flag of steps[drift]?.run?.match(/--[a-z-]+/g) ?? []) expect(USAGE).toContain(`${flag} `);
    expect(pulumiStep(steps, "preview")?.with).toMatchObject({ refresh: true, "expect-no-changes": true });
  });
});
