// `pulumi up` at the repository root: its Pulumi.yaml points `main` at examples/quickstart, which the
// Node.js language host must run (not the root package.json's `main`, the library itself, which
// registers nothing). The quickstart resolves pulumi-clerk through the repository's self-link.
import { renameSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { clerkCounts, createProject, REPO_ROOT, resourceSummary, type UserProject } from "./harness";

const STACK = `user-${process.pid}`;
let emu: Emulator;
let project: UserProject;
let env: Record<string, string>;
let config: string[];

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  env = { CLERK_SECRET_KEY: "sk_test_user_tier_root", CLERK_API_URL: emu.url };
  project = createProject("repo-root", {}, { dir: REPO_ROOT });
  await project.must(["stack", "init", STACK, "--secrets-provider", "passphrase"]);
  // `stack init` writes the stack's config file beside Pulumi.yaml; keep the repository clean.
  const configFile = join(inject("runDir"), `Pulumi.${STACK}.yaml`);
  renameSync(join(REPO_ROOT, `Pulumi.${STACK}.yaml`), configFile);
  config = ["--stack", STACK, "--config-file", configFile];
});

afterAll(async () => {
  await emu?.close();
});

describe("pulumi up at the repository root", () => {
  it("runs the quickstart: the README's six resources are created", async () => {
    const up = await project.must(["up", "--yes", ...config], env);
    expect(resourceSummary(up.stdout)).toEqual({ created: 6 });
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 1,
      allowlistIdentifiers: 2,
      blocklistIdentifiers: 1,
      jwtTemplates: 1,
    });
  });

  it("a second look changes nothing and sends Clerk no request", async () => {
    emu.clearRequests();
    const preview = await project.must(["preview", "--expect-no-changes", ...config], env);
    expect(resourceSummary(preview.stdout)).toEqual({ unchanged: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("pulumi destroy removes them", async () => {
    await project.must(["destroy", "--yes", ...config], env);
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 0,
      allowlistIdentifiers: 0,
      blocklistIdentifiers: 0,
      jwtTemplates: 0,
    });
  });
});
