import { describe, expect, it } from "vitest";
import { organizationDefinition } from "../../../provider/definitions/organization";
import { organizationDomainDefinition } from "../../../provider/definitions/organization-domain";
import { makeHandlers } from "../../../provider/runtime/generic";
import { OrganizationDomainSchema, OrganizationSchema } from "../../../sdk/schemas";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

describe("Organization check", () => {
  const p = makeHandlers(organizationDefinition, noClient);

  it("accepts a full declaration as written", async () => {
    const args = {
      name: "Acme",
      slug: "acme-2",
      maxAllowedMemberships: 0,
      adminDeleteEnabled: false,
      publicMetadata: { a: [1, "x", null, { b: true }] },
      privateMetadata: {},
      roleSetKey: "default",
      createdBy: "user_2abc",
    };
    expect(await p.check({}, args)).toEqual({ inputs: args });
  });

  it("refuses bad input before any request, naming the resource and each field", async () => {
    const r = await p.check(
      {},
      {
        name: "Visit https://evil.example",
        slug: "Acme Inc",
        maxAllowedMemberships: -1,
        publicMetadata: "plan=pro",
        createdBy: "acme-admin",
        owner: "me",
      },
    );
    const why = reasons(r.failures);
    expect(Object.keys(why).sort()).toEqual(
      ["createdBy", "maxAllowedMemberships", "name", "owner", "publicMetadata", "slug"].sort(),
    );
    expect(why.name).toBe("Organization.name: may not contain URLs or HTML");
    expect(why.slug).toMatch(/^Organization\.slug: must hold only lowercase letters, digits and "-"/);
    expect(why.maxAllowedMemberships).toBe("Organization.maxAllowedMemberships: must be at least 0");
    expect(why.createdBy).toMatch(/user id/);
    expect(why.owner).toMatch(/not a known argument/);
    expect((await p.check({}, { name: "<b>Acme</b>" })).failures?.[0]?.property).toBe("name");
    expect((await p.check({}, {})).failures).toEqual([
      { property: "name", reason: "Organization.name: is required" },
    ]);
  });

  it("diff: metadata compared as JSON (key order is not a change); createdBy never counts", async () => {
    const state = { name: "Acme", slug: "acme", publicMetadata: { a: 1, b: 2 }, createdBy: "user_1" };
    expect(
      await p.diff("org_1", state, { name: "Acme", publicMetadata: { b: 2, a: 1 }, createdBy: "user_2" }),
    ).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    // A removed key is a change (and update sends the whole field with PUT).
    expect((await p.diff("org_1", state, { name: "Acme", publicMetadata: { a: 1 } })).changes).toBe(true);
    // Every change is in place.
    expect(await p.diff("org_1", state, { name: "Acme 2", slug: "acme-2" })).toMatchObject({ replaces: [] });
  });
});

describe("OrganizationDomain check", () => {
  const p = makeHandlers(organizationDomainDefinition, noClient);

  it("lowercases the name", async () => {
    expect((await p.check({}, { organizationId: "org_1", name: " Example.COM " })).inputs).toEqual({
      organizationId: "org_1",
      name: "example.com",
    });
  });

  it("refuses bad input naming each field, and ownershipVerified false with the reason", async () => {
    const r = await p.check(
      {},
      {
        organizationId: "acme",
        name: "https://example.com",
        enrollmentMode: "auto",
        ownershipVerified: false,
      },
    );
    const why = reasons(r.failures);
    expect(Object.keys(why).sort()).toEqual([
      "enrollmentMode",
      "name",
      "organizationId",
      "ownershipVerified",
    ]);
    expect(why.organizationId).toBe("OrganizationDomain.organizationId: must be an organization id (org_…)");
    expect(why.enrollmentMode).toMatch(/must be one of "manual_invitation", "automatic_invitation"/);
    expect(why.ownershipVerified).toMatch(/cannot undo/);
  });

  it("an unknown organization id during preview is not an error yet", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect((await p.check({}, { organizationId: unknown, name: "example.com" })).failures).toBeUndefined();
  });

  it("diff: name and organization replace (old one deleted first); the rest updates in place", async () => {
    const state = {
      organizationId: "org_1",
      name: "example.com",
      enrollmentMode: "manual_invitation",
      verified: true,
    };
    expect(await p.diff("d", state, { ...state, organizationId: "org_2" })).toEqual({
      changes: true,
      replaces: ["organizationId"],
      deleteBeforeReplace: true,
    });
    expect(
      await p.diff("d", state, { ...state, enrollmentMode: "automatic_invitation", verified: false }),
    ).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("reading what Clerk may answer (tolerant of what the evidence does not settle)", () => {
  const org = {
    object: "organization",
    id: "org_1",
    name: "Acme",
    slug: "acme",
    has_image: false,
    max_allowed_memberships: 5,
    admin_delete_enabled: true,
    public_metadata: null,
    created_at: 1,
    updated_at: 2,
  };

  it("an organization without private_metadata (optional in the spec) and with null public metadata", () => {
    const parsed = OrganizationSchema.parse(org);
    const view = organizationDefinition.toInputs(parsed);
    expect(view.publicMetadata).toEqual({});
    // Absent, not undefined-valued: the declared value then stands in the outputs.
    expect("privateMetadata" in view).toBe(false);
  });

  it("a domain with only the deprecated `verification` and an enrollment mode this package does not know", () => {
    const parsed = OrganizationDomainSchema.parse({
      object: "organization_domain",
      id: "orgdmn_1",
      organization_id: "org_1",
      name: "example.com",
      enrollment_mode: "sso_only",
      verification: { status: "verified", strategy: "admin", attempts: 0, expires_at: 123 },
      created_at: 1,
      updated_at: 2,
    });
    expect(organizationDomainDefinition.toInputs(parsed)).toMatchObject({
      verified: true,
      enrollmentMode: "sso_only",
    });
    expect(organizationDomainDefinition.toComputed(parsed)).toMatchObject({ verificationStatus: "verified" });
    expect(organizationDomainDefinition.toInputs(parsed)).not.toHaveProperty("ownershipVerified", true);
  });
});
