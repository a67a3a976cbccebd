import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main, runExport } from "../../../cli";
import { type StateResource, TYPE_PREFIX } from "../../../cli/drift";
import { type Emulator, startEmulator } from "../../../emulator";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ListCache } from "../../../provider/runtime/list-cache";
import { createClerkClient } from "../../../sdk";
import { capturedIo } from "../../support/cli-io";

// `pulumi-clerk drift` and `export` with two Clerk instances: the default one on one emulator and
// "production" on another, each accepting only its own key.
const REPO_ROOT = resolve(__dirname, "../../..");
const DEV_KEY = "sk_test_cli_instances_dev_key";
const PROD_KEY = "sk_live_cli_instances_prod_key";
let dev: Emulator;
let prod: Emulator;
let work: string;
let stateFile: string;

/** A resource as the engine records it: check, then create, through the provider's own handlers. */
async function recorded(emu: Emulator, key: string, name: string, args: Record<string, unknown>) {
  const client = createClerkClient({ secretKey: key, apiUrl: emu.url });
  const h = makeHandlers(redirectUrlDefinition, () => ({
    client,
    lists: new ListCache(),
    type: "RedirectUrl",
  }));
  const checked = await h.check({}, args);
  const created = await h.create(checked.inputs ?? {});
  return {
    urn: `urn:pulumi:dev::app::${TYPE_PREFIX}RedirectUrl::${name}`,
    type: `${TYPE_PREFIX}RedirectUrl`,
    id: created.id,
    inputs: checked.inputs,
    outputs: created.outs,
  } as StateResource;
}

beforeAll(async () => {
  dev = await startEmulator({ port: 0, secretKeys: [DEV_KEY] });
  prod = await startEmulator({ port: 0, secretKeys: [PROD_KEY] });
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  work = mkdtempSync(join(REPO_ROOT, "tmp", "cli-instances-"));
  const resources = [
    await recorded(dev, DEV_KEY, "dev-callback", { url: "myapp://dev" }),
    await recorded(prod, PROD_KEY, "prod-callback", { url: "myapp://prod", instance: "production" }),
  ];
  stateFile = join(work, "state.json");
  writeFileSync(stateFile, JSON.stringify({ version: 3, deployment: { resources } }));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await dev?.close();
  await prod?.close();
});
beforeEach(() => {
  dev.clearRequests();
  prod.clearRequests();
});

const both = () => ({
  CLERK_SECRET_KEY: DEV_KEY,
  CLERK_API_URL: dev.url,
  CLERK_SECRET_KEY_PRODUCTION: PROD_KEY,
  CLERK_API_URL_PRODUCTION: prod.url,
});
const io = (env: NodeJS.ProcessEnv) => capturedIo(env, work);

describe("pulumi-clerk drift with several instances", () => {
  it("reads each resource from the instance its state records", async () => {
    const { io: i, out } = io(both());
    expect(await main(["drift", "--state", stateFile], i), out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain("no drift: 2 Clerk resource(s)");
    expect(dev.requests().map((r) => r.path)).toEqual(["/redirect_urls"]);
    expect(prod.requests().map((r) => r.path)).toEqual(["/redirect_urls"]);
  });

  it("a change in one instance is reported on that instance's resource only", async () => {
    const live = prod.store.redirectUrls.list()[0];
    prod.store.redirectUrls.delete(live?.id ?? "");
    const { io: i, out } = io(both());
    expect(await main(["drift", "--state", stateFile], i)).toBe(2);
    expect(out.stdout).toContain("prod-callback (RedirectUrl");
    expect(out.stdout).toContain("deleted outside Pulumi");
    expect(out.stdout).not.toContain("dev-callback");
  });

  it("an instance the state names but nothing configures fails before any request, naming how to set it", async () => {
    const { io: i, out } = io({ CLERK_SECRET_KEY: DEV_KEY, CLERK_API_URL: dev.url });
    expect(await main(["drift", "--state", stateFile], i)).toBe(1);
    expect(out.stderr).toContain('unknown Clerk instance "production"');
    expect(out.stderr).toContain("CLERK_SECRET_KEY_PRODUCTION");
    expect(out.stderr).not.toContain(DEV_KEY);
    expect([...dev.requests(), ...prod.requests()]).toEqual([]);
  });
});

describe("pulumi-clerk export --instance", () => {
  it("reads the named instance and declares instance on every resource", async () => {
    const { io: i } = io(both());
    const { files, plan } = await runExport({ instance: "production", stdout: true, quiet: true }, i);
    expect(dev.requests()).toEqual([]);
    expect(plan.resources.length).toBeGreaterThan(1);
    const program = files["index.ts"];
    const declarations = program.match(/^new clerk\.[\s\S]*?\);$/gm) ?? [];
    expect(declarations.length).toBe(plan.resources.length);
    for (const d of declarations) expect(d).toContain('instance: "production"');
    expect(program).toContain('importId: "');
    expect(files["README.md"]).toContain(
      "pulumi config set --secret --path 'clerk:instances.production.secretKey'",
    );
    expect(program + files["README.md"]).not.toContain(PROD_KEY);
  });

  it("without --instance, declares no instance (the default one)", async () => {
    const { io: i } = io(both());
    const { files } = await runExport({ stdout: true, quiet: true }, i);
    expect(files["index.ts"]).not.toContain("instance:");
    expect(prod.requests()).toEqual([]);
  });
});
