import { beforeEach, describe, expect, it, vi } from "vitest";
import { ADMIN_ROLE_ID, MEMBER_ROLE_ID } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { faultOnce } from "../../support/fault-once";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_authorization_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.store.reset();
  emu.clearRequests();
});

const writes = () => emu.requests().filter((r) => r.method !== "GET");
const roleByKey = (key: string) => emu.store.roles.find((r) => r.key === key);
const setByKey = (key: string) => emu.store.roleSets.find((s) => s.key === key);
const permKeys = (roleKey: string) =>
  (roleByKey(roleKey)?.permissions ?? []).map((id) => emu.store.permissions.get(id)?.key).sort();

describe("OrganizationPermission", () => {
  const p = provider("OrganizationPermission");

  it("refuses a malformed or reserved key at check, naming the field", async () => {
    const bad = await p.check({}, { key: "org:sys_billing:read", name: "x" });
    expect(bad.failures?.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^OrganizationPermission\.key: must not begin with "org:sys_"/),
    ]);
    const shape = await p.check({}, { key: "org:Billing", name: "" });
    expect(shape.failures?.map((f) => f.property).sort()).toEqual(["key", "name"]);
  });

  it("creates, sees a dashboard edit on refresh, updates the key in place, deletes", async () => {
    const { id, outs } = await p.create({ key: "org:invoices:read", name: "Read invoices" });
    expect(id).toMatch(/^perm_/);
    expect(outs).toMatchObject({ key: "org:invoices:read", name: "Read invoices" });
    expect(outs).not.toHaveProperty("description");

    emu.store.permissions.update(id, { name: "View invoices" });
    const read = await p.read(id, outs ?? {});
    expect(read.inputs).toMatchObject({ name: "View invoices" });

    const next = { key: "org:invoices:view", name: "Read invoices", description: "See them" };
    expect((await p.diff(id, read.props ?? {}, next)).replaces).toEqual([]);
    const updated = await p.update(id, read.props ?? {}, next);
    expect(updated.outs).toMatchObject(next);
    expect(emu.store.permissions.get(id)?.key).toBe("org:invoices:view");

    await p.delete(id, updated.outs ?? {});
    expect(emu.store.permissions.get(id)).toBeUndefined();
    expect(await p.read(id, updated.outs ?? {})).toEqual({});
  });
});

