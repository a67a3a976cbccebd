import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { frontendApiUrl } from "../../emulator/routes/frontend";
import { createTestStack, REPO_ROOT, type TestStack } from "./harness";

const execFileAsync = promisify(execFile);
const CLI = join(REPO_ROOT, "dist", "cli", "index.js");

// Several Clerk instances in one stack, under the real Pulumi engine: the default instance
// (clerk:secretKey, clerk:apiUrl) on one emulator, "production" (clerk:instances.production.*, set with
// `pulumi config set --secret --path`) on another; each emulator accepts only its own key.
const DEV_KEY = "sk_test_e2e_instances_dev_0123";
const PROD_KEY = "sk_live_e2e_instances_prod_4567";

type Decl = { type: string; name: string; args: Record<string, unknown> };
const resources = (over: { movedInstance?: string } = {}): Decl[] => [
  { type: "RedirectUrl", name: "dev-callback", args: { url: "myapp://dev-callback" } },
  {
    type: "RedirectUrl",
    name: "prod-callback",
    args: { url: "https://app.example.com/callback", instance: "production" },
  },
  {
    type: "AllowlistIdentifier",
    name: "ceo",
    args: { identifier: "ceo@example.com", instance: "production" },
  },
  {
    type: "BlocklistIdentifier",
    name: "moving",
    args: { identifier: "spam@example.net", ...(over.movedInstance ? { instance: over.movedInstance } : {}) },
  },
];

let dev: Emulator;
let prod: Emulator;
let stack: TestStack;

beforeAll(async () => {
  dev = await startEmulator({ port: 0, secretKeys: [DEV_KEY] });
  prod = await startEmulator({ port: 0, secretKeys: [PROD_KEY] });
  stack = await createTestStack({
    name: "instances",
    program: "fixtures/instances-program.cjs",
    apiUrl: dev.url,
    secretKey: DEV_KEY,
    params: { resources: resources() },
  });
  // As the documentation tells users to.
  await stack.pulumi([
    "config",
    "set",
    "--secret",
    "--path",
    "clerk:instances.production.secretKey",
    PROD_KEY,
  ]);
  await stack.pulumi(["config", "set", "--path", "clerk:instances.production.apiUrl", prod.url]);
});

afterAll(async () => {
  await stack?.cleanup();
  await dev?.close();
  await prod?.close();
});

const clear = () => {
  dev.clearRequests();
  prod.clearRequests();
};
const live = (emu: Emulator) => ({
  redirects: emu.store.redirectUrls.list().map((r) => r.url),
  allow: emu.store.allowlistIdentifiers.list().map((r) => r.identifier),
  block: emu.store.blocklistIdentifiers.list().map((r) => r.identifier),
});

