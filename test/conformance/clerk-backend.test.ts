import { createClerkClient } from "@clerk/backend";
import { isClerkAPIResponseError } from "@clerk/backend/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";

// Clerk's official Node client (@clerk/backend), used against real Clerk by a great many apps, pointed
// at the emulator. Its request builder and deserializers encode what real Clerk answers: where they
// and the emulator disagree, the emulator is wrong (and so would be any test that trusts it). Every
// exchange is also checked against Clerk's OpenAPI spec by the contract setup of this project.
//
// One test per operation this package models that the official client can call; the assertions are on
// the values Clerk's own deserializers produce (e.g. `AllowlistIdentifier.identifier`, `totalCount`).

const KEY = "sk_test_conformanceOfficialClient";
let emu: Emulator;
let clerk: ReturnType<typeof createClerkClient>;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, secretKeys: [KEY] });
  // The official client builds `${apiUrl}/${apiVersion}${path}`.
  clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.origin, apiVersion: "v1" });
});
afterAll(() => emu.close());

/** The rejection of a call, which must be Clerk's own error type. */
async function apiError(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isClerkAPIResponseError(e)) throw new Error(`expected a ClerkAPIResponseError, got ${String(e)}`);
  return e;
}

describe("allow-list identifiers", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.allowlistIdentifiers.createAllowlistIdentifier({
      identifier: "Conformance@Example.com",
      notify: false,
    });
    expect(created.identifier).toBe("conformance@example.com");
    expect(created.identifierType).toBe("email_address");
    expect(created.id).toMatch(/^alid_/);
    expect(created.createdAt).toBeGreaterThan(1_600_000_000_000);
    id = created.id;
  });
  it("list (paginated=true: { data, total_count }, newest first)", async () => {
    await clerk.allowlistIdentifiers.createAllowlistIdentifier({
      identifier: "newer@example.com",
      notify: false,
    });
    const list = await clerk.allowlistIdentifiers.getAllowlistIdentifierList();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((a) => a.identifier)).toEqual(["newer@example.com", "conformance@example.com"]);
    const page = await clerk.allowlistIdentifiers.getAllowlistIdentifierList({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ totalCount: 2, data: [{ id }] });
  });
  it("delete", async () => {
    const deleted = await clerk.allowlistIdentifiers.deleteAllowlistIdentifier(id);
    expect(deleted).toMatchObject({ id, deleted: true, object: "allowlist_identifier" });
  });
});

describe("block-list identifiers", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.blocklistIdentifiers.createBlocklistIdentifier({
      identifier: "spam@conformance.test",
    });
    expect(created.identifier).toBe("spam@conformance.test");
    expect(created.identifierType).toBe("email_address");
    id = created.id;
  });
  it("list (pages of 10 by default, limit/offset)", async () => {
    for (let i = 0; i < 11; i++)
      await clerk.blocklistIdentifiers.createBlocklistIdentifier({ identifier: `b${i}@conformance.test` });
    const first = await clerk.blocklistIdentifiers.getBlocklistIdentifierList();
    expect(first.totalCount).toBe(12);
    expect(first.data).toHaveLength(10);
    const rest = await clerk.blocklistIdentifiers.getBlocklistIdentifierList({ limit: 10, offset: 10 });
    expect(rest.data).toHaveLength(2);
    expect([...first.data, ...rest.data].map((b) => b.id)).toContain(id);
  });
  it("delete", async () => {
    expect(await clerk.blocklistIdentifiers.deleteBlocklistIdentifier(id)).toMatchObject({
      id,
      deleted: true,
    });
  });
});

describe("redirect URLs", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.redirectUrls.createRedirectUrl({ url: "myapp://conformance" });
    expect(created.url).toBe("myapp://conformance");
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.redirectUrls.getRedirectUrl(id)).url).toBe("myapp://conformance");
  });
  it("list ({ data, total_count }, newest first)", async () => {
    await clerk.redirectUrls.createRedirectUrl({ url: "https://newer.conformance.test/cb" });
    const list = await clerk.redirectUrls.getRedirectUrlList();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((r) => r.url)).toEqual(["https://newer.conformance.test/cb", "myapp://conformance"]);
  });
  it("delete", async () => {
    expect(await clerk.redirectUrls.deleteRedirectUrl(id)).toMatchObject({ id, deleted: true });
  });
});

