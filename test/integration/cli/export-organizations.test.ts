import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, runExport } from "../../../cli";
import { type Emulator, startEmulator } from "../../../emulator";
import { capturedIo } from "../../support/cli-io";
import { SEED_KEY, seedVaried } from "../../support/seed";

const REPO_ROOT = resolve(__dirname, "../../..");

let emu: Emulator;
let env: NodeJS.ProcessEnv;
const io = () => capturedIo(env, REPO_ROOT);

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  await seedVaried(emu.url);
  env = { CLERK_SECRET_KEY: SEED_KEY, CLERK_API_URL: emu.url };
});
afterAll(() => emu?.close());

describe("pulumi-clerk export and organizations", () => {
  it("leaves organizations out by default, without even listing them", async () => {
    emu.clearRequests();
    const { io: o } = io();
    const { files } = await runExport({ stdout: true, quiet: true }, o);
    expect(files["index.ts"]).not.toMatch(/clerk\.Organization(Domain)?\(/);
    // Roles and permissions are exported; organizations and their domains are not even listed.
    expect(
      emu
        .requests()
        .filter((r) => r.path.startsWith("/organizations") || r.path.startsWith("/organization_domains")),
    ).toEqual([]);
  });

  it("--include organizations declares each organization and domain with importId, as Clerk has it", async () => {
    const { io: o, out } = io();
    expect(await main(["export", "--stdout", "--include", "organizations"], o), out.stderr).toBe(0);
    const index = out.stdout;
    const acme = emu.store.organizations.find((x) => x.slug === "acme-hq");
    const globex = emu.store.organizations.find((x) => x.slug === "globex-partners");
    const acmeDomain = emu.store.organizationDomains.find((d) => d.name === "acme-hq.com");
    expect(index).toContain(
      `new clerk.Organization("acme-hq", {\n  importId: "${acme?.id}",\n  name: "Acme HQ",\n  slug: "acme-hq",\n  maxAllowedMemberships: 0,\n  adminDeleteEnabled: false,`,
    );
    expect(index).toMatch(/publicMetadata: \{\n\s+tier: "internal",\n\s+regions: \[\n?\s*"eu",/);
    expect(index).toContain('privateMetadata: {\n    crm: "A-1",\n  }');
    // Empty metadata is not declared: declaring {} would wipe what the app writes later.
    const globexDecl = index.slice(index.indexOf('Organization("globex-partners"'));
    expect(globexDecl.slice(0, globexDecl.indexOf("});"))).not.toContain("Metadata");
    expect(index).toContain(
      `new clerk.OrganizationDomain("acme-hq-acme-hq-com", {\n  importId: "${acmeDomain?.id}",\n  organizationId: "${acme?.id}",\n  name: "acme-hq.com",\n  enrollmentMode: "automatic_invitation",\n  verified: true,\n  ownershipVerified: true,`,
    );
    expect(index).toContain(`organizationId: "${globex?.id}",\n  name: "globex-partners.com",`);
    expect(out.stderr).toMatch(/organizations: 2/);
    expect(out.stderr).toMatch(/organization domains: 2/);
    expect(out.stderr).not.toMatch(/Warnings/);
  });

  it("refuses an --include it does not know, naming what it accepts", async () => {
    const { io: o, out } = io();
    expect(await main(["export", "--stdout", "--include", "users"], o)).not.toBe(0);
    expect(out.stderr).toMatch(/--include: "users" is not one of: organizations/);
  });
});
