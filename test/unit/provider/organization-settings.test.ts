import { describe, expect, it } from "vitest";
import {
  organizationSettingsBody,
  organizationSettingsDefinition,
} from "../../../provider/definitions/organization-settings";
import type { OperationContext } from "../../../provider/runtime/definition";
import { makeHandlers } from "../../../provider/runtime/generic";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(organizationSettingsDefinition, noClient);
const state = {
  enabled: true,
  maxAllowedMemberships: 5,
  adminDeleteEnabled: true,
  domainsEnabled: true,
  domainsEnrollmentModes: ["automatic_invitation", "automatic_suggestion"],
  creatorRole: "org:admin",
  domainsDefaultRole: "org:member",
  maxAllowedRoles: 10,
  maxAllowedDomains: 10,
  __provider: "p",
};

const roles = [
  { id: "role_admin", key: "org:admin" },
  { id: "role_member", key: "org:member" },
  { id: "role_billing", key: "org:billing" },
];

/** A context whose client lists `roles` and records every PATCH. */
function fakeContext() {
  const calls: string[] = [];
  const patches: unknown[] = [];
  const client = {
    organizationRoles: {
      list: async () => {
        calls.push("list roles");
        return roles;
      },
    },
    organizationSettings: {
      get: async () => {
        calls.push("get");
        return { object: "organization_settings", ...wire };
      },
      update: async (body: unknown) => {
        calls.push("patch");
        patches.push(body);
        return { object: "organization_settings", ...wire };
      },
    },
  };
  const ctx = { client, type: "OrganizationSettings" } as unknown as OperationContext;
  return { ctx, calls, patches };
}
const wire = {
  enabled: true,
  max_allowed_memberships: 5,
  max_allowed_roles: 10,
  max_allowed_domains: 10,
  creator_role: "org:admin",
  admin_delete_enabled: true,
  domains_enabled: true,
  domains_enrollment_modes: ["automatic_invitation"],
  domains_default_role: "org:member",
  initial_role_set_key: null,
};

describe("OrganizationSettings", () => {
  it("check: role keys, modes and limits are validated by field", async () => {
    const r = await h.check(
      {},
      {
        creatorRole: "admin",
        domainsDefaultRole: "role_123",
        domainsEnrollmentModes: ["automatic_invitation", "magic"],
        maxAllowedMemberships: -1,
        maxAllowedRoles: 20,
      },
    );
    const byProperty = Object.fromEntries((r.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual([
      "creatorRole",
      "domainsDefaultRole",
      "domainsEnrollmentModes[1]",
      "maxAllowedMemberships",
      "maxAllowedRoles",
    ]);
    expect(byProperty.creatorRole).toMatch(
      /^OrganizationSettings\.creatorRole: must be an organization role key such as "org:admin"/,
    );
    expect(byProperty.maxAllowedRoles).toBe(
      "OrganizationSettings.maxAllowedRoles: is not a known argument of this resource",
    );
    const dup = await h.check(
      {},
      { domainsEnrollmentModes: ["automatic_invitation", "automatic_invitation"] },
    );
    expect(dup.failures?.[0]?.reason).toMatch(/must not list a mode twice/);
  });

  it("diff: enrollment modes as a set, roles by key", async () => {
    expect(
      (
        await h.diff("organization_settings", state, {
          domainsEnrollmentModes: ["automatic_suggestion", "automatic_invitation"],
          creatorRole: "org:admin",
        })
      ).changes,
    ).toBe(false);
    expect((await h.diff("organization_settings", state, { creatorRole: "org:billing" })).changes).toBe(true);
    expect(
      (await h.diff("organization_settings", state, { domainsEnrollmentModes: ["automatic_invitation"] }))
        .changes,
    ).toBe(true);
  });

  it("maps role keys to ids for the PATCH body, listing roles once", async () => {
    const { ctx, calls } = fakeContext();
    const body = await organizationSettingsBody(ctx, {
      enabled: true,
      creatorRole: "org:billing",
      domainsDefaultRole: "org:member",
    });
    expect(body).toEqual({
      enabled: true,
      creator_role_id: "role_billing",
      domains_default_role_id: "role_member",
    });
    expect(calls).toEqual(["list roles"]);
  });

  it("does not list roles when no role is declared", async () => {
    const { ctx, calls } = fakeContext();
    expect(await organizationSettingsBody(ctx, { slugDisabled: true })).toEqual({ slug_disabled: true });
    expect(calls).toEqual([]);
  });

  it("an unknown role key fails naming the field and the existing keys, and sends no PATCH", async () => {
    const { ctx, calls } = fakeContext();
    const p = makeHandlers(organizationSettingsDefinition, () => ctx);
    const err = await p.create({ enabled: true, domainsDefaultRole: "org:owner" }).catch((e: Error) => e);
    expect((err as Error).message).toBe(
      'create OrganizationSettings failed: domainsDefaultRole: no organization role has the key "org:owner"; ' +
        "the instance's role keys are: org:admin, org:billing, org:member",
    );
    expect(calls).toEqual(["list roles"]);
  });

  it("read-only limits are outputs, not inputs", async () => {
    const { ctx } = fakeContext();
    const p = makeHandlers(organizationSettingsDefinition, () => ctx);
    const r = await p.read("organization_settings", state);
    expect(r.props).toMatchObject({ maxAllowedRoles: 10, maxAllowedDomains: 10, initialRoleSetKey: null });
    expect(r.inputs).not.toHaveProperty("maxAllowedRoles");
    expect(r.inputs).not.toHaveProperty("initialRoleSetKey");
    expect(r.inputs).toMatchObject({ creatorRole: "org:admin", domainsDefaultRole: "org:member" });
  });
});