describe("JWT templates", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.jwtTemplates.create({
      name: "conformance",
      claims: { aud: "conformance" },
      lifetime: 120,
      allowedClockSkew: 10,
    });
    expect(created).toMatchObject({
      name: "conformance",
      claims: { aud: "conformance" },
      lifetime: 120,
      allowedClockSkew: 10,
      customSigningKey: false,
      signingAlgorithm: "RS256",
    });
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.jwtTemplates.get(id)).lifetime).toBe(120);
  });
  it("list ({ data, total_count })", async () => {
    const list = await clerk.jwtTemplates.list();
    expect(list.totalCount).toBe(1);
    expect(list.data[0]).toMatchObject({ id, lifetime: 120 });
  });
  it("update", async () => {
    const updated = await clerk.jwtTemplates.update({
      templateId: id,
      name: "conformance",
      claims: {},
      lifetime: 300,
    });
    expect(updated).toMatchObject({ id, lifetime: 300, claims: {} });
  });
  it("delete", async () => {
    expect(await clerk.jwtTemplates.delete(id)).toMatchObject({ id, deleted: true });
  });
});

describe("OAuth applications", () => {
  let id = "";
  let firstSecret = "";
  it("create (the client secret, once)", async () => {
    const created = await clerk.oauthApplications.create({
      name: "conformance",
      redirectUris: ["https://conformance.test/cb"],
      scopes: "profile email",
    });
    expect(created.name).toBe("conformance");
    expect(created.redirectUris).toEqual(["https://conformance.test/cb"]);
    expect(created.clientSecret).toBeTruthy();
    expect(created.clientId).toBeTruthy();
    id = created.id;
    firstSecret = created.clientSecret as string;
  });
  it("get (no secret)", async () => {
    const got = await clerk.oauthApplications.get(id);
    expect(got.name).toBe("conformance");
    expect(got.clientSecret).toBeUndefined();
  });
  it("list ({ data, total_count }, newest first)", async () => {
    await clerk.oauthApplications.create({ name: "conformance-newer", redirectUris: ["https://n.test/cb"] });
    const list = await clerk.oauthApplications.list();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((a) => a.name)).toEqual(["conformance-newer", "conformance"]);
  });
  it("update", async () => {
    const updated = await clerk.oauthApplications.update({ oauthApplicationId: id, name: "renamed" });
    expect(updated).toMatchObject({ id, name: "renamed" });
  });
  it("rotate secret", async () => {
    const rotated = await clerk.oauthApplications.rotateSecret(id);
    expect(rotated.clientSecret).toBeTruthy();
    expect(rotated.clientSecret).not.toBe(firstSecret);
  });
  it("delete", async () => {
    expect(await clerk.oauthApplications.delete(id)).toMatchObject({ id, deleted: true });
  });
});

describe("domains", () => {
  let id = "";
  it("add (a satellite)", async () => {
    const added = await clerk.domains.add({ name: "sat.conformance.test", is_satellite: true });
    expect(added).toMatchObject({ name: "sat.conformance.test", isSatellite: true });
    expect(added.frontendApiUrl).toMatch(/^https:\/\//);
    id = added.id;
  });
  it("list ({ data, total_count }, newest first, the primary domain last)", async () => {
    const list = await clerk.domains.list();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((d) => d.isSatellite)).toEqual([true, false]);
    // The emulated instance is a development instance: no DNS to set up, so no CNAME targets.
    expect(list.data[0]?.cnameTargets ?? []).toEqual([]);
  });
  it("update", async () => {
    const updated = await clerk.domains.update({ domainId: id, name: "sat2.conformance.test" });
    expect(updated).toMatchObject({ id, name: "sat2.conformance.test" });
  });
  it("delete", async () => {
    expect(await clerk.domains.delete(id)).toMatchObject({ id, deleted: true });
  });
});

