import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../../../emulator";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();
beforeEach(() => {
  const emu = emulator();
  emu.store.reset();
  emu.store.organizationSettings.patch({ enabled: true });
});

describe("organizations", () => {
  it("creates with a derived, unique slug; a taken slug or a bad one is a 422 naming slug", async () => {
    const emu = emulator();
    const a = await api(emu, "POST", "/organizations", { name: "Acme, Inc." });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      object: "organization",
      id: expect.stringMatching(/^org_\w{27}$/),
      slug: "acme-inc",
      public_metadata: {},
      private_metadata: {},
      // The instance's defaults (organization settings).
      max_allowed_memberships: 5,
      admin_delete_enabled: true,
    });
    expect((await api(emu, "POST", "/organizations", { name: "Acme Inc" })).body.slug).toBe("acme-inc-2");
    const taken = await api(emu, "POST", "/organizations", { name: "X", slug: "acme-inc" });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "slug" },
    });
    const bad = await api(emu, "POST", "/organizations", { name: "X", slug: "Acme Inc" });
    expect(bad.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "slug" },
    });
    const html = await api(emu, "POST", "/organizations", { name: "<script>x</script>" });
    expect(html.body.errors[0]).toMatchObject({ meta: { param_name: "name" } });
  });

  it("PATCH refuses metadata (API version 2026-05-12); PUT replaces each field sent, PATCH /metadata merges", async () => {
    const emu = emulator();
    const o = await api(emu, "POST", "/organizations", {
      name: "Meta",
      public_metadata: { a: { x: 1, y: 2 }, b: 1 },
      private_metadata: { p: 1 },
    });
    const refused = await api(emu, "PATCH", `/organizations/${o.body.id}`, { public_metadata: {} });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "public_metadata" },
    });

    const merged = await api(emu, "PATCH", `/organizations/${o.body.id}/metadata`, {
      public_metadata: { a: { y: null, z: 3 } },
    });
    expect(merged.body.public_metadata).toEqual({ a: { x: 1, z: 3 }, b: 1 });
    const replaced = await api(emu, "PUT", `/organizations/${o.body.id}/metadata`, {
      public_metadata: { c: 1 },
    });
    expect(replaced.body.public_metadata).toEqual({ c: 1 });
    expect(replaced.body.private_metadata).toEqual({ p: 1 });
    const cleared = await api(emu, "PUT", `/organizations/${o.body.id}/metadata`, { private_metadata: {} });
    expect(cleared.body).toMatchObject({ public_metadata: { c: 1 }, private_metadata: {} });
  });

  it("GET takes an id or a slug; the list is newest first, filtered by query and organization_id", async () => {
    const emu = emulator();
    const ids: string[] = [];
    for (const name of ["Alpha", "Beta", "Gamma"])
      ids.push((await api(emu, "POST", "/organizations", { name })).body.id);
    expect((await api(emu, "GET", "/organizations/beta")).body.id).toBe(ids[1]);
    expect((await api(emu, "GET", "/organizations/org_nope")).status).toBe(404);
    const all = await api(emu, "GET", "/organizations");
    expect(all.body.total_count).toBe(3);
    expect(all.body.data.map((o: { name: string }) => o.name)).toEqual(["Gamma", "Beta", "Alpha"]);
    expect((await api(emu, "GET", "/organizations?order_by=name")).body.data[0].name).toBe("Alpha");
    expect(
      (await api(emu, "GET", "/organizations?query=amm")).body.data.map((o: { name: string }) => o.name),
    ).toEqual(["Gamma"]);
    const some = await api(emu, "GET", `/organizations?organization_id=${ids[0]}&organization_id=${ids[2]}`);
    expect(some.body.total_count).toBe(2);
    const page = await api(emu, "GET", "/organizations?limit=1&offset=1");
    expect(page.body).toMatchObject({ total_count: 3, data: [{ name: "Beta" }] });
    expect((await api(emu, "GET", "/organizations?order_by=size")).status).toBe(422);
  });

  it("is refused with 403 while organizations are disabled for the instance", async () => {
    const emu = emulator();
    emu.store.organizationSettings.patch({ enabled: false });
    const r = await api(emu, "POST", "/organizations", { name: "Early" });
    expect(r.status).toBe(403);
    expect(r.body.errors[0].code).toBe("organizations_not_enabled_in_instance");
  });
});

