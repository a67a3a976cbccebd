import { beforeEach, describe, expect, it } from "vitest";
import { Store } from "../../../emulator";
import { seedSnapshot } from "../../../emulator/seed";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();
beforeEach(() => emulator().store.reset());

describe("organization permissions", () => {
  it("creates with Clerk's prefix, lists { data, total_count } with the system ones, refuses reserved keys and duplicates", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/organization_permissions", { name: "Read", key: "org:docs:read" });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ object: "permission", key: "org:docs:read", description: "" });
    expect(c.body.id).toMatch(/^perm_/);
    const list = await api(emu, "GET", "/organization_permissions?limit=100");
    expect(list.body.total_count).toBe(list.body.data.length);
    expect(list.body.data.map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(["org:docs:read", "org:sys_memberships:manage"]),
    );
    const reserved = await api(emu, "POST", "/organization_permissions", {
      name: "x",
      key: "org:sys_x:read",
    });
    expect(reserved.status).toBe(422);
    expect(reserved.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "key" },
    });
    const dup = await api(emu, "POST", "/organization_permissions", { name: "Again", key: "org:docs:read" });
    expect(dup.body.errors[0].code).toBe("form_identifier_exists");
  });

  it("system permissions cannot be updated or deleted (403)", async () => {
    const emu = emulator();
    const sys = emu.store.permissions.find((p) => p.type === "system");
    const patch = await api(emu, "PATCH", `/organization_permissions/${sys?.id}`, { name: "Mine" });
    expect(patch.status).toBe(403);
    expect((await api(emu, "DELETE", `/organization_permissions/${sys?.id}`)).status).toBe(403);
    expect(emu.store.permissions.get(sys?.id ?? "")?.name).toBe(sys?.name);
  });

  it("deleting a permission takes it off the roles that held it", async () => {
    const emu = emulator();
    const p = await api(emu, "POST", "/organization_permissions", { name: "Pay", key: "org:bills:pay" });
    const r = await api(emu, "POST", "/organization_roles", {
      name: "Payer",
      key: "org:payer",
      permissions: [p.body.id],
    });
    await api(emu, "DELETE", `/organization_permissions/${p.body.id}`);
    expect((await api(emu, "GET", `/organization_roles/${r.body.id}`)).body.permissions).toEqual([]);
  });
});

describe("organization roles", () => {
  it("assigns a permission (409 when already assigned), removes it, PATCH permissions replaces them", async () => {
    const emu = emulator();
    const p = await api(emu, "POST", "/organization_permissions", { name: "Read", key: "org:docs:read" });
    const r = await api(emu, "POST", "/organization_roles", { name: "Reader", key: "org:reader" });
    expect(r.body.id).toMatch(/^role_/);
    const path = `/organization_roles/${r.body.id}/permissions/${p.body.id}`;
    const added = await api(emu, "POST", path);
    expect(added.body.permissions.map((x: { key: string }) => x.key)).toEqual(["org:docs:read"]);
    expect((await api(emu, "POST", path)).status).toBe(409);
    expect((await api(emu, "DELETE", path)).body.permissions).toEqual([]);
    const sys = emu.store.permissions.find((x) => x.key === "org:sys_memberships:manage");
    const patched = await api(emu, "PATCH", `/organization_roles/${r.body.id}`, { permissions: [sys?.id] });
    expect(patched.body).toMatchObject({
      is_creator_eligible: true,
      permissions: [{ key: "org:sys_memberships:manage" }],
    });
    const unknown = await api(emu, "PATCH", `/organization_roles/${r.body.id}`, {
      permissions: ["perm_nope"],
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses to delete a role in use (creator role, domain default role, in a role set) with 422", async () => {
    const emu = emulator();
    const admin = emu.store.roles.find((r) => r.key === "org:admin");
    const res = await api(emu, "DELETE", `/organization_roles/${admin?.id}`);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].long_message).toMatch(/creator role/);
    expect(res.body.clerk_trace_id).toEqual(expect.any(String));
    const free = await api(emu, "POST", "/organization_roles", { name: "Free", key: "org:free" });
    expect((await api(emu, "DELETE", `/organization_roles/${free.body.id}`)).body).toEqual({
      object: "role",
      id: free.body.id,
      deleted: true,
    });
  });
});

