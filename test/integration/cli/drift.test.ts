import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../cli";
import {
  type DriftReport,
  detectDrift,
  isSecretEnvelope,
  type StateResource,
  TYPE_PREFIX,
} from "../../../cli/drift";
import { planExport, readInstance } from "../../../cli/export";
import { type Emulator, startEmulator } from "../../../emulator";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ListCache } from "../../../provider/runtime/list-cache";
import { definitions } from "../../../provider/runtime/registry";
import { createClerkClient } from "../../../sdk";
import { capturedIo } from "../../support/cli-io";
import { JWT_SIGNING_KEY, OIDC_CLIENT_SECRET, SEED_KEY, seedVaried } from "../../support/seed";

// The drift check at runtime level: a stack state built the way the engine records it (check, then
// create with importId through the provider's own handlers; secrets as Pulumi's encrypted envelopes),
// compared with the emulator before and after edits made behind Pulumi's back.
const REPO_ROOT = resolve(__dirname, "../../..");
const envelope = {
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  ciphertext: "v1:x",
};

let emu: Emulator;
let work: string;
let stateFile: string;
let resources: StateResource[];

const io = (env: NodeJS.ProcessEnv) => capturedIo(env, work);

/** Replaces config-secret markers with the real values (what the program gets from stack config). */
function resolveSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(resolveSecrets);
  if (v && typeof v === "object") {
    const key = (v as { configSecret?: string }).configSecret;
    if (typeof key === "string")
      return key.startsWith("jwtSigningKey_") ? JWT_SIGNING_KEY : OIDC_CLIENT_SECRET;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveSecrets(x)]));
  }
  return v;
}

/** The secret inputs the engine would store encrypted. */
const SECRET_FIELDS: Record<string, string[]> = {
  JwtTemplate: ["signingKey"],
  EnterpriseConnection: ["oidc"],
  Machine: ["secretKey"],
  SvixWebhooks: ["dashboardUrl"],
};

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  await seedVaried(emu.url);
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  work = mkdtempSync(join(REPO_ROOT, "tmp", "cli-drift-"));
  const client = createClerkClient({ secretKey: SEED_KEY, apiUrl: emu.url });
  const plan = planExport(await readInstance(client));
  const lists = new ListCache();
  resources = [];
  for (const r of plan.resources) {
    const def = definitions.get(r.type);
    if (!def) throw new Error(r.type);
    const h = makeHandlers(def, () => ({ client, lists, type: def.type }));
    const checked = await h.check({}, { ...(resolveSecrets(r.args) as object), importId: r.importId });
    if (!checked.inputs) throw new Error(`${r.type} ${r.name}: ${JSON.stringify(checked.failures)}`);
    const created = await h.create(checked.inputs);
    const inputs: Record<string, unknown> = { ...checked.inputs, __provider: "exports.handler = …" };
    const outputs: Record<string, unknown> = { ...created.outs, __provider: "exports.handler = …" };
    for (const f of SECRET_FIELDS[r.type] ?? []) {
      if (f in inputs) inputs[f] = envelope;
      if (f in outputs) outputs[f] = envelope;
    }
    resources.push({
      urn: `urn:pulumi:dev::clerk-instance::${TYPE_PREFIX}${r.type}::${r.name}`,
      type: `${TYPE_PREFIX}${r.type}`,
      id: created.id,
      inputs,
      outputs,
    });
  }
  const stack = {
    urn: "urn:pulumi:dev::clerk-instance::pulumi:pulumi:Stack::clerk-instance-dev",
    type: "pulumi:pulumi:Stack",
  };
  stateFile = join(work, "state.json");
  writeFileSync(stateFile, JSON.stringify({ version: 3, deployment: { resources: [stack, ...resources] } }));
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await emu?.close();
});

const env = () => ({ CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: emu.url });

