// The project template: `pulumi new templates/clerk-typescript` makes a working Clerk project.
// `--generate-only`, because a full `pulumi new` would `npm install` pulumi-clerk from the registry,
// where it is not published: the project then installs the packed tarball, and the stack and its
// secret key are set as the template's own config section asks (`clerk:secretKey`, secret).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Emulator, startEmulator } from "../../emulator";
import {
  clerkCounts,
  createProject,
  initStack,
  installPackages,
  REPO_ROOT,
  resourceSummary,
  seconds,
  type UserProject,
} from "./harness";

const TEMPLATE = join(REPO_ROOT, "templates", "clerk-typescript");
const KEY = "sk_test_user_tier_template";
const timings: string[] = [];
let emu: Emulator;
let project: UserProject;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  project = createProject("template");
});

afterAll(async () => {
  console.log(`user tier, pulumi new project: ${timings.join(", ")}`);
  await emu?.close();
});

describe("pulumi new from templates/clerk-typescript", () => {
  it("asks for clerk:secretKey as a secret", () => {
    const template = parse(readFileSync(join(TEMPLATE, "Pulumi.yaml"), "utf8"));
    expect(template.template.config["clerk:secretKey"]).toMatchObject({ secret: true });
  });

  it("generates a project named as asked, with the template's program", async () => {
    const made = await project.must([
      "new",
      TEMPLATE,
      "--generate-only",
      "--yes",
      "--name",
      "my-clerk",
      "--description",
      "My app's Clerk instance",
      "--dir",
      project.dir,
    ]);
    timings.push(`pulumi new ${seconds(made.ms)}`);
    const settings = parse(readFileSync(join(project.dir, "Pulumi.yaml"), "utf8"));
    expect(settings).toMatchObject({ name: "my-clerk", description: "My app's Clerk instance" });
    expect(settings.template).toBeUndefined();
    expect(JSON.parse(readFileSync(join(project.dir, "package.json"), "utf8")).name).toBe("my-clerk");
    expect(readFileSync(join(project.dir, "index.ts"), "utf8")).toBe(
      readFileSync(join(TEMPLATE, "index.ts"), "utf8"),
    );
  });

  it("installs, and pulumi up creates the starter's objects", async () => {
    timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
    await initStack(project, { secretKey: KEY, apiUrl: emu.url });
    const up = await project.must(["up", "--yes"]);
    timings.push(`up ${seconds(up.ms)}`);
    expect(resourceSummary(up.stdout)).toEqual({ created: 4 });
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 1,
      allowlistIdentifiers: 1,
      blocklistIdentifiers: 0,
      jwtTemplates: 1,
    });
  });

  it("pulumi destroy leaves Clerk empty", async () => {
    const destroy = await project.must(["destroy", "--yes"]);
    timings.push(`destroy ${seconds(destroy.ms)}`);
    expect(clerkCounts(emu)).toEqual({
      redirectUrls: 0,
      allowlistIdentifiers: 0,
      blocklistIdentifiers: 0,
      jwtTemplates: 0,
    });
  });
});