describe("instance", () => {
  it("get", async () => {
    const instance = await clerk.instance.get();
    expect(instance.id).toMatch(/^ins_/);
    expect(instance.environmentType).toBe("development");
  });
  it("update (204, then allowed origins read back)", async () => {
    expect(await clerk.instance.update({ allowedOrigins: ["https://conformance.test"] })).toBeUndefined();
    expect((await clerk.instance.get()).allowedOrigins).toEqual(["https://conformance.test"]);
  });
  it("update restrictions", async () => {
    const restrictions = await clerk.instance.updateRestrictions({
      allowlist: true,
      blockEmailSubaddresses: true,
    });
    expect(restrictions).toMatchObject({ allowlist: true, blocklist: false, blockEmailSubaddresses: true });
  });
  it("get organization settings", async () => {
    const settings = await clerk.instance.getOrganizationSettings();
    expect(settings.creatorRole).toBe("org:admin");
    expect(settings.maxAllowedMemberships).toEqual(expect.any(Number));
  });
  it("update organization settings (written by role id, read by role key)", async () => {
    const roles = await clerk.organizationRoles.getOrganizationRoleList();
    const admin = roles.data.find((r) => r.key === "org:admin");
    const updated = await clerk.instance.updateOrganizationSettings({
      enabled: true,
      maxAllowedMemberships: 25,
      creatorRoleId: admin?.id ?? "",
    });
    expect(updated).toMatchObject({ enabled: true, maxAllowedMemberships: 25, creatorRole: "org:admin" });
  });
});

describe("organization roles", () => {
  it("list ({ data, total_count })", async () => {
    const roles = await clerk.organizationRoles.getOrganizationRoleList();
    expect(roles.totalCount).toBe(roles.data.length);
    expect(roles.data.map((r) => r.key)).toEqual(expect.arrayContaining(["org:admin", "org:member"]));
    expect(roles.data.find((r) => r.key === "org:admin")?.permissions.length).toBeGreaterThan(0);
  });
});

describe("organization permissions", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.organizationPermissions.createOrganizationPermission({
      name: "Read invoices",
      key: "org:invoices:read",
      description: "See invoices",
    });
    expect(created).toMatchObject({
      name: "Read invoices",
      key: "org:invoices:read",
      description: "See invoices",
    });
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.organizationPermissions.getOrganizationPermission(id)).key).toBe("org:invoices:read");
  });
  it("list ({ data, total_count })", async () => {
    const list = await clerk.organizationPermissions.getOrganizationPermissionList({ limit: 100 });
    expect(list.totalCount).toBe(list.data.length);
    expect(list.data.map((p) => p.key)).toEqual(
      expect.arrayContaining(["org:invoices:read", "org:sys_memberships:read"]),
    );
  });
  it("update", async () => {
    const updated = await clerk.organizationPermissions.updateOrganizationPermission({
      permissionId: id,
      name: "View invoices",
    });
    expect(updated).toMatchObject({ id, name: "View invoices", key: "org:invoices:read" });
  });
  it("a reserved key: Clerk's error", async () => {
    const e = await apiError(
      clerk.organizationPermissions.createOrganizationPermission({ name: "x", key: "org:sys_x:read" }),
    );
    expect(e.status).toBe(422);
    expect(e.errors[0]?.meta?.paramName).toBe("key");
  });
});

describe("organization roles (managed)", () => {
  let id = "";
  let permissionId = "";
  it("create (permissions by id)", async () => {
    const perms = await clerk.organizationPermissions.getOrganizationPermissionList({ limit: 100 });
    permissionId = perms.data.find((p) => p.key === "org:invoices:read")?.id ?? "";
    const created = await clerk.organizationRoles.createOrganizationRole({
      name: "Billing",
      key: "org:billing",
      description: "Pays the bills",
      permissions: [permissionId],
      includeInInitialRoleSet: false,
    });
    expect(created).toMatchObject({
      key: "org:billing",
      description: "Pays the bills",
      isCreatorEligible: false,
    });
    expect(created.permissions.map((p) => p.key)).toEqual(["org:invoices:read"]);
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.organizationRoles.getOrganizationRole(id)).name).toBe("Billing");
  });
  it("update (permissions replaced)", async () => {
    const updated = await clerk.organizationRoles.updateOrganizationRole({
      organizationRoleId: id,
      permissions: [],
    });
    expect(updated.permissions).toEqual([]);
  });
  it("assign and remove a permission", async () => {
    const params = { organizationRoleId: id, permissionId };
    const assigned = await clerk.organizationRoles.assignPermissionToOrganizationRole(params);
    expect(assigned.permissions.map((p) => p.id)).toEqual([permissionId]);
    const e = await apiError(clerk.organizationRoles.assignPermissionToOrganizationRole(params));
    expect(e.status).toBe(409);
    expect((await clerk.organizationRoles.removePermissionFromOrganizationRole(params)).permissions).toEqual(
      [],
    );
  });
  it("delete a role in use: Clerk's error", async () => {
    const admin = (await clerk.organizationRoles.getOrganizationRoleList()).data.find(
      (r) => r.key === "org:admin",
    );
    const e = await apiError(clerk.organizationRoles.deleteOrganizationRole(admin?.id ?? ""));
    expect(e.status).toBe(422);
    expect(e.clerkTraceId).toEqual(expect.any(String));
  });
});

