import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// The lifecycle checklist under the real Pulumi engine for OrganizationPermission, OrganizationRole and
// RoleSet, declared as a user would: the role grants permissions by their `key` outputs, the role set
// holds the role by its `key` output, and `org:member` (a role every instance has) is adopted by key.
const KEY = "sk_test_e2e_authorization_0123";

type Decl = { type: string; name: string; args: Record<string, unknown> };

const declared = (
  over: { payKey?: string; billingPerms?: string[]; setRoles?: string[]; memberName?: string } = {},
): { resources: Decl[] } => ({
  resources: [
    {
      type: "OrganizationPermission",
      name: "read",
      args: { key: "org:invoices:read", name: "Read invoices" },
    },
    {
      type: "OrganizationPermission",
      name: "pay",
      args: { key: over.payKey ?? "org:invoices:pay", name: "Pay invoices", description: "Settle them" },
    },
    {
      type: "OrganizationRole",
      name: "billing",
      args: {
        key: "org:billing",
        name: "Billing",
        permissions: over.billingPerms ?? ["ref:read.key", "ref:pay.key", "org:sys_memberships:read"],
      },
    },
    {
      type: "OrganizationRole",
      name: "member",
      args: {
        key: "org:member",
        name: over.memberName ?? "Member",
        permissions: ["org:sys_memberships:read", "ref:read.key"],
      },
    },
    {
      type: "RoleSet",
      name: "finance",
      args: {
        key: "role_set:finance",
        name: "Finance teams",
        roles: over.setRoles ?? ["org:admin", "ref:billing.key"],
        defaultRoleKey: "ref:billing.key",
        creatorRoleKey: "org:admin",
      },
    },
  ],
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "authorization",
    secretKey: KEY,
    params: declared(),
    program: "fixtures/ref-program.cjs",
  }));
});
afterAll(() => closeClerkStack(stack, emu));

const permKeysOf = (roleKey: string) =>
  (emu.store.roles.find((r) => r.key === roleKey)?.permissions ?? [])
    .map((id) => emu.store.permissions.get(id)?.key)
    .sort();
const setRoles = (key: string) =>
  (emu.store.roleSets.find((s) => s.key === key)?.role_ids ?? [])
    .map((id) => emu.store.roles.get(id)?.key)
    .sort();
const custom = () =>
  emu.store.permissions
    .list()
    .filter((p) => p.type !== "system")
    .map((p) => p.key)
    .sort();

describe("OrganizationPermission, OrganizationRole, RoleSet under the real engine", () => {
  it("1. up creates the permissions, the role and the set, in dependency order, and adopts org:member", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(6); // 5 resources + the stack
    expect(custom()).toEqual(["org:invoices:pay", "org:invoices:read"]);
    expect(permKeysOf("org:billing")).toEqual([
      "org:invoices:pay",
      "org:invoices:read",
      "org:sys_memberships:read",
    ]);
    expect(permKeysOf("org:member")).toEqual(["org:invoices:read", "org:sys_memberships:read"]);
    expect(emu.store.roles.list().filter((r) => r.key === "org:member")).toHaveLength(1);
    expect(setRoles("role_set:finance")).toEqual(["org:admin", "org:billing"]);
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("3. reordering a set is no change; a renamed key, a dropped permission and an added role update in place", async () => {
    const reordered = declared({
      billingPerms: ["org:sys_memberships:read", "ref:pay.key", "ref:read.key"],
      setRoles: ["ref:billing.key", "org:admin"],
    });
    emu.clearRequests();
    expect((await stack.preview({ params: reordered })).summary).toMatchObject({ update: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);

    const up = await stack.up({
      params: declared({
        payKey: "org:invoices:settle",
        billingPerms: ["ref:pay.key", "org:sys_memberships:read"],
        setRoles: ["org:admin", "ref:billing.key", "org:member"],
      }),
    });
    expect(up.summary).toMatchObject({ create: 0, delete: 0, replace: 0 });
    expect(up.summary.update).toBe(3); // pay, billing, finance
    expect(custom()).toEqual(["org:invoices:read", "org:invoices:settle"]);
    expect(permKeysOf("org:billing")).toEqual(["org:invoices:settle", "org:sys_memberships:read"]);
    expect(setRoles("role_set:finance")).toEqual(["org:admin", "org:billing", "org:member"]);
  });

  it("4. refresh sees dashboard edits (a rename, a role taken out of the set); up restores them", async () => {
    const member = emu.store.roles.find((r) => r.key === "org:member");
    emu.store.roles.update(member?.id ?? "", { name: "Renamed in the dashboard" });
    const set = emu.store.roleSets.find((s) => s.key === "role_set:finance");
    emu.store.roleSets.update(set?.id ?? "", { role_ids: set?.role_ids.filter((id) => id !== member?.id) });

    const refresh = await stack.refresh();
    expect(refresh.summary.update).toBe(2);
    const up = await stack.up();
    expect(up.summary).toMatchObject({ update: 2, create: 0, delete: 0, replace: 0 });
    expect(emu.store.roles.get(member?.id ?? "")?.name).toBe("Member");
    expect(setRoles("role_set:finance")).toEqual(["org:admin", "org:billing", "org:member"]);

    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it.each([
    [
      "bad-permission",
      { type: "OrganizationPermission", args: { key: "org:sys_x:read", name: "x" } },
      /OrganizationPermission\.key: must not begin with "org:sys_"/,
    ],
    [
      "bad-role",
      { type: "OrganizationRole", args: { key: "admin", name: "x" } },
      /OrganizationRole\.key: must be an organization role key/,
    ],
    [
      "bad-set",
      {
        type: "RoleSet",
        args: {
          key: "role_set:x",
          name: "x",
          roles: ["org:admin"],
          defaultRoleKey: "org:member",
          creatorRoleKey: "org:admin",
        },
      },
      /RoleSet\.defaultRoleKey: must be one of roles/,
    ],
  ] as const)(
    "5. bad input (%s) fails at preview naming the resource and the field, with no request sent",
    async (name, decl, reason) => {
      const good = stack.params as { resources: Decl[] };
      emu.clearRequests();
      const outcome = await stack.attempt("preview", {
        params: { resources: [...good.resources, { ...decl, name }] },
      });
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? "" : outcome.message).toMatch(reason);
      expect(emu.requests()).toEqual([]);
      stack.params = good;
    },
  );

  it("6. destroy deletes the permissions and the role, replaces the set, and only forgets org:member", async () => {
    const destroy = await stack.destroy();
    const deleted = destroy.steps
      .filter((s) => s.op === "delete" && s.type.startsWith("pulumi-nodejs:dynamic/clerk:"))
      .map((s) => s.name)
      .sort();
    expect(deleted).toEqual(["billing", "finance", "member", "pay", "read"]);
    expect(custom()).toEqual([]);
    expect(emu.store.roles.find((r) => r.key === "org:billing")).toBeUndefined();
    expect(emu.store.roleSets.find((s) => s.key === "role_set:finance")).toBeUndefined();
    // The set was replaced by the instance's initial one, not deleted by a request Clerk lacks.
    expect(emu.requests().some((r) => r.method === "POST" && r.path.endsWith("/replace"))).toBe(true);
    expect(emu.store.roles.find((r) => r.key === "org:member")).toBeDefined();
    expect(destroy.stderr + destroy.diagnostics.map((d) => d.message).join("\n")).toMatch(
      /org:member.*never deletes.*removed from the stack/s,
    );
  });
});