describe("pulumi-clerk drift", () => {
  it("no drift: exit 0, every Clerk resource checked, write-only fields named as not comparable", async () => {
    const { io: i, out } = io(env());
    expect(await main(["drift", "--state", stateFile], i), out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toContain(`no drift: ${resources.length} Clerk resource(s) match the stack's state`);
    expect(out.stdout).toContain("JwtTemplate: signingKey");
    expect(out.stdout).toContain("EnterpriseConnection: oidc, saml.idpMetadata, saml.attributeMapping");
  });

  it("reads list-only collections once, whatever their size", async () => {
    emu.clearRequests();
    await detectDrift(resources, createClerkClient({ secretKey: SEED_KEY, apiUrl: emu.url }));
    const lists = emu.requests().filter((r) => r.path === "/allowlist_identifiers" || r.path === "/domains");
    expect(lists.map((r) => r.path).sort()).toEqual(["/allowlist_identifiers", "/domains"]);
    // The one POST asks for a Svix dashboard link: Clerk's only sign that webhooks are on (it changes nothing).
    const writes = emu.requests().filter((r) => r.method === "POST" || r.method === "DELETE");
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /webhooks/svix_url"]);
  });

  it("an edit behind Pulumi's back: exit 2, naming resource, type and field, recorded -> live", async () => {
    const jwt = emu.store.jwtTemplates.find((t) => t.name === "supabase");
    const ceo = emu.store.allowlistIdentifiers.find((a) => a.identifier === "ceo@example.com");
    emu.store.jwtTemplates.update(jwt?.id ?? "", { lifetime: 3600, signing_key: "rotated-in-the-dashboard" });
    emu.store.allowlistIdentifiers.delete(ceo?.id ?? "");
    emu.store.organizationSettings.patch({ max_allowed_memberships: 50 });
    emu.store.communication.set({ blocked_country_codes: ["CN"] });
    const worker = emu.store.machines.find((m) => m.name === "Billing worker");
    emu.store.machines.update(worker?.id ?? "", {
      scoped_machines: [],
      secret_key: "ak_rotated_in_the_dashboard",
    });
    emu.store.svix.set({ enabled: false });

    const { io: i, out } = io(env());
    expect(await main(["drift", "--state", stateFile], i), out.stderr).toBe(2);
    expect(out.stdout).toContain("drift: 6 of");
    const api = emu.store.machines.find((m) => m.name === "Orders API");
    expect(out.stdout).toContain(
      `billing-worker (Machine ${worker?.id}):\n    scopedMachines: ["${api?.id}"] -> []`,
    );
    expect(out.stdout).toContain("svix-webhooks (SvixWebhooks svix): deleted outside Pulumi");
    expect(out.stdout).toContain(`supabase (JwtTemplate ${jwt?.id}):\n    lifetime: 120 -> 3600`);
    expect(out.stdout).toContain(
      `ceo-at-example-com (AllowlistIdentifier ${ceo?.id}): deleted outside Pulumi`,
    );
    expect(out.stdout).toContain(
      "organization-settings (OrganizationSettings organization_settings):\n    maxAllowedMemberships: 25 -> 50",
    );
    expect(out.stdout).toContain('blockedCountryCodes: ["CN","AF"] -> ["CN"]');
    // Secrets are never printed: neither the recorded nor the live signing key.
    const machineKeys = emu.store.machines.list().map((m) => m.secret_key);
    for (const secret of [
      JWT_SIGNING_KEY,
      "rotated-in-the-dashboard",
      OIDC_CLIENT_SECRET,
      SEED_KEY,
      ...machineKeys,
    ]) {
      expect(out.stdout + out.stderr).not.toContain(secret);
    }

    const json = io(env());
    expect(await main(["drift", "--state", stateFile, "--json"], json.io)).toBe(2);
    const report = JSON.parse(json.out.stdout) as DriftReport;
    expect(report.drift).toBe(true);
    expect(report.checked).toBe(resources.length);
    expect(report.resources.find((r) => r.name === "supabase")).toMatchObject({
      type: "JwtTemplate",
      status: "changed",
      fields: [{ field: "lifetime", recorded: "120", live: "3600" }],
    });
    expect(report.resources.find((r) => r.name === "ceo-at-example-com")?.status).toBe("deleted");
  });

  it("a secret-marked recorded input is never compared or shown", async () => {
    const oauth = resources.find((r) => r.urn.endsWith("::web-portal")) as StateResource;
    const fake = { ...oauth, inputs: { ...oauth.inputs, name: envelope } };
    emu.store.oauthApplications.update(oauth.id as string, { name: "Renamed" });
    const report = await detectDrift([fake], createClerkClient({ secretKey: SEED_KEY, apiUrl: emu.url }));
    expect(report.drift).toBe(false);
    expect(isSecretEnvelope(fake.inputs?.name)).toBe(true);
  });

  it("a check that cannot run exits 1, not 2", async () => {
    // One resource: the client retries connection errors with backoff before giving up.
    const one = join(work, "one.json");
    writeFileSync(one, JSON.stringify({ version: 3, deployment: { resources: resources.slice(0, 1) } }));
    const down = io({ CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: "http://127.0.0.1:9/v1" });
    expect(await main(["drift", "--state", one], down.io)).toBe(1);
    expect(down.out.stdout).toContain("could not be read");
    const missing = io(env());
    expect(await main(["drift", "--state", join(work, "nope.json")], missing.io)).toBe(1);
    const notState = io(env());
    writeFileSync(join(work, "bad.json"), "{}");
    expect(await main(["drift", "--state", join(work, "bad.json")], notState.io)).toBe(1);
    expect(notState.out.stderr).toContain("pulumi stack export");
  }, 120_000);
});

// A stand-in for the Pulumi CLI, reading a stack's config the way `pulumi config` does: from the file
// `--config-file` names, else Pulumi.<stack>.yaml in the project directory (plaintext values only).
// The real CLI reads a per-stack config file the same way in test/e2e/drift.test.ts.
const FAKE_PULUMI = `#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const { parse } = require(require.resolve("yaml", { paths: [${JSON.stringify(REPO_ROOT)}] }));
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_PULUMI_LOG, JSON.stringify(args) + "\\n");
if (args[0] === "stack" && args[1] === "export") {
  process.stdout.write(fs.readFileSync(process.env.FAKE_PULUMI_STATE, "utf8"));
} else if (args[0] === "config") {
  const at = args.indexOf("--config-file");
  const stack = args.includes("--stack") ? args[args.indexOf("--stack") + 1] : "dev";
  const file = at >= 0 ? args[at + 1] : path.join(process.cwd(), "Pulumi." + stack + ".yaml");
  const config = fs.existsSync(file) ? (parse(fs.readFileSync(file, "utf8"))?.config ?? {}) : {};
  const out = {};
  for (const [k, v] of Object.entries(config)) out[k] = { value: String(v), secret: false };
  process.stdout.write(JSON.stringify(out));
} else {
  process.stderr.write("fake pulumi: unexpected " + args.join(" "));
  process.exit(2);
}
`;

describe("pulumi-clerk drift --config-file", () => {
  let project: string;
  let fake: string;
  let calls: string;
  beforeAll(() => {
    project = join(work, "project");
    mkdirSync(join(project, "config"), { recursive: true });
    writeFileSync(join(project, "Pulumi.yaml"), "name: clerk-instance\nruntime: nodejs\n");
    // The stack's config lives in a per-stack file of the user's choosing, not Pulumi.dev.yaml.
    writeFileSync(
      join(project, "config", "dev.yaml"),
      `config:\n  clerk:apiUrl: ${emu.url}\n  clerk:secretKey: ${SEED_KEY}\n`,
    );
    fake = join(work, "fake-pulumi");
    writeFileSync(fake, FAKE_PULUMI);
    chmodSync(fake, 0o755);
    calls = join(work, "fake-pulumi.log");
  });
  // No key or URL in the environment: only the stack's config file can point drift at the instance.
  const env = () => ({
    PATH: process.env.PATH,
    PULUMI_CLERK_PULUMI_BIN: fake,
    FAKE_PULUMI_STATE: stateFile,
    FAKE_PULUMI_LOG: calls,
  });
  const configCalls = () =>
    readFileSync(calls, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as string[])
      .filter((a) => a[0] === "config");

  it("reads the stack's config from the file, relative to where the command runs", async () => {
    writeFileSync(calls, "");
    const { io: i, out } = capturedIo(env(), project);
    const code = await main(["drift", "--stack", "dev", "--config-file", "config/dev.yaml"], i);
    // The instance was reached with the file's key and URL: every resource read (the tests above may
    // have left drift behind, so 0 or 2, never 1).
    expect([0, 2], out.stdout + out.stderr).toContain(code);
    expect(out.stdout).toMatch(new RegExp(`(no drift|drift: \\d+ of) ${resources.length} Clerk resource`));
    expect(out.stdout).not.toContain("could not be read");
    expect(configCalls()).toEqual([
      [
        "config",
        "--json",
        "--show-secrets",
        "--config-file",
        join(project, "config", "dev.yaml"),
        "--stack",
        "dev",
        "--non-interactive",
      ],
    ]);
    expect(out.stdout + out.stderr).not.toContain(SEED_KEY);
  });

  it("without it, the same project has no key to reach the instance (what a user hit before)", async () => {
    const { io: i, out } = capturedIo(env(), project);
    expect(await main(["drift", "--stack", "dev"], i)).toBe(1);
    expect(out.stderr).toContain("no Clerk secret key");
  });

  it("refuses a file that does not exist and --state with it, before running pulumi", async () => {
    writeFileSync(calls, "");
    const missing = capturedIo(env(), project);
    expect(await main(["drift", "--config-file", "config/prod.yaml"], missing.io)).toBe(1);
    expect(missing.out.stderr).toContain(
      `--config-file: ${join(project, "config", "prod.yaml")} does not exist`,
    );
    const both = capturedIo(env(), project);
    expect(await main(["drift", "--config-file", "config/dev.yaml", "--state", stateFile], both.io)).toBe(1);
    expect(both.out.stderr).toContain("--config-file and --state do not go together");
    expect(readFileSync(calls, "utf8")).toBe("");
  });

  it("--help names it", async () => {
    const { io: i, out } = capturedIo(env(), project);
    expect(await main(["drift", "--help"], i)).toBe(0);
    expect(out.stdout).toMatch(/--config-file FILE +the stack's config file/);
  });
});