describe("role sets", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.roleSets.createRoleSet({
      name: "Support",
      key: "role_set:support",
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
      roles: ["org:admin", "org:member"],
    });
    expect(created).toMatchObject({ key: "role_set:support", type: "custom" });
    expect(created.defaultRole?.key).toBe("org:member");
    expect(created.roles.map((r) => r.key).sort()).toEqual(["org:admin", "org:member"]);
    id = created.id;
  });
  it("get (by key)", async () => {
    expect((await clerk.roleSets.getRoleSet("role_set:support")).id).toBe(id);
  });
  it("list ({ data, total_count }, the initial set seeded)", async () => {
    const list = await clerk.roleSets.getRoleSetList();
    expect(list.totalCount).toBe(2);
    expect(list.data.find((s) => s.type === "initial")?.key).toBe("role_set:default");
  });
  it("update", async () => {
    const updated = await clerk.roleSets.updateRoleSet({ roleSetKeyOrId: id, description: "Agents" });
    expect(updated.description).toBe("Agents");
  });
  it("add roles, then replace one", async () => {
    const added = await clerk.roleSets.addRolesToRoleSet({ roleSetKeyOrId: id, roleKeys: ["org:billing"] });
    expect(added.roles.map((r) => r.key)).toContain("org:billing");
    const replaced = await clerk.roleSets.replaceRoleInRoleSet({
      roleSetKeyOrId: id,
      roleKey: "org:billing",
      toRoleKey: "org:member",
    });
    expect(replaced.roles.map((r) => r.key)).not.toContain("org:billing");
  });
  it("replace (the role set's delete)", async () => {
    const gone = await clerk.roleSets.replaceRoleSet({
      roleSetKeyOrId: id,
      destRoleSetKey: "role_set:default",
    });
    expect(gone).toMatchObject({ id, deleted: true });
  });
  it("then the role and the permission can be deleted", async () => {
    const role = (await clerk.organizationRoles.getOrganizationRoleList()).data.find(
      (r) => r.key === "org:billing",
    );
    expect(await clerk.organizationRoles.deleteOrganizationRole(role?.id ?? "")).toMatchObject({
      deleted: true,
    });
    const perm = (
      await clerk.organizationPermissions.getOrganizationPermissionList({ limit: 100 })
    ).data.find((p) => p.key === "org:invoices:read");
    expect(await clerk.organizationPermissions.deleteOrganizationPermission(perm?.id ?? "")).toMatchObject({
      deleted: true,
    });
  });
});

describe("SAML connections", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.samlConnections.createSamlConnection({
      name: "Conformance SAML",
      provider: "saml_custom",
      domain: "saml.conformance.test",
      idpEntityId: "https://idp.conformance.test",
      idpSsoUrl: "https://idp.conformance.test/sso",
    });
    expect(created).toMatchObject({
      name: "Conformance SAML",
      domain: "saml.conformance.test",
      provider: "saml_custom",
      idpEntityId: "https://idp.conformance.test",
      active: false,
    });
    expect(created.acsUrl).toMatch(/^https:\/\//);
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.samlConnections.getSamlConnection(id)).name).toBe("Conformance SAML");
  });
  it("list ({ data, total_count })", async () => {
    const list = await clerk.samlConnections.getSamlConnectionList();
    expect(list.totalCount).toBe(1);
    expect(list.data[0]?.id).toBe(id);
  });
  it("update", async () => {
    const updated = await clerk.samlConnections.updateSamlConnection(id, { name: "Renamed SAML" });
    expect(updated).toMatchObject({ id, name: "Renamed SAML" });
  });
  it("delete", async () => {
    expect(await clerk.samlConnections.deleteSamlConnection(id)).toMatchObject({ id, deleted: true });
  });
});

