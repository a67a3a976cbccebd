import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../cli";
import { type Emulator, startEmulator } from "../../emulator";
import { JWT_SIGNING_KEY, OIDC_CLIENT_SECRET, SEED_KEY, seedVaried } from "../support/seed";
import { createTestStack, REPO_ROOT, type TestStack } from "./harness";

// Issue 6: export a varied live instance, then `pulumi up` the generated TypeScript program under the
// real engine. Everything is adopted (zero POSTs to collections, zero DELETEs), Clerk's objects are
// unchanged, and the next preview shows no changes and sends no requests.
const NAME = "export-roundtrip";
// The harness names the project `e2e-<name>`; the program's config keys live in that namespace.
const PROJECT = `e2e-${NAME}`;

let emu: Emulator;
let stack: TestStack;
let dir: string;
let programText: string;
let resourceCount: number;

/** The emulator's objects without `updated_at` (a PATCH that re-asserts the same values bumps it). */
function content(): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== "updated_at")
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  return strip(emu.store.snapshot());
}

/**
 * The generated program is TypeScript with top-level statements; the harness runs a JS module
 * exporting `(params) => outputs`. Transpile it to CommonJS, as ts-node would, and wrap the module body
 * in that function, so each engine operation evaluates the program afresh.
 */
function asHarnessProgram(tsFile: string): string {
  const { outputText } = ts.transpileModule(readFileSync(tsFile, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: tsFile,
  });
  const out = join(dir, "program.cjs");
  writeFileSync(
    out,
    `"use strict";\nmodule.exports = () => {\nconst module = { exports: {} };\nconst exports = module.exports;\n${outputText}\nreturn module.exports;\n};\n`,
  );
  return out;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  await seedVaried(emu.url);
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  dir = mkdtempSync(join(REPO_ROOT, "tmp", "export-roundtrip-"));
  const { files, plan } = await runExport(
    // Organizations too (opt-in): the seeded ones must round-trip like every other object.
    { out: join(dir, "program"), project: PROJECT, quiet: true, include: ["organizations"] },
    {
      stdout: () => {},
      stderr: () => {},
      env: { CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: emu.url },
      cwd: dir,
    },
  );
  programText = files["index.ts"];
  resourceCount = plan.resources.length;
  stack = await createTestStack({
    name: NAME,
    program: asHarnessProgram(join(dir, "program", "index.ts")),
    apiUrl: emu.url,
    secretKey: SEED_KEY,
    // What the program's README tells the user to set: the secrets Clerk never returns.
    config: Object.fromEntries(
      plan.config.map((c) => [
        `${PROJECT}:${c.key}`,
        { value: c.key.startsWith("jwtSigningKey_") ? JWT_SIGNING_KEY : OIDC_CLIENT_SECRET, secret: true },
      ]),
    ),
  });
});

afterAll(async () => {
  await stack?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await emu?.close();
});

describe("export, then pulumi up the generated program", () => {
  it("adopts every object: no POST to a collection, no DELETE, objects unchanged", async () => {
    expect(programText).toContain("config.requireSecret(");
    expect(programText).toContain('new clerk.Organization("acme-hq"');
    expect(programText).toContain("new clerk.OrganizationDomain(");
    // The authorization model is in the round trip: custom permissions, roles (the seeded ones too) and role sets.
    for (const decl of [
      'OrganizationPermission("org-invoices-pay"',
      'OrganizationRole("org-billing"',
      'RoleSet("role-set-finance"',
    ])
      expect(programText).toContain(`new clerk.${decl}`);
    const before = content();
    emu.clearRequests();
    const up = await stack.up();
    // Pulumi counts each adoption as a create in its state (plus the stack itself).
    expect(up.summary).toMatchObject({ create: resourceCount + 1, update: 0, delete: 0, replace: 0 });

    const sent = emu.requests();
    // The one POST asks for a Svix dashboard link: Clerk's only sign that webhooks are on (it changes nothing).
    expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual(["/webhooks/svix_url"]);
    expect(sent.filter((r) => r.method === "DELETE")).toEqual([]);
    // Writes that happen: singletons PATCH their declared (identical) values, and templates/connections
    // whose write-only secrets come from config have them re-asserted once. None changes content.
    const writes = sent.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.route ?? r.path}`);
    console.log(`round trip: ${sent.length} requests; writes: ${writes.join(", ")}`);
    expect(content()).toEqual(before);
  });

  it("the next preview shows no changes and sends no requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({
      create: 0,
      update: 0,
      delete: 0,
      replace: 0,
      same: resourceCount + 1,
    });
    expect(emu.requests()).toEqual([]);
  });

  it("keeps the Clerk key, the secrets from config and the adopted machines' keys out of state", async () => {
    const state = await stack.exportState();
    const machineKeys = emu.store.machines.list().map((m) => m.secret_key);
    expect(machineKeys).toHaveLength(2);
    for (const secret of [SEED_KEY, JWT_SIGNING_KEY, OIDC_CLIENT_SECRET, ...machineKeys])
      expect(state.text).not.toContain(secret);
    // Adoption read each machine's key: it is in state, encrypted.
    const machines = state.resources.filter((r) => r.type.endsWith(":Machine"));
    expect(machines).toHaveLength(2);
    for (const m of machines) expect(m.outputs?.secretKey).toHaveProperty("ciphertext");
  });
});
