import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, runExport } from "../../../cli";
import { planExport, readInstance } from "../../../cli/export";
import { assignNames, slug } from "../../../cli/names";
import { type Emulator, startEmulator } from "../../../emulator";
import { createClerkClient } from "../../../sdk";
import { capturedIo } from "../../support/cli-io";
import { JWT_SIGNING_KEY, OIDC_CLIENT_SECRET, SEED_KEY, seedMany, seedVaried } from "../../support/seed";

const REPO_ROOT = resolve(__dirname, "../../..");

const captured = (env: NodeJS.ProcessEnv) => capturedIo(env, REPO_ROOT);

describe("names", () => {
  it("slugs natural keys readably", () => {
    expect(slug("https://app.example.com/sso-callback")).toBe("app-example-com-sso-callback");
    expect(slug("myapp://oauth-callback")).toBe("myapp-oauth-callback");
    expect(slug("CEO@Example.com")).toBe("ceo-at-example-com");
    expect(slug("+15551234567")).toBe("15551234567");
    expect(slug("Web Portal")).toBe("web-portal");
    expect(slug("日本")).toBe("");
    expect(slug("x".repeat(200))).toHaveLength(60);
  });

  it("dedupes by age then id, whatever order the objects come in", () => {
    const a = { key: "a.com/x", id: "id_b", createdAt: 1 };
    const b = { key: "a-com-x", id: "id_a", createdAt: 2 };
    const c = { key: "A.COM/X", id: "id_c", createdAt: 2 };
    const d = { key: "日本", id: "ID_Z9", createdAt: 3 };
    for (const order of [
      [a, b, c, d],
      [d, c, b, a],
      [b, d, a, c],
    ]) {
      const names = assignNames(order);
      expect([names.get(a), names.get(b), names.get(c), names.get(d)]).toEqual([
        "a-com-x",
        "a-com-x-2",
        "a-com-x-3",
        "id-z9",
      ]);
    }
  });
});