describe("organization domains", () => {
  it("verified by default, unique per organization, listed per organization and instance-wide", async () => {
    const emu = emulator();
    const a = (await api(emu, "POST", "/organizations", { name: "A" })).body.id;
    const b = (await api(emu, "POST", "/organizations", { name: "B" })).body.id;
    const d = await api(emu, "POST", `/organizations/${a}/domains`, { name: "Example.com" });
    expect(d.body).toMatchObject({
      object: "organization_domain",
      id: expect.stringMatching(/^orgdmn_/),
      organization_id: a,
      name: "example.com",
      enrollment_mode: "manual_invitation",
      affiliation_verification: { status: "verified" },
      verification: { status: "verified" },
      ownership_verification: null,
    });
    const dup = await api(emu, "POST", `/organizations/${a}/domains`, { name: "example.com" });
    expect(dup.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "name" },
    });
    await api(emu, "POST", `/organizations/${b}/domains`, { name: "other.com", verified: false });
    expect((await api(emu, "GET", `/organizations/${a}/domains`)).body.total_count).toBe(1);
    expect((await api(emu, "GET", "/organization_domains")).body.total_count).toBe(2);
    const byName = await api(emu, "GET", "/organization_domains?domains=other.com");
    expect(byName.body.data.map((x: { organization_id: string }) => x.organization_id)).toEqual([b]);
    expect((await api(emu, "GET", `/organization_domains?query=${a}`)).body.total_count).toBe(1);
    expect((await api(emu, "GET", "/organization_domains?verified=false")).body.data[0].name).toBe(
      "other.com",
    );
    expect((await api(emu, "GET", "/organization_domains?query=%20")).status).toBe(422);
    // Another organization's domain is not found under this one.
    expect((await api(emu, "PATCH", `/organizations/${b}/domains/${d.body.id}`, {})).status).toBe(404);
  });

  it("PATCH changes mode and verification; verify_ownership is idempotent; deleting the organization deletes them", async () => {
    const emu = emulator();
    const org = (await api(emu, "POST", "/organizations", { name: "Own" })).body.id;
    const d = (await api(emu, "POST", `/organizations/${org}/domains`, { name: "own.com" })).body;
    const p = await api(emu, "PATCH", `/organizations/${org}/domains/${d.id}`, {
      enrollment_mode: "automatic_suggestion",
      verified: false,
    });
    expect(p.body).toMatchObject({
      enrollment_mode: "automatic_suggestion",
      affiliation_verification: { status: "unverified" },
    });
    const bad = await api(emu, "PATCH", `/organizations/${org}/domains/${d.id}`, { enrollment_mode: "auto" });
    expect(bad.body.errors[0]).toMatchObject({
      code: "form_param_value_invalid",
      meta: { param_name: "enrollment_mode" },
    });
    const v1 = await api(emu, "POST", `/organizations/${org}/domains/${d.id}/verify_ownership`);
    expect(v1.body.ownership_verification).toMatchObject({ status: "verified", strategy: "manual_override" });
    const v2 = await api(emu, "POST", `/organizations/${org}/domains/${d.id}/verify_ownership`);
    expect(v2.body.ownership_verification.verified_at).toBe(v1.body.ownership_verification.verified_at);
    expect((await api(emu, "DELETE", `/organizations/${org}`)).body).toMatchObject({
      deleted: true,
      id: org,
    });
    expect((await api(emu, "GET", "/organization_domains")).body.total_count).toBe(0);
  });
});

describe("state files", () => {
  const dir = mkdtempSync(join(tmpdir(), "clerk-emulator-orgs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("persist organizations, and load a file written before they were emulated", async () => {
    const file = join(dir, "state.json");
    const first = await startEmulator({ stateFile: file });
    first.store.organizationSettings.patch({ enabled: true });
    const o = await api(first, "POST", "/organizations", { name: "Kept" });
    await first.close();
    expect(JSON.parse(readFileSync(file, "utf8")).organizations[0].id).toBe(o.body.id);

    const old = JSON.parse(readFileSync(file, "utf8"));
    delete old.organizations;
    delete old.organizationDomains;
    writeFileSync(file, JSON.stringify(old));
    const second = await startEmulator({ stateFile: file });
    try {
      expect((await api(second, "GET", "/organizations")).body).toEqual({ data: [], total_count: 0 });
    } finally {
      await second.close();
    }
  });
});
