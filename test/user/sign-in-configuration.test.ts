// The guide's production-ready example (docs/sign-in-configuration.md), run as written through the
// `pulumi` CLI: the program is the guide's code block itself, read from the page, so the test fails when
// the page stops working. Only the settings differ from the guide's: the emulator's URL, its seeded
// application and production key, a Platform key. Then what the guide promises: an unchanged preview sends
// nothing, a program change shows as `field: old => new`, and a dashboard edit (a PATCH straight to the
// Platform API) shows up in `pulumi refresh` as exactly that field, after one read of the document.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ID, type Emulator, PRODUCTION_SECRET_KEY, startEmulator } from "../../emulator";
import {
  createProject,
  installPackages,
  REPO_ROOT,
  resourceSummary,
  seconds,
  type UserProject,
} from "./harness";

const PLATFORM_KEY = "ak_userTierGuideExample0123";
const GOOGLE_SECRET = "GOCSPX-userTierGuideGoogleSecret";
/** The guide's nine resources. */
const RESOURCES = 9;

/** The first TypeScript block under the guide's "A production-ready example" heading. */
function guideExample(): string {
  const page = readFileSync(join(REPO_ROOT, "docs", "sign-in-configuration.md"), "utf8");
  const section = page.split(/^## A production-ready example$/m)[1] ?? "";
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("docs/sign-in-configuration.md has no ```ts block under its example heading");
  return block;
}

const timings: string[] = [];
let emu: Emulator;
let project: UserProject;
let example: string;
const configRequests = () => emu.requests().filter((r) => r.path.includes("/config"));
const markedLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => /^\s*[-+~]\s/.test(l))
    .map((l) => l.trim().replace(/\s+:/, ":"));

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  example = guideExample();
  project = createProject("guide", {
    "Pulumi.yaml": "name: clerk-sign-in\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
    "package.json": `${JSON.stringify(
      {
        name: "clerk-sign-in",
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
    "index.ts": example,
  });
  timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
  await project.must(["stack", "init", "dev", "--secrets-provider", "passphrase"]);
  // The guide's `pulumi config set` lines, in one invocation.
  await project.must([
    "config",
    "set-all",
    "--secret",
    `clerk:secretKey=${PRODUCTION_SECRET_KEY}`,
    "--secret",
    `clerk:platformApiKey=${PLATFORM_KEY}`,
    "--plaintext",
    `clerk:applicationId=${APPLICATION_ID}`,
    "--plaintext",
    "clerk:environment=production",
    "--plaintext",
    `clerk:apiUrl=${emu.url}`,
    "--plaintext",
    "googleClientId=1234.apps.googleusercontent.com",
    "--secret",
    `googleClientSecret=${GOOGLE_SECRET}`,
  ]);
});

afterAll(async () => {
  console.log(`user tier, the sign-in configuration guide: ${timings.join(", ")}`);
  await emu?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
type Doc = Record<string, any>;

/** The production instance's document, as the dashboard sees it. */
async function platform(method: "GET" | "PATCH", body?: unknown): Promise<Doc> {
  const res = await fetch(`${emu.url}/platform/applications/${APPLICATION_ID}/instances/production/config`, {
    method,
    headers: { authorization: `Bearer ${PLATFORM_KEY}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} config: ${res.status} ${await res.text()}`);
  return (await res.json()) as Doc;
}

describe("the sign-in configuration guide's example through the pulumi CLI", () => {
  it("pulumi up applies it to the production instance: one read of the document per pass, no secret in state", async () => {
    emu.clearRequests();
    const up = await project.must(["up", "--yes"]);
    timings.push(`up ${seconds(up.ms)}`);
    expect(resourceSummary(up.stdout)).toEqual({ created: RESOURCES + 1 });
    // `up` previews, then updates, each in a provider process of its own: each reads the document once
    // (the preview to say what the adoptions change, the update to write), whatever the resource count.
    expect(configRequests().filter((r) => r.method === "GET")).toHaveLength(2);
    expect(configRequests().every((r) => r.status < 400)).toBe(true);
    const doc = await platform("GET");
    expect(doc.auth_email.sign_in_strategies).toEqual(["email_code"]);
    expect(doc.auth_password).toMatchObject({ min_length: 12, min_zxcvbn_strength: 3 });
    expect(doc.auth_multi_factor).toMatchObject({
      authenticator_app: { enabled: true },
      backup_code: { enabled: true },
      required_for_sign_in: true,
    });
    expect(doc.connection_oauth_google).toMatchObject({
      enabled: true,
      client_id: "1234.apps.googleusercontent.com",
    });
    expect(doc.auth_access_control.sign_up_mode).toBe("restricted");
    expect(doc.session_settings.inactivity_timeout).toMatchObject({ enabled: true, duration_seconds: 1800 });
    expect(emu.platform.instance(APPLICATION_ID, "production")?.allowlistIdentifiers.list()).toMatchObject([
      { identifier: "*@example.com" },
    ]);
    const state = await project.must(["stack", "export"]);
    for (const secret of [GOOGLE_SECRET, PLATFORM_KEY, PRODUCTION_SECRET_KEY])
      expect(state.stdout).not.toContain(secret);
  });

  it("an unchanged pulumi preview sends no request", async () => {
    emu.clearRequests();
    const preview = await project.must(["preview", "--expect-no-changes"]);
    timings.push(`no-op preview ${seconds(preview.ms)}`);
    expect(resourceSummary(preview.stdout)).toEqual({ unchanged: RESOURCES + 1 });
    expect(emu.requests()).toEqual([]);
  });

  it("pulumi preview --diff shows a changed argument as old => new, and nothing else", async () => {
    project.write("index.ts", example.replace("minLength: 12,", "minLength: 14,"));
    emu.clearRequests();
    const preview = await project.must(["preview", "--diff"]);
    project.write("index.ts", example);
    expect(resourceSummary(preview.stdout)).toEqual({ "to update": 1, unchanged: RESOURCES });
    expect(markedLines(preview.stdout)).toEqual([
      "~ pulumi-nodejs:dynamic/clerk:PasswordPolicy: (update)",
      "~ minLength: 12 => 14",
      "~ 1 to update",
    ]);
    expect(emu.requests()).toEqual([]);
  });

  it("pulumi refresh after a dashboard edit shows exactly that field, after one read of the document", async () => {
    // Someone turns off MFA in production on a Friday (and changes an undeclared field too).
    await platform("PATCH", {
      auth_multi_factor: { required_for_sign_in: false },
      auth_password: { require_uppercase: true },
    });
    emu.clearRequests();
    // --skip-preview: without it the CLI first runs the refresh as a preview, a second pass (and read).
    const refresh = await project.must(["refresh", "--yes", "--skip-preview", "--diff"]);
    timings.push(`refresh ${seconds(refresh.ms)}`);
    expect(resourceSummary(refresh.stdout)).toEqual({ updated: 1, unchanged: RESOURCES });
    expect(configRequests().map((r) => r.method)).toEqual(["GET"]);
    const marked = markedLines(refresh.stdout).filter((l) => !/^~ \d+ updated$/.test(l));
    // The MultiFactor resource's header and its one field; the undeclared requireUppercase is not shown.
    expect(marked).toEqual([
      expect.stringContaining("clerk:MultiFactor"),
      "~ requiredForSignIn: true => false",
    ]);
  });
});