describe("enterprise connections", () => {
  let id = "";
  it("create", async () => {
    const created = await clerk.enterpriseConnections.createEnterpriseConnection({
      name: "Conformance OIDC",
      provider: "oidc_custom",
      domains: ["oidc.conformance.test"],
      oidc: { clientId: "cid", clientSecret: "never-returned", discoveryUrl: "https://idp.conformance.test" },
    });
    expect(created).toMatchObject({
      name: "Conformance OIDC",
      domains: ["oidc.conformance.test"],
      active: false,
    });
    expect(JSON.stringify(created)).not.toContain("never-returned");
    id = created.id;
  });
  it("get", async () => {
    expect((await clerk.enterpriseConnections.getEnterpriseConnection(id)).name).toBe("Conformance OIDC");
  });
  it("list ({ data, total_count }, newest first)", async () => {
    await clerk.enterpriseConnections.createEnterpriseConnection({
      name: "Conformance SAML",
      provider: "saml_custom",
      domains: ["saml2.conformance.test"],
    });
    const list = await clerk.enterpriseConnections.getEnterpriseConnectionList();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((c) => c.name)).toEqual(["Conformance SAML", "Conformance OIDC"]);
  });
  it("update", async () => {
    const updated = await clerk.enterpriseConnections.updateEnterpriseConnection(id, {
      name: "Renamed OIDC",
    });
    expect(updated).toMatchObject({ id, name: "Renamed OIDC" });
  });
  it("delete", async () => {
    expect(await clerk.enterpriseConnections.deleteEnterpriseConnection(id)).toMatchObject({ id });
  });
});

describe("organizations", () => {
  let id = "";
  it("create is refused while organizations are disabled: Clerk's 403 code", async () => {
    emu.store.organizationSettings.patch({ enabled: false });
    const e = await apiError(clerk.organizations.createOrganization({ name: "Too Early" }));
    expect(e.status).toBe(403);
    expect(e.errors[0]?.code).toBe("organizations_not_enabled_in_instance");
    emu.store.organizationSettings.patch({ enabled: true });
  });
  it("create (slug, metadata; the slug is derived from the name when left out)", async () => {
    const created = await clerk.organizations.createOrganization({
      name: "Conformance Org",
      slug: "conformance-org",
      maxAllowedMemberships: 7,
      publicMetadata: { plan: "pro" },
      privateMetadata: { crm: "c-1" },
    });
    expect(created.id).toMatch(/^org_/);
    expect(created).toMatchObject({
      name: "Conformance Org",
      slug: "conformance-org",
      maxAllowedMemberships: 7,
      publicMetadata: { plan: "pro" },
      privateMetadata: { crm: "c-1" },
      hasImage: false,
    });
    const derived = await clerk.organizations.createOrganization({ name: "Derived Slug Inc" });
    expect(derived.slug).toBe("derived-slug-inc");
    id = created.id;
  });
  it("get by id and by slug", async () => {
    expect((await clerk.organizations.getOrganization({ organizationId: id })).id).toBe(id);
    expect((await clerk.organizations.getOrganization({ slug: "conformance-org" })).id).toBe(id);
  });
  it("list ({ data, total_count }, newest first)", async () => {
    const list = await clerk.organizations.getOrganizationList();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((o) => o.slug)).toEqual(["derived-slug-inc", "conformance-org"]);
    const found = await clerk.organizations.getOrganizationList({ query: "conformance" });
    expect(found.data.map((o) => o.id)).toEqual([id]);
  });
  it("update (PATCH without metadata)", async () => {
    const updated = await clerk.organizations.updateOrganization(id, {
      name: "Renamed Org",
      adminDeleteEnabled: false,
    });
    expect(updated).toMatchObject({
      id,
      name: "Renamed Org",
      adminDeleteEnabled: false,
      slug: "conformance-org",
    });
  });
  it("replace metadata (PUT: each field sent replaced whole, the other kept)", async () => {
    const replaced = await clerk.organizations.replaceOrganizationMetadata(id, {
      publicMetadata: { tier: 1 },
    });
    expect(replaced.publicMetadata).toEqual({ tier: 1 });
    expect(replaced.privateMetadata).toEqual({ crm: "c-1" });
  });
  it("merge metadata (PATCH: deep merge, null removes a key)", async () => {
    const merged = await clerk.organizations.updateOrganizationMetadata(id, {
      publicMetadata: { tier: null, nested: { a: 1 } },
    });
    expect(merged.publicMetadata).toEqual({ nested: { a: 1 } });
  });
  it("a taken slug: 422 form_identifier_exists naming slug", async () => {
    const e = await apiError(
      clerk.organizations.createOrganization({ name: "Dup", slug: "conformance-org" }),
    );
    expect(e.status).toBe(422);
    expect(e.errors[0]).toMatchObject({ code: "form_identifier_exists", meta: { paramName: "slug" } });
  });
});