describe("OrganizationRole", () => {
  const perm = provider("OrganizationPermission");
  const p = provider("OrganizationRole");

  it("grants permissions by key (custom and system), compares them as a set, replaces them in one PATCH", async () => {
    await perm.create({ key: "org:invoices:read", name: "Read invoices" });
    await perm.create({ key: "org:invoices:pay", name: "Pay invoices" });
    const { id, outs } = await p.create({
      key: "org:billing",
      name: "Billing",
      permissions: ["org:invoices:read", "org:sys_memberships:read"],
    });
    expect(permKeys("org:billing")).toEqual(["org:invoices:read", "org:sys_memberships:read"]);
    expect(outs).toMatchObject({ permissions: ["org:invoices:read", "org:sys_memberships:read"] });

    // Order does not matter.
    const same = {
      key: "org:billing",
      name: "Billing",
      permissions: ["org:sys_memberships:read", "org:invoices:read"],
    };
    expect((await p.diff(id, outs ?? {}, same)).changes).toBe(false);

    emu.clearRequests();
    const next = { ...same, permissions: ["org:invoices:pay", "org:invoices:read"] };
    const updated = await p.update(id, outs ?? {}, next);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /organization_roles/${id}`]);
    expect(permKeys("org:billing")).toEqual(["org:invoices:pay", "org:invoices:read"]);
    expect(updated.outs?.permissionIds).toHaveLength(2);

    // A permission removed in the dashboard shows on refresh.
    const payId = emu.store.permissions.find((x) => x.key === "org:invoices:pay")?.id;
    emu.store.roles.update(id, {
      permissions: (roleByKey("org:billing")?.permissions ?? []).filter((x) => x !== payId),
    });
    const read = await p.read(id, updated.outs ?? {});
    expect(read.inputs?.permissions).toEqual(["org:invoices:read"]);
    expect((await p.diff(id, read.props ?? {}, next)).changes).toBe(true);
  });

  it("lets several permission keys not known yet through at preview (they are not duplicates)", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const r = await p.check({}, { key: "org:billing", name: "Billing", permissions: [unknown, unknown] });
    expect(r.failures).toBeUndefined();
  });

  it("fails before any write when a permission key does not exist, saying how to declare it", async () => {
    await expect(
      p.create({ key: "org:billing", name: "Billing", permissions: ["org:nope:read"] }),
    ).rejects.toThrow(
      /OrganizationRole\.permissions: no organization permission has the key\(s\) "org:nope:read".*OrganizationPermission/,
    );
    expect(writes()).toEqual([]);
  });

  it("includeInInitialRoleSet adds the role to the initial set; a later change of it is ignored", async () => {
    const { id, outs } = await p.create({ key: "org:viewer", name: "Viewer", includeInInitialRoleSet: true });
    expect(setByKey("role_set:default")?.role_ids).toContain(id);
    expect(outs?.includeInInitialRoleSet).toBe(true);
    expect((await p.diff(id, outs ?? {}, { key: "org:viewer", name: "Viewer" })).changes).toBe(false);
  });

  it("adopts a system role by key without creating one, and destroy only forgets it", async () => {
    const adopted = await p.create({ key: "org:member", name: "Member" });
    expect(adopted.id).toBe(MEMBER_ROLE_ID);
    expect(writes().filter((r) => r.method === "POST")).toEqual([]);

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    emu.clearRequests();
    await p.delete(adopted.id, adopted.outs ?? {});
    expect(writes()).toEqual([]);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/org:member.*never deletes.*removed from the stack/),
    );
    log.mockRestore();
    expect(emu.store.roles.get(MEMBER_ROLE_ID)).toBeDefined();
  });

  it("adopts a system role by importId and applies the declared name in place, but never renames its key", async () => {
    const adopted = await p.create({ key: "org:admin", name: "Owner", importId: ADMIN_ROLE_ID });
    expect(adopted.id).toBe(ADMIN_ROLE_ID);
    expect(emu.store.roles.get(ADMIN_ROLE_ID)?.name).toBe("Owner");
    emu.clearRequests();
    await expect(
      p.update(ADMIN_ROLE_ID, adopted.outs ?? {}, { key: "org:owner", name: "Owner" }),
    ).rejects.toThrow(
      /OrganizationRole\.key: "org:admin" is one of the roles every Clerk instance starts with/,
    );
    expect(writes()).toEqual([]);
  });

  it("a role in use is not deleted: the error keeps Clerk's words and says what to change", async () => {
    const { id, outs } = await p.create({ key: "org:support", name: "Support" });
    emu.store.organizationSettings.patch({ domains_default_role_id: id });
    const err = await p.delete(id, outs ?? {}).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/organization_role_in_use/);
    expect(err?.message).toMatch(/trace/);
    expect(err?.message).toMatch(/domainsDefaultRole.*RoleSet.*member/);
    expect(emu.store.roles.get(id)).toBeDefined();
  });
});

describe("RoleSet", () => {
  const role = provider("OrganizationRole");
  const p = provider("RoleSet");
  const base = {
    key: "role_set:support",
    name: "Support",
    roles: ["org:admin", "org:member"],
    defaultRoleKey: "org:member",
    creatorRoleKey: "org:admin",
  };

  it("refuses at check a default or creator role outside roles, a duplicate, more than 10 roles", async () => {
    const r = await p.check({}, { ...base, roles: ["org:admin", "org:admin"], defaultRoleKey: "org:viewer" });
    expect(r.failures?.map((f) => f.reason).sort()).toEqual([
      "RoleSet.defaultRoleKey: must be one of roles",
      "RoleSet.roles: must not list a role twice",
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `org:r${i}`);
    const big = await p.check(
      {},
      { ...base, roles: many, defaultRoleKey: "org:r0", creatorRoleKey: "org:r0" },
    );
    expect(big.failures?.map((f) => f.reason)).toEqual(["RoleSet.roles: must have at most 10 item(s)"]);
  });

  it("lets an unknown role key through at preview", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const r = await p.check({}, { ...base, roles: ["org:admin", unknown], defaultRoleKey: unknown });
    expect(r.failures).toBeUndefined();
  });

  it("creates; adds and removes roles in place, moving the removed role's members to the default", async () => {
    await role.create({ key: "org:viewer", name: "Viewer" });
    await role.create({ key: "org:agent", name: "Agent" });
    const { id, outs } = await p.create({ ...base, roles: ["org:admin", "org:member", "org:viewer"] });
    expect(outs).toMatchObject({ key: "role_set:support", type: "custom", defaultRoleKey: "org:member" });

    emu.clearRequests();
    const next = { ...base, roles: ["org:agent", "org:admin"], defaultRoleKey: "org:agent" };
    expect((await p.diff(id, outs ?? {}, next)).replaces).toEqual([]);
    const updated = await p.update(id, outs ?? {}, next);
    expect(writes().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.requestBody)}`)).toEqual([
      `POST /role_sets/${id}/roles {"role_keys":["org:agent"],"default_role_key":"org:agent"}`,
      `POST /role_sets/${id}/roles/replace {"role_key":"org:member","to_role_key":"org:agent"}`,
      `POST /role_sets/${id}/roles/replace {"role_key":"org:viewer","to_role_key":"org:agent"}`,
    ]);
    expect(updated.outs).toMatchObject({ roles: ["org:agent", "org:admin"], defaultRoleKey: "org:agent" });
    const live = setByKey("role_set:support");
    expect(live?.role_ids.map((r) => emu.store.roles.get(r)?.key).sort()).toEqual(["org:admin", "org:agent"]);
  });

  it("removing the current default role: the default moves first, then the role goes, its members to the new default", async () => {
    await role.create({ key: "org:viewer", name: "Viewer" });
    const { id, outs } = await p.create({ ...base, roles: [...base.roles, "org:viewer"] });
    emu.clearRequests();
    const next = { ...base, roles: ["org:admin", "org:viewer"], defaultRoleKey: "org:viewer" };
    await p.update(id, outs ?? {}, next);
    expect(writes().map((r) => `${r.method} ${r.route} ${JSON.stringify(r.requestBody)}`)).toEqual([
      'PATCH /role_sets/{role_set_key_or_id} {"default_role_key":"org:viewer"}',
      'POST /role_sets/{role_set_key_or_id}/roles/replace {"role_key":"org:member","to_role_key":"org:viewer"}',
    ]);
  });

  it("validates before the first write: an unknown role or a creator role that cannot manage members changes nothing", async () => {
    await role.create({ key: "org:viewer", name: "Viewer" });
    const { id, outs } = await p.create(base);
    emu.clearRequests();
    await expect(p.update(id, outs ?? {}, { ...base, roles: [...base.roles, "org:ghost"] })).rejects.toThrow(
      /RoleSet\.roles: no organization role has the key\(s\) "org:ghost"/,
    );
    await expect(
      p.update(id, outs ?? {}, {
        ...base,
        roles: [...base.roles, "org:viewer"],
        creatorRoleKey: "org:viewer",
      }),
    ).rejects.toThrow(/RoleSet\.creatorRoleKey: role "org:viewer" cannot be a creator role/);
    expect(writes()).toEqual([]);
    expect(setByKey("role_set:support")?.role_ids).toHaveLength(2);
  });

  it("becomes initial in place; the initial set cannot be declared custom", async () => {
    const { id, outs } = await p.create(base);
    const initial = await p.update(id, outs ?? {}, { ...base, type: "initial" });
    expect(initial.outs?.type).toBe("initial");
    expect(setByKey("role_set:default")?.type).toBe("custom");

    emu.clearRequests();
    await expect(p.update(id, initial.outs ?? {}, { ...base, type: "custom" })).rejects.toThrow(
      /RoleSet\.type: "role_set:support" is the instance's initial role set.*type: "initial" on the role set/,
    );
    expect(writes()).toEqual([]);
  });

  it("destroy replaces the set with the initial one, mapping roles the destination lacks to its default", async () => {
    await role.create({ key: "org:viewer", name: "Viewer" });
    const { id, outs } = await p.create({ ...base, roles: [...base.roles, "org:viewer"] });
    emu.clearRequests();
    await p.delete(id, outs ?? {});
    const replace = writes()[0];
    expect(`${replace?.method} ${replace?.path}`).toBe(`POST /role_sets/${id}/replace`);
    expect(replace?.requestBody).toEqual({
      dest_role_set_key: "role_set:default",
      reassignment_mappings: { "org:viewer": "org:member" },
    });
    expect(setByKey("role_set:support")).toBeUndefined();
  });

  it("destroy whose replace answer is lost after Clerk committed it still succeeds (the set is gone)", async () => {
    const { id, outs } = await p.create(base);
    emu.clearRequests();
    // Writes only: the reads before the replace get through, the replace commits and loses its answer.
    faultOnce(emu, { dropAfterCommit: 1 });
    await p.delete(id, outs ?? {});
    expect(writes().map((w) => `${w.method} ${w.path} ${w.fault ?? w.status}`)).toEqual([
      `POST /role_sets/${id}/replace dropAfterCommit`,
      `POST /role_sets/${id}/replace 404`,
    ]);
    expect(setByKey("role_set:support")).toBeUndefined();
  });

  it("destroying the initial set needs replaceWith, and uses it", async () => {
    const other = await p.create(base);
    const initial = await p.create({
      ...base,
      key: "role_set:main",
      name: "Main",
      type: "initial",
    });
    emu.clearRequests();
    await expect(p.delete(initial.id, initial.outs ?? {})).rejects.toThrow(
      /"role_set:main" is the instance's initial role set.*Set replaceWith/,
    );
    expect(writes()).toEqual([]);
    await p.delete(initial.id, { ...initial.outs, replaceWith: "role_set:support" });
    expect(setByKey("role_set:main")).toBeUndefined();
    expect(emu.store.roleSets.get(other.id)?.type).toBe("initial");
  });

  it("adopts the instance's initial set by importId and refresh sees a dashboard rename", async () => {
    const seeded = setByKey("role_set:default");
    const adopted = await p.create({
      key: "role_set:default",
      name: "Default",
      roles: ["org:member", "org:admin"],
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
      importId: seeded?.id,
    });
    expect(writes()).toEqual([]);
    emu.store.roleSets.update(adopted.id, { name: "Renamed" });
    const read = await p.read(adopted.id, adopted.outs ?? {});
    expect(read.inputs).toMatchObject({ name: "Renamed" });
    // The declared order is kept: Clerk's own order is not a change.
    expect(read.inputs?.roles).toEqual(["org:member", "org:admin"]);
  });
});
