import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { faultOnce as injectOnce } from "../../support/fault-once";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_organization_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.configure({ faults: null });
  emu.store.organizationSettings.patch({ enabled: true });
  for (const o of emu.store.organizations.list()) emu.store.organizations.delete(o.id);
  for (const d of emu.store.organizationDomains.list()) emu.store.organizationDomains.delete(d.id);
  emu.clearRequests();
});

const calls = () =>
  emu
    .requests()
    .map((r) => `${r.method} ${r.path.replace(/org_\w+/g, ":org").replace(/orgdmn_\w+/g, ":dmn")}`);

const faultOnce = (fault: Parameters<typeof injectOnce>[1]) => injectOnce(emu, fault);

describe("Organization", () => {
  const p = provider("Organization");
  const declared = {
    name: "Acme Support",
    slug: "acme-support",
    maxAllowedMemberships: 50,
    adminDeleteEnabled: false,
    publicMetadata: { plan: "internal", tiers: { a: 1, b: 2 } },
    privateMetadata: { crm: "x-1" },
    createdBy: "user_2abc",
  };

  it("is refused with Clerk's own error while organizations are disabled for the instance", async () => {
    emu.store.organizationSettings.patch({ enabled: false });
    const err = await p.create({ name: "Nope" }).catch((e: Error) => e);
    expect(String(err)).toMatch(/create Organization failed/);
    expect(String(err)).toMatch(/organizations_not_enabled_in_instance/);
    expect(emu.store.organizations.list()).toEqual([]);
  });

  it("creates it as declared; admin deletion, which create does not take, is set right after", async () => {
    const { id, outs } = await p.create(declared);
    expect(id).toMatch(/^org_/);
    expect(outs).toMatchObject({ ...declared, hasImage: false, createdAt: expect.any(Number) });
    expect(calls()).toEqual(["POST /organizations", "PATCH /organizations/:org"]);
    expect(emu.store.organizations.get(id)).toMatchObject({
      slug: "acme-support",
      admin_delete_enabled: false,
      private_metadata: { crm: "x-1" },
      created_by: "user_2abc",
    });
    // Nothing to change: an empty diff, and no request for it.
    emu.clearRequests();
    expect((await p.diff(id, outs ?? {}, declared)).changes).toBe(false);
    expect(emu.requests()).toEqual([]);
  });

  it("converges metadata exactly: a key added at Clerk is seen by refresh and removed by update (PUT)", async () => {
    const { id, outs } = await p.create(declared);
    emu.store.organizations.update(id, {
      public_metadata: { plan: "internal", tiers: { a: 1, b: 2, c: 3 }, extra: true },
    });
    const read = await p.read(id, outs ?? {});
    expect(read.inputs?.publicMetadata).toEqual({
      plan: "internal",
      tiers: { a: 1, b: 2, c: 3 },
      extra: true,
    });
    const diff = await p.diff(id, read.props ?? {}, declared);
    expect(diff).toMatchObject({ changes: true, replaces: [] });

    emu.clearRequests();
    const updated = await p.update(id, read.props ?? {}, declared);
    expect(updated.outs?.publicMetadata).toEqual(declared.publicMetadata);
    expect(emu.store.organizations.get(id)?.public_metadata).toEqual(declared.publicMetadata);
    // Only the metadata that differs is sent, whole, with PUT (PATCH /metadata would merge and keep `extra`).
    const put = emu.requests().find((r) => r.method === "PUT");
    expect(put?.path).toMatch(/\/organizations\/org_\w+\/metadata$/);
    expect(put?.requestBody).toEqual({ public_metadata: declared.publicMetadata });
    expect(calls()).toEqual(["GET /organizations/:org", "PUT /organizations/:org/metadata"]);
  });

  it("a key removed from the program is removed at Clerk; metadata left out is Clerk's to keep", async () => {
    const { id, outs } = await p.create(declared);
    const fewer = { ...declared, publicMetadata: { plan: "internal" } };
    const updated = await p.update(id, outs ?? {}, fewer);
    expect(emu.store.organizations.get(id)?.public_metadata).toEqual({ plan: "internal" });

    // The program stops declaring privateMetadata; the app writes it at run time: no diff, no wipe.
    const { privateMetadata: _dropped, ...undeclared } = fewer;
    const again = await p.update(id, updated.outs ?? {}, undeclared);
    emu.store.organizations.update(id, { private_metadata: { written: "by the app" } });
    const read = await p.read(id, again.outs ?? {});
    expect(read.inputs).not.toHaveProperty("privateMetadata");
    expect(read.props?.privateMetadata).toEqual({ written: "by the app" });
    expect((await p.diff(id, read.props ?? {}, undeclared)).changes).toBe(false);
  });

  it("renames, re-slugs and changes limits in place with one PATCH; createdBy changes are ignored", async () => {
    const { id, outs } = await p.create(declared);
    const next = {
      ...declared,
      name: "Acme Help",
      slug: "acme-help",
      maxAllowedMemberships: 0,
      createdBy: "user_other",
    };
    expect(await p.diff(id, outs ?? {}, next)).toMatchObject({ changes: true, replaces: [] });
    emu.clearRequests();
    const updated = await p.update(id, outs ?? {}, next);
    expect(updated.outs).toMatchObject({ name: "Acme Help", slug: "acme-help", maxAllowedMemberships: 0 });
    expect(calls()).toEqual(["GET /organizations/:org", "PATCH /organizations/:org"]);
    expect(emu.requests()[1]?.requestBody).toEqual({
      name: "Acme Help",
      slug: "acme-help",
      max_allowed_memberships: 0,
    });
    expect(emu.store.organizations.get(id)?.created_by).toBe("user_2abc");
    expect((await p.diff(id, updated.outs ?? {}, { ...next, createdBy: "user_third" })).changes).toBe(false);
  });

  it("refresh sees a rename and a deletion made in the dashboard", async () => {
    const { id, outs } = await p.create({ name: "Refresh Me" });
    expect(outs?.slug).toBe("refresh-me");
    emu.store.organizations.update(id, { name: "Renamed" });
    const read = await p.read(id, outs ?? {});
    expect(read.inputs).toEqual({ name: "Renamed" });
    expect(read.props).toMatchObject({ name: "Renamed", slug: "refresh-me" });
    emu.store.organizations.delete(id);
    expect(await p.read(id, read.props ?? {})).toEqual({});
  });

  it("a taken slug fails the create with the owner's id and how to adopt it; importId adopts it", async () => {
    const existing = await p.create({ name: "Original", slug: "taken" });
    const err = await p.create({ name: "Copy", slug: "taken" }).catch((e: Error) => e);
    expect(String(err)).toMatch(/form_identifier_exists/);
    expect(String(err)).toContain(existing.id);
    expect(String(err)).toMatch(/importId/);
    expect(emu.store.organizations.list()).toHaveLength(1);

    const adopted = await p.create({ name: "Adopted", slug: "taken", importId: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(emu.store.organizations.get(existing.id)?.name).toBe("Adopted");
  });

  it("a create whose answer is lost after Clerk committed it adopts the object by slug (one POST)", async () => {
    faultOnce({ dropAfterCommit: 1 });
    const { id, outs } = await p.create({ name: "Lost", slug: "lost-answer" });
    expect(emu.store.organizations.list().map((o) => o.id)).toEqual([id]);
    expect(emu.requests().filter((r) => r.method === "POST")).toHaveLength(1);
    expect((await p.diff(id, outs ?? {}, { name: "Lost", slug: "lost-answer" })).changes).toBe(false);
  });

  it("a create dropped before Clerk acted is made again, once", async () => {
    faultOnce({ rateDrop: 1 });
    const { id } = await p.create({ name: "Dropped", slug: "dropped" });
    expect(emu.requests()[0]?.fault).toBe("drop");
    expect(calls().slice(1)).toEqual(["GET /organizations/dropped", "POST /organizations"]);
    expect(emu.store.organizations.list().map((o) => o.id)).toEqual([id]);
  });

  it("without a slug a lost create is reported, not retried into a second organization", async () => {
    faultOnce({ dropAfterCommit: 1 });
    const err = await p.create({ name: "No Slug" }).catch((e: Error) => e);
    expect(String(err)).toMatch(/no natural key.*declare slug/);
    expect(String(err)).toMatch(/pulumi refresh/);
    expect(emu.store.organizations.list()).toHaveLength(1);
  });

  it("delete removes the organization and its domains; deleting it again is fine", async () => {
    const { id, outs } = await p.create({ name: "Doomed" });
    const d = provider("OrganizationDomain");
    await d.create({ organizationId: id, name: "doomed.example.com" });
    await p.delete(id, outs ?? {});
    expect(emu.store.organizations.get(id)).toBeUndefined();
    expect(emu.store.organizationDomains.list()).toEqual([]);
    await p.delete(id, outs ?? {});
  });
});

describe("OrganizationDomain", () => {
  const p = provider("OrganizationDomain");
  let org = "";
  beforeEach(async () => {
    org = (await provider("Organization").create({ name: "Domains Inc", slug: "domains-inc" })).id;
    emu.clearRequests();
  });

  it("creates a verified domain by default, with the verification status as an output", async () => {
    const { id, outs } = await p.create({ organizationId: org, name: "Example.COM" });
    expect(id).toMatch(/^orgdmn_/);
    expect(outs).toMatchObject({
      organizationId: org,
      name: "example.com",
      enrollmentMode: "manual_invitation",
      verified: true,
      verificationStatus: "verified",
    });
    expect(outs).not.toHaveProperty("ownershipVerificationStatus");
  });

  it("updates enrollment mode and verification in place; verifies ownership when asked", async () => {
    const { id, outs } = await p.create({ organizationId: org, name: "corp.example.com", verified: false });
    expect(outs).toMatchObject({ verified: false, verificationStatus: "unverified" });
    const next = {
      organizationId: org,
      name: "corp.example.com",
      verified: true,
      enrollmentMode: "automatic_invitation",
      ownershipVerified: true,
    };
    expect(await p.diff(id, outs ?? {}, next)).toMatchObject({ changes: true, replaces: [] });
    emu.clearRequests();
    const updated = await p.update(id, outs ?? {}, next);
    expect(updated.outs).toMatchObject({
      verified: true,
      enrollmentMode: "automatic_invitation",
      ownershipVerified: true,
      ownershipVerificationStatus: "verified",
    });
    expect(calls()).toEqual([
      "PATCH /organizations/:org/domains/:dmn",
      "POST /organizations/:org/domains/:dmn/verify_ownership",
    ]);
    expect((await p.diff(id, updated.outs ?? {}, next)).changes).toBe(false);
  });

  it("a new name replaces it creating first; the same name in another organization deletes first", async () => {
    const { id, outs } = await p.create({ organizationId: org, name: "old.example.com" });
    expect(await p.diff(id, outs ?? {}, { organizationId: org, name: "new.example.com" })).toEqual({
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
    expect(await p.diff(id, outs ?? {}, { organizationId: "org_other", name: "old.example.com" })).toEqual({
      changes: true,
      replaces: ["organizationId"],
      deleteBeforeReplace: true,
    });
  });

  it("refresh lists once for many domains and sees changes and deletions made in the dashboard", async () => {
    const made = [];
    for (let i = 0; i < 12; i++)
      made.push(await p.create({ organizationId: org, name: `d${i}.example.com` }));
    emu.store.organizationDomains.update(made[0]?.id as string, { enrollment_mode: "automatic_suggestion" });
    emu.store.organizationDomains.delete(made[1]?.id as string);
    emu.clearRequests();
    const reads = await Promise.all(made.map((m) => p.read(m.id, m.outs ?? {})));
    expect(emu.requests()).toHaveLength(1);
    expect(emu.requests()[0]?.path).toBe("/organization_domains");
    expect(reads[0]?.props).toMatchObject({
      organizationId: org,
      name: "d0.example.com",
      enrollmentMode: "automatic_suggestion",
    });
    expect(reads[1]).toEqual({});
    expect(reads[2]?.id).toBe(made[2]?.id);
  });

  it("a name the organization already has fails with the owner's id; a lost create adopts what it made", async () => {
    const first = await p.create({ organizationId: org, name: "twice.example.com" });
    const err = await p.create({ organizationId: org, name: "twice.example.com" }).catch((e: Error) => e);
    expect(String(err)).toContain(first.id);
    expect(String(err)).toMatch(/importId/);

    faultOnce({ dropAfterCommit: 1 });
    const lost = await p.create({ organizationId: org, name: "lost.example.com" });
    expect(emu.store.organizationDomains.list().filter((d) => d.name === "lost.example.com")).toHaveLength(1);
    expect(lost.id).toBe(emu.store.organizationDomains.find((d) => d.name === "lost.example.com")?.id);
  });

  it("a create dropped before Clerk acted is made again, once", async () => {
    faultOnce({ rateDrop: 1 });
    const { id } = await p.create({ organizationId: org, name: "again.example.com" });
    expect(emu.requests()[0]?.fault).toBe("drop");
    expect(calls().slice(1)).toEqual(["GET /organization_domains", "POST /organizations/:org/domains"]);
    expect(emu.store.organizationDomains.list().map((d) => d.id)).toEqual([id]);
  });

  it("delete removes it from its organization", async () => {
    const { id, outs } = await p.create({ organizationId: org, name: "bye.example.com" });
    await p.delete(id, outs ?? {});
    expect(emu.store.organizationDomains.get(id)).toBeUndefined();
  });
});
