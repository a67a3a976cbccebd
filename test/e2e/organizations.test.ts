import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// The lifecycle checklist under the real Pulumi engine for Organization and OrganizationDomain: the
// organizations enabled first (OrganizationSettings), domains referring to their organization's id.
const KEY = "sk_test_e2e_organizations_0123456789";
const PRIVATE = "crm-private-value-4c1e";

const declared = (over: { acmeMetadata?: Record<string, unknown>; mode?: string; domain?: string } = {}) => ({
  orgs: [
    {
      name: "acme",
      args: {
        name: "Acme HQ",
        slug: "acme-hq",
        maxAllowedMemberships: 0,
        adminDeleteEnabled: false,
        publicMetadata: over.acmeMetadata ?? { tier: "internal", regions: ["eu", "us"] },
        privateMetadata: { crm: PRIVATE },
      },
      // The user marks private metadata secret; the engine must keep it encrypted in state.
      secretArgs: ["privateMetadata"],
      domains: [
        {
          name: "acme-domain",
          args: { name: over.domain ?? "acme-hq.com", enrollmentMode: over.mode ?? "automatic_invitation" },
        },
      ],
    },
    {
      name: "support",
      args: { name: "Support Desk" },
      domains: [{ name: "support-domain", args: { name: "support.example.com", ownershipVerified: true } }],
    },
  ],
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "organizations",
    secretKey: KEY,
    params: declared(),
    program: "fixtures/organizations-program.cjs",
  }));
});
afterAll(() => closeClerkStack(stack, emu));

const live = () => ({
  enabled: emu.store.organizationSettings.get().enabled,
  orgs: emu.store.organizations
    .list()
    .map((o) => ({ slug: o.slug, name: o.name, public: o.public_metadata, admin: o.admin_delete_enabled }))
    .sort((a, b) => a.slug.localeCompare(b.slug)),
  domains: emu.store.organizationDomains
    .list()
    .map((d) => ({ name: d.name, mode: d.enrollment_mode, ownership: d.ownership?.status ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name)),
});

describe("Organization and OrganizationDomain under the real engine", () => {
  it("1. up enables organizations, then creates exactly the declared organizations and domains", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(6); // settings, 2 organizations, 2 domains, the stack
    expect(live()).toEqual({
      enabled: true,
      orgs: [
        {
          slug: "acme-hq",
          name: "Acme HQ",
          public: { tier: "internal", regions: ["eu", "us"] },
          admin: false,
        },
        { slug: "support-desk", name: "Support Desk", public: {}, admin: true },
      ],
      domains: [
        { name: "acme-hq.com", mode: "automatic_invitation", ownership: null },
        { name: "support.example.com", mode: "manual_invitation", ownership: "verified" },
      ],
    });
    expect(up.outputs["acme-domain"]).toBe("verified");
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("3. a removed metadata key is removed at Clerk; a new mode updates in place; a new domain name replaces", async () => {
    const next = declared({
      acmeMetadata: { tier: "internal" },
      mode: "automatic_suggestion",
      domain: "acme.example",
    });
    const up = await stack.up({ params: next });
    expect(up.summary).toMatchObject({ update: 1, replace: 1, create: 0, delete: 0 });
    expect(live().orgs[0]?.public).toEqual({ tier: "internal" });
    expect(live().domains[0]).toEqual({
      name: "acme.example",
      mode: "automatic_suggestion",
      ownership: null,
    });
    expect(emu.requests().some((r) => r.method === "PUT" && r.path.endsWith("/metadata"))).toBe(true);
  });

  it("4. refresh sees metadata and domain changes made behind Pulumi's back; up restores the program", async () => {
    const acme = emu.store.organizations.find((o) => o.slug === "acme-hq");
    emu.store.organizations.update(acme?.id ?? "", { public_metadata: { tier: "internal", sneaky: true } });
    const support = emu.store.organizationDomains.find((d) => d.name === "support.example.com");
    emu.store.organizationDomains.delete(support?.id ?? "");

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1, delete: 1 });
    const up = await stack.up();
    expect(up.summary).toMatchObject({ create: 1, update: 1, delete: 0, replace: 0 });
    expect(live().orgs[0]?.public).toEqual({ tier: "internal" });
    expect(live().domains.map((d) => d.name)).toEqual(["acme.example", "support.example.com"]);

    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("5. bad input fails at preview naming the resource and the field, with no request sent", async () => {
    emu.clearRequests();
    const good = stack.params;
    const bad = declared();
    (bad.orgs[1] as { args: Record<string, unknown> }).args = { name: "Support Desk", slug: "Support Desk" };
    const outcome = await stack.attempt("preview", { params: bad });
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toContain("resource 'support'");
    expect(message).toMatch(/Organization\.slug: must hold only lowercase letters/);
    expect(emu.requests()).toEqual([]);
    stack.params = good;
  });

  it("6. the exported stack holds neither the Clerk key nor the private metadata marked secret", async () => {
    const state = await stack.exportState();
    expect(state.text).not.toContain(KEY);
    expect(state.text).not.toContain(PRIVATE);
    for (const r of state.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/clerk:")))
      expect(String(r.outputs?.__provider).length).toBeLessThanOrEqual(1024);
  });

  it("7. destroy deletes the organizations and their domains, and only forgets the settings", async () => {
    const destroy = await stack.destroy();
    expect(destroy.summary).toMatchObject({ delete: 6 });
    expect(live()).toEqual({ enabled: true, orgs: [], domains: [] });
  });
});