describe("organization domains", () => {
  // @clerk/backend has no deserializer for `organization_domain` (its types say camelCase, its
  // jsonToObject passes such objects through as Clerk sent them), so these read the wire's snake_case.
  type WireDomain = {
    id: string;
    organization_id: string;
    enrollment_mode: string;
    verification: { status: string } | null;
  };
  const wire = (d: unknown) => d as WireDomain;
  let org = "";
  let id = "";
  it("create (verified by default)", async () => {
    org = (await clerk.organizations.createOrganization({ name: "Domain Owner", slug: "domain-owner" })).id;
    const created = wire(
      await clerk.organizations.createOrganizationDomain({
        organizationId: org,
        name: "conformance.example.com",
        enrollmentMode: "automatic_invitation",
      }),
    );
    expect(created).toMatchObject({
      object: "organization_domain",
      organization_id: org,
      name: "conformance.example.com",
      enrollment_mode: "automatic_invitation",
      total_pending_invitations: 0,
      verification: { status: "verified" },
    });
    id = created.id;
  });
  it("list one organization's domains ({ data, total_count })", async () => {
    const list = await clerk.organizations.getOrganizationDomainList({ organizationId: org });
    expect(list.totalCount).toBe(1);
    expect(list.data.map((d) => wire(d).id)).toEqual([id]);
  });
  it("update", async () => {
    const updated = wire(
      await clerk.organizations.updateOrganizationDomain({
        organizationId: org,
        domainId: id,
        enrollmentMode: "automatic_suggestion",
        verified: false,
      }),
    );
    expect(updated).toMatchObject({
      enrollment_mode: "automatic_suggestion",
      verification: { status: "unverified" },
    });
  });
  it("delete", async () => {
    expect(
      await clerk.organizations.deleteOrganizationDomain({ organizationId: org, domainId: id }),
    ).toMatchObject({
      id,
    });
  });
  it("delete the organization", async () => {
    expect(await clerk.organizations.deleteOrganization(org)).toMatchObject({ id: org });
  });
});