describe("several Clerk instances under the real engine", () => {
  it("1. up creates each resource in its own instance", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(5);
    expect(live(dev)).toEqual({
      redirects: ["myapp://dev-callback"],
      allow: [],
      block: ["spam@example.net"],
    });
    expect(live(prod)).toEqual({
      redirects: ["https://app.example.com/callback"],
      allow: ["ceo@example.com"],
      block: [],
    });
  });

  it("2. the exported stack records the instance name and holds no key", async () => {
    const state = await stack.exportState();
    expect(state.text).not.toContain(DEV_KEY);
    expect(state.text).not.toContain(PROD_KEY);
    const prodCallback = state.resources.find((r) => r.urn.endsWith("::prod-callback"));
    expect(prodCallback?.inputs?.instance).toBe("production");
    expect(prodCallback?.outputs?.instance).toBe("production");
    expect(state.resources.find((r) => r.urn.endsWith("::dev-callback"))?.outputs).not.toHaveProperty(
      "instance",
    );
  });

  it("3. an unchanged preview shows no changes and sends zero requests to either instance", async () => {
    clear();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 5 });
    expect(dev.requests()).toEqual([]);
    expect(prod.requests()).toEqual([]);
  });

  it("4. refresh reads each resource from its own instance", async () => {
    const ceo = prod.store.allowlistIdentifiers.list()[0];
    prod.store.allowlistIdentifiers.delete(ceo?.id ?? "");
    clear();
    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ delete: 1 });
    const paths = (emu: Emulator) =>
      [...new Set(emu.requests().map((r) => `${r.method} ${r.path.split("?")[0]}`))].sort();
    expect(paths(dev)).toEqual(["GET /blocklist_identifiers", "GET /redirect_urls"]);
    expect(paths(prod)).toEqual(["GET /allowlist_identifiers", "GET /redirect_urls"]);
    await stack.up();
    expect(live(prod).allow).toEqual(["ceo@example.com"]);
  });

  it("5. moving a resource to another instance replaces it: created there, deleted here", async () => {
    const params = { resources: resources({ movedInstance: "production" }) };
    const preview = await stack.preview({ params });
    const steps = preview.steps.filter((s) => s.name === "moving");
    // Create in the new instance first, then delete from the old one (no key clash across instances).
    expect(steps.map((s) => s.op)).toEqual(expect.arrayContaining(["create-replacement", "replace"]));
    expect(steps.flatMap((s) => s.keys)).toContain("instance");
    const up = await stack.up({ params });
    expect(up.summary).toMatchObject({ replace: 1 });
    expect(live(dev).block).toEqual([]);
    expect(live(prod).block).toEqual(["spam@example.net"]);
  });

  it("6. an unknown instance fails at preview naming the resource, the field and the configured names", async () => {
    clear();
    const bad = await stack.attempt("preview", {
      params: {
        resources: [
          ...resources({ movedInstance: "production" }),
          { type: "RedirectUrl", name: "typo", args: { url: "myapp://x", instance: "prodution" } },
        ],
      },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.message).toContain("typo");
    expect(bad.message).toContain(
      'RedirectUrl.instance: unknown Clerk instance "prodution"; configured: production',
    );
    expect(bad.message).not.toContain(PROD_KEY);
    expect([...dev.requests(), ...prod.requests()]).toEqual([]);
  });

  it("7. a lookup's output is another resource's input; a preview costs exactly the lookups' reads", async () => {
    const params = { resources: resources({ movedInstance: "production" }), lookup: "production" };
    const up = await stack.up({ params });
    const url = frontendApiUrl(prod.store);
    expect(up.outputs.jwksUrl).toBe(`${url}/.well-known/jwks.json`);
    expect(up.outputs.instanceId).toBe(prod.store.instanceId);
    const template = dev.store.jwtTemplates.list().find((t) => t.name === "gateway");
    expect(template?.claims).toEqual({
      issuer: url,
      kid: prod.store.instanceId,
      jwks: `${url}/.well-known/jwks.json`,
    });

    clear();
    const preview = await stack.preview({ params });
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(dev.requests()).toEqual([]);
    expect(
      prod
        .requests()
        .map((r) => `${r.method} ${r.path.split("?")[0]}`)
        .sort(),
    ).toEqual(["GET /domains", "GET /instance", "GET /jwks"]);
    const state = await stack.exportState();
    expect(state.text).not.toContain(PROD_KEY);
    expect(state.text).not.toContain(DEV_KEY);
  });

  it("8. pulumi-clerk drift reads each resource from its own instance, with the stack's config", async () => {
    const drift = async () => {
      try {
        const { stdout } = await execFileAsync(process.execPath, [CLI, "drift"], {
          cwd: stack.workDir,
          env: stack.env,
        });
        return { code: 0, stdout };
      } catch (e) {
        const err = e as { code: number; stdout: string; stderr: string };
        return { code: err.code, stdout: err.stdout + err.stderr };
      }
    };
    const clean = await drift();
    expect(clean, clean.stdout).toMatchObject({ code: 0 });
    expect(clean.stdout).toContain("no drift");
    const ceo = prod.store.allowlistIdentifiers.list()[0];
    prod.store.allowlistIdentifiers.delete(ceo?.id ?? "");
    const drifted = await drift();
    expect(drifted.code).toBe(2);
    expect(drifted.stdout).toContain("ceo (AllowlistIdentifier");
    expect(drifted.stdout).not.toContain(PROD_KEY);
  });

  it("9. destroy empties both instances", async () => {
    await stack.destroy();
    expect(live(dev)).toEqual({ redirects: [], allow: [], block: [] });
    expect(live(prod)).toEqual({ redirects: [], allow: [], block: [] });
    expect(dev.store.jwtTemplates.list()).toEqual([]);
  });
});
