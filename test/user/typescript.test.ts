// A TypeScript Pulumi project, as a user writes it: Pulumi.yaml (runtime nodejs), package.json,
// tsconfig.json and index.ts; pulumi-clerk installed from its tarball; the key set with
// `pulumi config set --secret`. Then the whole life of a stack through the `pulumi` CLI, Pulumi's own
// TypeScript support compiling the program: up, an empty preview, a change previewed with --diff,
// an edit behind Pulumi's back found by refresh, destroy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
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

const KEY = "sk_test_user_tier_typescript";

const program = (lifetime: number) => `import * as pulumi from "@pulumi/pulumi";
import * as clerk from "pulumi-clerk";

const callback = new clerk.RedirectUrl("app-callback", { url: "myapp://oauth-callback" });
new clerk.AllowlistIdentifier("ceo", { identifier: "ceo@example.com" });
new clerk.BlocklistIdentifier("spammer", { identifier: "spam@example.net" });
const supabase = new clerk.JwtTemplate("supabase", {
  name: "supabase",
  claims: { role: "authenticated" },
  lifetime: ${lifetime},
});

export const redirectUrlId: pulumi.Output<string> = callback.id;
export const supabaseTemplateId = supabase.id;
`;

const timings: string[] = [];
let emu: Emulator;
let project: UserProject;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  project = createProject("typescript", {
    "Pulumi.yaml": "name: clerk-ts\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
    "package.json": `${JSON.stringify(
      {
        name: "clerk-ts",
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "^3.270.0" },
        devDependencies: { "@types/node": "^24.0.0", typescript: "~5.9.0" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          skipLibCheck: true,
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
    "index.ts": program(60),
  });
  timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
  await initStack(project, { secretKey: KEY, apiUrl: emu.url });
});

afterAll(async () => {
  console.log(`user tier, TypeScript project: ${timings.join(", ")}`);
  await emu?.close();
});

describe("a TypeScript project through the pulumi CLI", () => {
  it("installed pulumi-clerk from the tarball into its own node_modules (a copy, not a link)", () => {
    const manifest = JSON.parse(readFileSync(join(project.dir, "package.json"), "utf8"));
    expect(manifest.dependencies["pulumi-clerk"]).toMatch(/^file:.*pulumi-clerk-[\d.]+\.tgz$/);
    const installed = JSON.parse(
      readFileSync(join(project.dir, "node_modules", "pulumi-clerk", "package.json"), "utf8"),
    );
    expect(installed.name).toBe("pulumi-clerk");
  });

  it("pulumi up creates the declared objects in Clerk", async () => {
    const up = await project.must(["up", "--yes"]);
    timings.push(`up ${seconds(up.ms)}`);
    expect(resourceSummary(up.stdout)).toEqual({ created: 5 });
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 1,
      allowlistIdentifiers: 1,
      blocklistIdentifiers: 1,
      jwtTemplates: 1,
    });
    expect(emu.store.jwtTemplates.list()[0]).toMatchObject({ name: "supabase", lifetime: 60 });
    const outputs = JSON.parse((await project.must(["stack", "output", "--json"])).stdout);
    expect(outputs.supabaseTemplateId).toBe(emu.store.jwtTemplates.list()[0]?.id);
  });

  it("keeps the key encrypted: not in the stack's config file, not in its state", async () => {
    expect(readFileSync(join(project.dir, "Pulumi.dev.yaml"), "utf8")).not.toContain(KEY);
    const state = await project.must(["stack", "export"]);
    expect(state.stdout).not.toContain(KEY);
  });

  it("an immediate pulumi preview has no changes and sends Clerk no request", async () => {
    emu.clearRequests();
    const preview = await project.must(["preview", "--expect-no-changes"]);
    timings.push(`no-op preview ${seconds(preview.ms)}`);
    expect(resourceSummary(preview.stdout)).toEqual({ unchanged: 5 });
    expect(emu.requests()).toEqual([]);
  });

  it("a program change: pulumi preview --diff shows exactly that change, pulumi up applies it", async () => {
    project.write("index.ts", program(120));
    emu.clearRequests();
    const preview = await project.must(["preview", "--diff"]);
    expect(resourceSummary(preview.stdout)).toEqual({ "to update": 1, unchanged: 4 });
    // The one changed property is the only line marked as a change below the resource's header.
    const marked = preview.stdout.split("\n").filter((l) => /^\s*[-+~]\s/.test(l));
    expect(marked.map((l) => l.trim())).toEqual([
      "~ pulumi-nodejs:dynamic/clerk:JwtTemplate: (update)",
      "~ lifetime: 60 => 120",
      "~ 1 to update",
    ]);
    expect(emu.requests()).toEqual([]);
    const up = await project.must(["up", "--yes"]);
    expect(resourceSummary(up.stdout)).toEqual({ updated: 1, unchanged: 4 });
    expect(emu.store.jwtTemplates.list()[0]?.lifetime).toBe(120);
  });

  it("pulumi refresh finds an edit made behind Pulumi's back, and the next preview would undo it", async () => {
    const template = emu.store.jwtTemplates.list()[0];
    if (!template) throw new Error("no JWT template in the emulator");
    emu.store.jwtTemplates.update(template.id, { lifetime: 3600 });
    const refresh = await project.must(["refresh", "--yes"]);
    timings.push(`refresh ${seconds(refresh.ms)}`);
    expect(resourceSummary(refresh.stdout)).toEqual({ updated: 1, unchanged: 4 });
    expect(refresh.stdout).toMatch(/~\s+pulumi-nodejs:dynamic\/clerk:JwtTemplate supabase updated/);
    const preview = await project.must(["preview", "--diff"]);
    expect(preview.stdout).toMatch(/~ lifetime\s*: 3600 => 120/);
  });

  it("pulumi destroy leaves Clerk empty", async () => {
    const destroy = await project.must(["destroy", "--yes"]);
    timings.push(`destroy ${seconds(destroy.ms)}`);
    expect(resourceSummary(destroy.stdout)).toEqual({ deleted: 5 });
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 0,
      allowlistIdentifiers: 0,
      blocklistIdentifiers: 0,
      jwtTemplates: 0,
    });
  });
});
