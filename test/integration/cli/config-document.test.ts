import { resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runExport } from "../../../cli";
import { detectDrift, type StateResource } from "../../../cli/drift";
import { connectDocument } from "../../../cli/settings";
import { APPLICATION_ID, type Emulator, startEmulator } from "../../../emulator";
import { createClerkClient, createPlatformClient } from "../../../sdk";
import { capturedIo } from "../../support/cli-io";

// `pulumi-clerk export` and `drift` over the configuration-document resources: covered when a Platform
// API key is given, skipped (export) or reported as not checkable (drift) without one.

const SK = "sk_test_cliConfigDocument01";
const AK = "ak_cliConfigDocument01";
const REPO_ROOT = resolve(__dirname, "../../..");
let emu: Emulator;
const patch = (body: Record<string, unknown>) =>
  createPlatformClient({ apiKey: AK, apiUrl: emu.url, retry: false }).config.patch(
    APPLICATION_ID,
    "development",
    body,
  );

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.store.reset();
  emu.platform.reset();
});

describe("export", () => {
  const env = () => ({ CLERK_SECRET_KEY: SK, CLERK_API_URL: emu.url });

  it("with a Platform API key: declares the document's resources, each door's fields once", async () => {
    await patch({
      connection_oauth_github: { enabled: true, client_id: "gh-id", client_secret: "gh-secret-value" },
      auth_password: { min_length: 14 },
      auth_access_control: { sign_up_mode: "waitlist" },
    });
    const { io } = capturedIo(
      { ...env(), CLERK_PLATFORM_API_KEY: AK, CLERK_APPLICATION_ID: APPLICATION_ID },
      REPO_ROOT,
    );
    const { plan, files } = await runExport({ stdout: true, quiet: true }, io);
    const byType = (t: string) => plan.resources.filter((r) => r.type === t);
    expect(byType("PasswordPolicy")[0]?.args).toMatchObject({ minLength: 14 });
    expect(byType("SocialConnection").map((r) => r.args.provider)).toEqual(["github"]);
    expect(byType("SocialConnection")[0]?.args).not.toHaveProperty("clientSecret");
    expect(byType("AccessControl")[0]?.args).toEqual({ signUpMode: "waitlist" });
    // Organization switches come through OrganizationSettings, not twice.
    expect(byType("OrganizationConfig")[0]?.args ?? {}).not.toHaveProperty("enabled");
    expect(files["index.ts"]).toContain("new clerk.PasswordPolicy(");
    expect(files["index.ts"]).not.toContain("gh-secret-value");
  });

  it("without one: the Backend API resources only, and a line saying what was skipped", async () => {
    const { io, out } = capturedIo(env(), REPO_ROOT);
    const { plan } = await runExport({ stdout: true }, io);
    expect(plan.resources.some((r) => r.type === "PasswordPolicy")).toBe(false);
    expect(plan.resources.some((r) => r.type === "InstanceRestrictions")).toBe(true);
    expect(out.stderr).toMatch(/configuration document .*skipped, no Platform API key/);
  });
});

describe("drift", () => {
  const state = (outputs: Record<string, unknown>): StateResource =>
    ({
      urn: "urn:pulumi:dev::app::pulumi-nodejs:dynamic/clerk:PasswordPolicy::passwords",
      type: "pulumi-nodejs:dynamic/clerk:PasswordPolicy",
      id: "auth_password",
      inputs: { minLength: 12 },
      outputs: { ...outputs, __declared: ["minLength"] },
    }) as StateResource;

  it("finds a dashboard edit of a declared field through the Platform API, and only that field", async () => {
    await patch({ auth_password: { min_length: 9, require_numbers: true } });
    const found = connectDocument(
      {},
      {
        CLERK_SECRET_KEY: SK,
        CLERK_API_URL: emu.url,
        CLERK_PLATFORM_API_KEY: AK,
        CLERK_APPLICATION_ID: APPLICATION_ID,
      },
    );
    if (!("document" in found)) throw new Error(found.missing);
    const report = await detectDrift(
      [state({ minLength: 12 })],
      createClerkClient({ secretKey: SK, apiUrl: emu.url }),
      {},
      () => found.document,
    );
    expect(report.drift).toBe(true);
    expect(JSON.stringify(report.resources)).toContain("minLength");
    expect(JSON.stringify(report.resources)).not.toContain("requireNumbers");
  });

  it("without a Platform API key the resource cannot be checked, and the report says why", async () => {
    const found = connectDocument({}, { CLERK_SECRET_KEY: SK, CLERK_API_URL: emu.url });
    expect("missing" in found && found.missing).toMatch(/Platform API key/);
  });
});