describe("machines", () => {
  let api = "";
  let worker = "";
  let firstKey = "";
  it("create (with a scope, the secret key in the answer)", async () => {
    api = (await clerk.machines.create({ name: "conformance-api" })).id;
    const created = await clerk.machines.create({
      name: "conformance-worker",
      defaultTokenTtl: 600,
      scopedMachines: [api],
    });
    expect(created.id).toMatch(/^mch_\w{27}$/);
    expect(created).toMatchObject({
      name: "conformance-worker",
      defaultTokenTtl: 600,
      instanceId: expect.any(String),
    });
    expect(created.scopedMachines.map((m) => [m.id, m.name])).toEqual([[api, "conformance-api"]]);
    expect(created.secretKey).toBeTruthy();
    worker = created.id;
    firstKey = created.secretKey as string;
  });
  it("get (no secret key)", async () => {
    const got = await clerk.machines.get(worker);
    expect(got.secretKey).toBeUndefined();
    expect(got.scopedMachines.map((m) => m.id)).toEqual([api]);
  });
  it("list ({ data, total_count }, newest first)", async () => {
    const list = await clerk.machines.list();
    expect(list.totalCount).toBe(2);
    expect(list.data.map((m) => m.name)).toEqual(["conformance-worker", "conformance-api"]);
  });
  it("update", async () => {
    const updated = await clerk.machines.update({ machineId: worker, name: "renamed", defaultTokenTtl: 60 });
    expect(updated).toMatchObject({ id: worker, name: "renamed", defaultTokenTtl: 60 });
  });
  it("get and rotate the secret key", async () => {
    expect((await clerk.machines.getSecretKey(worker)).secret).toBe(firstKey);
    const rotated = await clerk.machines.rotateSecretKey({ machineId: worker, previousTokenTtl: 0 });
    expect(rotated.secret).toBeTruthy();
    expect(rotated.secret).not.toBe(firstKey);
    expect((await clerk.machines.getSecretKey(worker)).secret).toBe(rotated.secret);
  });
  it("delete and add a scope; a scope twice is a 409", async () => {
    // Clerk's deserializer reads any `deleted: true` answer as a DeletedObject.
    expect(await clerk.machines.deleteScope(worker, api)).toMatchObject({
      object: "machine_scope",
      deleted: true,
    });
    expect((await clerk.machines.get(worker)).scopedMachines).toEqual([]);
    expect(await clerk.machines.createScope(worker, api)).toMatchObject({
      fromMachineId: worker,
      toMachineId: api,
    });
    expect((await apiError(clerk.machines.createScope(worker, api))).status).toBe(409);
  });
  it("delete", async () => {
    expect(await clerk.machines.delete(worker)).toMatchObject({ id: worker });
    expect((await apiError(clerk.machines.get(worker))).status).toBe(404);
    await clerk.machines.delete(api);
  });
});

describe("webhooks (Svix app)", () => {
  it("create, a dashboard link, delete; without an app, a link is refused", async () => {
    expect((await clerk.webhooks.createSvixApp()).svix_url).toMatch(/^https:\/\//);
    expect((await clerk.webhooks.generateSvixAuthURL()).svix_url).toMatch(/^https:\/\//);
    await expect(clerk.webhooks.deleteSvixApp()).resolves.toBeUndefined();
    expect((await apiError(clerk.webhooks.generateSvixAuthURL())).status).toBe(400);
  });
});

// SCIM directories: @clerk/backend has no client for them (checked in v3.25), so the contract tier
// and the spec are their only check.

describe("error answers", () => {
  it("404: Clerk's code, message and trace id", async () => {
    const e = await apiError(clerk.jwtTemplates.get("jtmp_doesnotexist"));
    expect(e.status).toBe(404);
    expect(e.errors[0]).toMatchObject({ code: "resource_not_found", message: expect.any(String) });
    expect(e.errors[0]?.longMessage).toBeTruthy();
    expect(e.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);
    expect(emu.requests().at(-1)?.responseHeaders["clerk-trace-id"]).toBe(e.clerkTraceId);
  });
  it("422 duplicate: form_identifier_exists naming the parameter", async () => {
    await clerk.redirectUrls.createRedirectUrl({ url: "https://dup.conformance.test" });
    const e = await apiError(clerk.redirectUrls.createRedirectUrl({ url: "https://dup.conformance.test" }));
    expect(e.status).toBe(422);
    expect(e.errors[0]).toMatchObject({ code: "form_identifier_exists", meta: { paramName: "url" } });
    expect(e.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);
  });
  it("401 bad key: authentication_invalid", async () => {
    const stranger = createClerkClient({
      secretKey: "sk_test_notTheKey",
      apiUrl: emu.origin,
      apiVersion: "v1",
    });
    const e = await apiError(stranger.jwtTemplates.list());
    expect(e.status).toBe(401);
    expect(e.errors[0]?.code).toBe("authentication_invalid");
    expect(e.clerkTraceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("JWKS", () => {
  it("get: the instance's public RSA signing key, as Clerk's client reads it", async () => {
    const jwks = await clerk.jwks.getJwks();
    expect(jwks.keys).toEqual([
      {
        use: "sig",
        kty: "RSA",
        kid: expect.stringMatching(/^ins_/),
        alg: "RS256",
        n: expect.any(String),
        e: "AQAB",
      },
    ]);
    // A public key only: no private member of a JWK.
    expect(Object.keys(jwks.keys?.[0] ?? {})).not.toContain("d");
  });
});