describe("pulumi-clerk export against the emulator", () => {
  let emu: Emulator;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
    await seedVaried(emu.url);
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    // Inside the repository, so the generated program resolves `pulumi-clerk` through its self-link.
    work = mkdtempSync(join(REPO_ROOT, "tmp", "cli-export-"));
    env = { CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: emu.url };
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await emu?.close();
  });

  it("writes a program declaring every object with importId, readable names and secrets from config", async () => {
    emu.clearRequests();
    const { io, out } = captured(env);
    const code = await main(["export", "--out", join(work, "prog"), "--project", "acme-clerk"], io);
    expect(code, out.stderr).toBe(0);
    const index = readFileSync(join(work, "prog", "index.ts"), "utf8");

    // Every object of every type, adopted by id.
    const store = emu.store;
    const ids = [
      ...store.redirectUrls.list(),
      ...store.allowlistIdentifiers.list(),
      ...store.blocklistIdentifiers.list(),
      ...store.jwtTemplates.list(),
      ...store.oauthApplications.list(),
      ...store.domains.list(),
      ...store.samlConnections.list(),
      ...store.enterpriseConnections.list(),
      ...store.machines.list(),
      ...store.scimDirectories.list(),
      // Custom permissions only: Clerk's system permissions cannot be managed.
      ...store.permissions.list().filter((p) => p.type !== "system"),
      ...store.roles.list(),
      ...store.roleSets.list(),
    ].map((o) => o.id);
    for (const id of ids) expect(index).toContain(`importId: "${id}"`);
    // Singletons adopt by themselves (their args take no importId).
    expect(index.match(/importId:/g)).toHaveLength(ids.length);
    expect(index.match(/^new clerk\./gm)).toHaveLength(ids.length + 7 /* 6 settings, webhooks */);

    // Names from natural keys; the later of two colliding URLs gets "-2".
    const later = store.redirectUrls.find((r) => r.url === "https://app-example.com/sso-callback");
    expect(index).toContain(
      `new clerk.RedirectUrl("app-example-com-sso-callback-2", {\n  importId: "${later?.id}"`,
    );
    for (const name of [
      'RedirectUrl("myapp-oauth-callback"',
      'AllowlistIdentifier("ceo-at-example-com"',
      'AllowlistIdentifier("15551234567"',
      'BlocklistIdentifier("spam-at-example-net"',
      'JwtTemplate("supabase"',
      'JwtTemplate("hasura"',
      'OAuthApplication("web-portal"',
      'OAuthApplication("cli"',
      'Domain("clerk-emulator-dev"',
      'Domain("satellite-example-com"',
      'SamlConnection("legacy-okta"',
      'EnterpriseConnection("acme-saml"',
      'EnterpriseConnection("globex-oidc"',
      'InstanceSettings("instance-settings"',
      'Machine("orders-api"',
      'Machine("billing-worker"',
      'ScimDirectory("acme-okta"',
      'SvixWebhooks("svix-webhooks", {})',
      'OrganizationPermission("org-invoices-read"',
      'OrganizationRole("org-billing"',
      'OrganizationRole("org-admin"',
      'RoleSet("role-set-finance"',
      'RoleSet("role-set-default"',
    ]) {
      expect(index).toContain(`new clerk.${name}`);
    }

    // Secrets come from stack config, never from the code.
    expect(index).toContain('signingKey: config.requireSecret("jwtSigningKey_supabase")');
    expect(index).toContain('clientSecret: config.requireSecret("oidcClientSecret_globex-oidc")');
    // Machine keys stay at Clerk (readable there, an output after adoption), as do SCIM API keys.
    const keys = [
      ...store.machines.list().map((m) => m.secret_key),
      ...store.scimDirectories.list().map((d) => d.api_key),
    ];
    for (const secret of [JWT_SIGNING_KEY, OIDC_CLIENT_SECRET, SEED_KEY, ...keys]) {
      expect(index).not.toContain(secret);
      expect(out.stderr).not.toContain(secret);
    }
    expect(out.stderr).toContain("pulumi config set --secret jwtSigningKey_supabase");

    // What could not be exported: printed, and written as comments at the top of the program.
    for (const line of [
      "InstanceSettings.testMode (instance-settings): Clerk never returns it",
      "OAuthApplication.clientSecret (web-portal): Clerk shows it only at creation or rotation",
      "Domain.isSecondary (clerk-emulator-dev, satellite-example-com): Clerk never returns it",
      "EnterpriseConnection.saml.attributeMapping (acme-saml)",
      "ScimDirectory.apiKey (acme-okta): Clerk shows it only at creation or rotation",
    ]) {
      expect(out.stderr).toContain(line);
      expect(index).toContain(`//   ${line}`);
    }

    // Live values, as Clerk holds them; a SAML connection's IdP certificates included (Clerk returns them).
    expect(index).not.toContain("saml.idpCertificate ");
    expect(index).toMatch(/idpCertificates: \[/);
    expect(index).toContain('blockedCountryCodes: ["CN", "AF"]');
    expect(index).toContain("maxAllowedMemberships: 25");
    expect(index).toContain('discoveryUrl: "https://login.globex.com/.well-known/openid-configuration"');

    // The other files.
    expect(readFileSync(join(work, "prog", "Pulumi.yaml"), "utf8")).toMatch(
      /^name: acme-clerk\nruntime: nodejs\n/,
    );
    const readme = readFileSync(join(work, "prog", "README.md"), "utf8");
    expect(readme).toContain("pulumi config set --secret jwtSigningKey_supabase");
    expect(readme).toContain("- Domain.isSecondary (clerk-emulator-dev, satellite-example-com)");

    // Reading sends only GETs, the one empty PATCH Clerk offers as a read of the restrictions, and the
    // request for a Svix dashboard link (Clerk's only sign of whether webhooks are on; it changes nothing).
    const sent = emu.requests().map((r) => `${r.method} ${r.path}`);
    expect(sent.filter((s) => !s.startsWith("GET "))).toEqual([
      "PATCH /instance/restrictions",
      "POST /webhooks/svix_url",
    ]);
    expect(emu.requests().find((r) => r.method === "PATCH")?.requestBody).toEqual({});
  });

  it("declares values every resource's own check accepts, and the program type-checks", async () => {
    const { io } = captured(env);
    const dir = join(work, "typecheck");
    const { plan } = await runExport({ out: dir, quiet: true }, io);
    expect(plan.warnings).toEqual([]);

    const config = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")).compilerOptions;
    const { options } = ts.convertCompilerOptionsFromJson({ ...config, noEmit: true, types: ["node"] }, dir);
    const program = ts.createProgram([join(dir, "index.ts")], options);
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("is stable: exporting again gives the same program", async () => {
    const a = await runExport({ stdout: true, quiet: true }, captured(env).io);
    const b = await runExport({ stdout: true, quiet: true }, captured(env).io);
    expect(b.files["index.ts"]).toBe(a.files["index.ts"]);
  });

  it("refuses to overwrite a non-empty directory without --force, and needs a key", async () => {
    const dir = join(work, "busy");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "keep.txt"), "x");
    const busy = captured(env);
    expect(await main(["export", "--out", dir, "--quiet"], busy.io)).toBe(1);
    expect(busy.out.stderr).toContain("is not empty");
    const nokey = captured({ CLERK_API_URL: emu.url });
    expect(await main(["export", "--stdout"], nokey.io)).toBe(1);
    expect(nokey.out.stderr).toContain("CLERK_SECRET_KEY");
  });
});

