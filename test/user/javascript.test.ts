// Plain JavaScript projects through the `pulumi` CLI: an ES-module program (`"type": "module"`, named
// imports) whose key comes from CLERK_SECRET_KEY, and a CommonJS program that first runs with no key
// at all (the documented error, and no request), then with one set by `pulumi config set --secret`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import {
  clerkCounts,
  createProject,
  initStack,
  installPackages,
  resourceSummary,
  seconds,
  type UserProject,
} from "./harness";

const EMPTY = { redirectUrls: 0, allowlistIdentifiers: 0, blocklistIdentifiers: 0, jwtTemplates: 0 };

function packageJson(name: string, type?: "module"): string {
  const manifest = { name, private: true, ...(type ? { type } : {}), main: "index.js" };
  return `${JSON.stringify({ ...manifest, dependencies: { "@pulumi/pulumi": "^3.270.0" } }, null, 2)}\n`;
}

describe("an ES-module JavaScript project, key from CLERK_SECRET_KEY", () => {
  const key = "sk_test_user_tier_esm";
  const timings: string[] = [];
  let emu: Emulator;
  let project: UserProject;
  let env: Record<string, string>;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    env = { CLERK_SECRET_KEY: key, CLERK_API_URL: emu.url };
    project = createProject("esm", {
      "Pulumi.yaml": "name: clerk-esm\nruntime: nodejs\n",
      "package.json": packageJson("clerk-esm", "module"),
      "index.js": `import { AllowlistIdentifier, JwtTemplate } from "pulumi-clerk";

const hasura = new JwtTemplate("hasura", { name: "hasura", claims: { role: "user" }, lifetime: 300 });
new AllowlistIdentifier("cto", { identifier: "cto@example.com" });

export const hasuraTemplateId = hasura.id;
`,
    });
    timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
    // No clerk:* config at all: everything comes from the environment.
    await initStack(project);
  });

  afterAll(async () => {
    console.log(`user tier, ES-module project: ${timings.join(", ")}`);
    await emu?.close();
  });

  it("pulumi up creates the objects", async () => {
    const up = await project.must(["up", "--yes"], env);
    timings.push(`up ${seconds(up.ms)}`);
    expect(resourceSummary(up.stdout)).toEqual({ created: 3 });
    expect(clerkCounts(emu)).toEqual({ ...EMPTY, allowlistIdentifiers: 1, jwtTemplates: 1 });
    const outputs = JSON.parse((await project.must(["stack", "output", "--json"], env)).stdout);
    expect(outputs.hasuraTemplateId).toMatch(/^jtmp_/);
  });

  it("an immediate pulumi preview has no changes and sends Clerk no request", async () => {
    emu.clearRequests();
    const preview = await project.must(["preview", "--expect-no-changes"], env);
    timings.push(`no-op preview ${seconds(preview.ms)}`);
    expect(resourceSummary(preview.stdout)).toEqual({ unchanged: 3 });
    expect(emu.requests()).toEqual([]);
  });

  it("keeps the key out of the state", async () => {
    expect((await project.must(["stack", "export"], env)).stdout).not.toContain(key);
  });

  it("pulumi destroy leaves Clerk empty", async () => {
    const destroy = await project.must(["destroy", "--yes"], env);
    timings.push(`destroy ${seconds(destroy.ms)}`);
    expect(resourceSummary(destroy.stdout)).toEqual({ deleted: 3 });
    expect(clerkCounts(emu)).toEqual(EMPTY);
  });
});

describe("a CommonJS JavaScript project, first without a key, then with one in stack config", () => {
  const timings: string[] = [];
  let emu: Emulator;
  let project: UserProject;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    project = createProject("commonjs", {
      "Pulumi.yaml": "name: clerk-cjs\nruntime: nodejs\n",
      "package.json": packageJson("clerk-cjs"),
      "index.js": `"use strict";
const clerk = require("pulumi-clerk");

const callback = new clerk.RedirectUrl("expo-callback", { url: "myapp://oauth-callback" });
new clerk.BlocklistIdentifier("spammer", { identifier: "spam@example.net" });

exports.redirectUrlId = callback.id;
`,
    });
    timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
    await initStack(project, { apiUrl: emu.url });
  });

  afterAll(async () => {
    console.log(`user tier, CommonJS project: ${timings.join(", ")}`);
    await emu?.close();
  });

  it("without clerk:secretKey or CLERK_SECRET_KEY, pulumi up fails with the documented message and sends nothing", async () => {
    emu.clearRequests();
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    const output = up.stdout + up.stderr;
    expect(output).toContain(
      "Clerk secret key is not set. Set it for the stack with `pulumi config set --secret clerk:secretKey sk_...` or in the environment as CLERK_SECRET_KEY.",
    );
    expect(emu.requests()).toEqual([]);
    expect(clerkCounts(emu)).toEqual(EMPTY);
  });

  it("with the key set by pulumi config set --secret, pulumi up creates the objects", async () => {
    await project.must(["config", "set", "--secret", "clerk:secretKey", "sk_test_user_tier_cjs"]);
    const up = await project.must(["up", "--yes"]);
    timings.push(`up ${seconds(up.ms)}`);
    // The failed run above already recorded the stack itself.
    expect(resourceSummary(up.stdout)).toEqual({ created: 2, unchanged: 1 });
    expect(clerkCounts(emu)).toEqual({ ...EMPTY, redirectUrls: 1, blocklistIdentifiers: 1 });
  });

  it("an immediate pulumi preview has no changes and sends Clerk no request", async () => {
    emu.clearRequests();
    const preview = await project.must(["preview", "--expect-no-changes"]);
    expect(resourceSummary(preview.stdout)).toEqual({ unchanged: 3 });
    expect(emu.requests()).toEqual([]);
  });

  it("pulumi destroy leaves Clerk empty", async () => {
    const destroy = await project.must(["destroy", "--yes"]);
    timings.push(`destroy ${seconds(destroy.ms)}`);
    expect(resourceSummary(destroy.stdout)).toEqual({ deleted: 3 });
    expect(clerkCounts(emu)).toEqual(EMPTY);
  });
});