describe("role sets", () => {
  const body = {
    name: "Support",
    key: "role_set:support",
    default_role_key: "org:member",
    creator_role_key: "org:admin",
    roles: ["org:admin", "org:member"],
  };

  it("is seeded with the instance's initial set, addressed by key or id", async () => {
    const emu = emulator();
    const byKey = await api(emu, "GET", "/role_sets/role_set:default");
    expect(byKey.body).toMatchObject({
      object: "role_set",
      type: "initial",
      default_role: { object: "role_set_item", key: "org:member" },
      creator_role: { key: "org:admin" },
    });
    expect((await api(emu, "GET", `/role_sets/${byKey.body.id}`)).body).toEqual(byKey.body);
    expect(byKey.body.id).toMatch(/^rs_/);
  });

  it("refuses a default role outside roles, more than 10 roles, a non-creator creator role, a custom type by PATCH", async () => {
    const emu = emulator();
    const outside = await api(emu, "POST", "/role_sets", { ...body, roles: ["org:admin"] });
    expect(outside.body.errors[0].meta.param_name).toBe("default_role_key");
    const creator = await api(emu, "POST", "/role_sets", { ...body, creator_role_key: "org:member" });
    expect(creator.body.errors[0].meta.param_name).toBe("creator_role_key");
    const c = await api(emu, "POST", "/role_sets", body);
    expect(c.status).toBe(200);
    const custom = await api(emu, "PATCH", `/role_sets/${c.body.id}`, { type: "custom" });
    expect(custom.status).toBe(422);
    for (let i = 0; i < 9; i++)
      await api(emu, "POST", "/organization_roles", { name: `R${i}`, key: `org:r${i}` });
    const tooMany = await api(emu, "POST", `/role_sets/${c.body.id}/roles`, {
      role_keys: Array.from({ length: 9 }, (_, i) => `org:r${i}`),
    });
    expect(tooMany.status).toBe(422);
  });

  it("one initial set: making one initial makes the other custom; replacing the initial hands the part on", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/role_sets", { ...body, type: "initial" });
    expect((await api(emu, "GET", "/role_sets/role_set:default")).body.type).toBe("custom");
    const replaced = await api(emu, "POST", `/role_sets/${c.body.id}/replace`, {
      dest_role_set_key: "role_set:default",
    });
    expect(replaced.body).toEqual({ object: "role_set", id: c.body.id, deleted: true });
    expect((await api(emu, "GET", "/role_sets/role_set:default")).body.type).toBe("initial");
    expect((await api(emu, "GET", `/role_sets/${c.body.id}`)).status).toBe(404);
  });

  it("organization settings name the initial role set", async () => {
    const emu = emulator();
    expect((await api(emu, "GET", "/instance/organization_settings")).body.initial_role_set_key).toBe(
      "role_set:default",
    );
    await api(emu, "POST", "/role_sets", { ...body, type: "initial" });
    expect((await api(emu, "GET", "/instance/organization_settings")).body.initial_role_set_key).toBe(
      "role_set:support",
    );
  });

  it("removing a role needs a destination role and cannot remove the default role", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/role_sets", body);
    const res = await api(emu, "POST", `/role_sets/${c.body.id}/roles/replace`, {
      role_key: "org:member",
      to_role_key: "org:admin",
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].long_message).toMatch(/default role/);
  });
});

describe("state files", () => {
  it("a state file written before role sets existed loads with the seeded initial set", () => {
    const { roleSets: _, ...old } = seedSnapshot();
    const store = new Store(old);
    expect(store.roleSets.list().map((s) => s.key)).toEqual(["role_set:default"]);
  });
});