describe("exporting a large instance", () => {
  let emu: Emulator;
  afterAll(async () => {
    await emu?.close();
  });

  it("pages 500 objects in a handful of requests and shows progress", async () => {
    emu = await startEmulator({ port: 0 });
    const counts = await seedMany(emu.url, 500);
    emu.clearRequests();
    const { io, out } = captured({ CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: emu.url });
    const started = performance.now();
    const { plan, requests } = await runExport({ stdout: true }, io);
    const ms = performance.now() - started;
    expect(plan.resources.length).toBe(
      500 + 1 /* primary domain */ + 6 /* singletons */ + 2 /* seeded roles */ + 1 /* initial role set */,
    );

    // Plain-array lists ask for 500 at a time and stop at a short page; counted lists stop at total_count.
    const arrayPages = (n: number) => Math.floor(n / 500) + 1;
    const countedPages = (n: number) => Math.max(1, Math.ceil(n / 500));
    const expected =
      6 /* instance, restrictions, 4 settings */ +
      arrayPages(counts.redirectUrls ?? 0) +
      arrayPages(counts.allowlistIdentifiers ?? 0) +
      arrayPages(counts.blocklistIdentifiers ?? 0) +
      arrayPages(counts.jwtTemplates ?? 0) +
      countedPages(counts.oauthApplications ?? 0) +
      1 /* domains: one unpaged list */ +
      1 /* SAML connections */ +
      1 /* enterprise connections */ +
      1 /* machines */ +
      1 /* SCIM directories */ +
      1 /* the Svix app's dashboard link (refused: webhooks off) */ +
      3; /* organization permissions, roles, role sets */
    expect(requests).toBe(expected);
    expect(emu.requests()).toHaveLength(expected);
    expect(requests).toBeLessThanOrEqual(20);
    expect(out.stderr).toContain(`export: allow-list identifiers: ${counts.allowlistIdentifiers}`);
    // The summary of what cannot be exported stays short on a large instance.
    expect(out.stderr).toMatch(
      /OAuthApplication.clientSecret \(app-7, app-15, app-23, app-31, app-39 and \d+ more\)/,
    );
    expect(out.stderr).toMatch(/export: 510 resources, \d+ requests, [\d.]+ s/);
    // Figures for the report.
    console.log(`export of 500 objects: ${requests} requests, ${ms.toFixed(0)} ms`, counts);
  }, 120_000);

  it("pages a collection larger than one page", async () => {
    const big = await startEmulator({ port: 0 });
    try {
      const c = createClerkClient({ secretKey: SEED_KEY, apiUrl: big.url });
      for (let i = 0; i < 1001; i++) await c.allowlistIdentifiers.create({ identifier: `u${i}@example.com` });
      big.clearRequests();
      const { io, out } = captured({ CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: big.url });
      const { plan } = await runExport({ stdout: true }, io);
      expect(plan.resources.filter((r) => r.type === "AllowlistIdentifier")).toHaveLength(1001);
      const pages = big.requests().filter((r) => r.path === "/allowlist_identifiers");
      expect(pages.map((r) => r.query.offset)).toEqual(["0", "500", "1000"]);
      expect(out.stderr).toContain("/allowlist_identifiers: from item 500...");
      expect(out.stderr).toContain("/allowlist_identifiers: from item 1000...");
    } finally {
      await big.close();
    }
  }, 120_000);
});

describe("planExport", () => {
  it("adopts restrictions without declaring settings when Clerk refused to show them", async () => {
    const emu = await startEmulator({ port: 0 });
    try {
      // Clerk's only read of the restrictions is an empty PATCH; here it is refused, as Clerk might.
      const refusing: typeof fetch = (input, init) =>
        init?.method === "PATCH" && String(input).endsWith("/instance/restrictions")
          ? Promise.resolve(
              Response.json(
                { errors: [{ code: "form_param_missing", message: "nothing to update" }] },
                { status: 422 },
              ),
            )
          : fetch(input, init);
      const client = createClerkClient({ secretKey: SEED_KEY, apiUrl: emu.url, fetch: refusing });
      const plan = planExport(await readInstance(client));
      expect(plan.resources.find((r) => r.type === "InstanceRestrictions")?.args).toEqual({});
      expect(plan.unexported.map((u) => `${u.type} ${u.field}`)).toContain(
        "InstanceRestrictions (all settings)",
      );
    } finally {
      await emu.close();
    }
  });
});
