import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, startEmulator } from "../../../emulator";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("machines", () => {
  it("create answers the secret key once; get and list never; GET .../secret_key always", async () => {
    const emu = emulator();
    const target = await api(emu, "POST", "/machines", { name: "api" });
    const c = await api(emu, "POST", "/machines", { name: "worker", scoped_machines: [target.body.id] });
    expect(c.status).toBe(200);
    expect(c.body.id).toMatch(/^mch_\w{27}$/);
    expect(c.body).toMatchObject({
      object: "machine",
      default_token_ttl: 3600,
      secret_key: expect.any(String),
    });
    expect(c.body.scoped_machines).toEqual([
      expect.objectContaining({ object: "machine", id: target.body.id, name: "api" }),
    ]);
    expect(c.body.scoped_machines[0]).not.toHaveProperty("scoped_machines");
    const got = await api(emu, "GET", `/machines/${c.body.id}`);
    expect(got.body).not.toHaveProperty("secret_key");
    const list = await api(emu, "GET", "/machines");
    expect(list.body).toMatchObject({ total_count: 2, data: [{ id: c.body.id }, { id: target.body.id }] });
    expect(JSON.stringify(list.body)).not.toContain(c.body.secret_key);
    const key = await api(emu, "GET", `/machines/${c.body.id}/secret_key`);
    expect(key.body).toEqual({ object: "machine_secret_key", secret: c.body.secret_key });
  });

  it("refuses bad input with Clerk's 422s, a second identical scope with 409, unknown ids with 404", async () => {
    const emu = emulator();
    const long = await api(emu, "POST", "/machines", { name: "x".repeat(256), default_token_ttl: 0 });
    expect(long.status).toBe(422);
    expect(long.body.errors.map((e: { meta: { param_name: string } }) => e.meta.param_name).sort()).toEqual([
      "default_token_ttl",
      "name",
    ]);
    const ghost = await api(emu, "POST", "/machines", { name: "w", scoped_machines: ["mch_ghost"] });
    expect(ghost.status).toBe(422);
    expect(ghost.body.errors[0].meta.param_name).toBe("scoped_machines[0]");

    const a = (await api(emu, "POST", "/machines", { name: "a" })).body.id;
    const b = (await api(emu, "POST", "/machines", { name: "b" })).body.id;
    expect((await api(emu, "POST", `/machines/${a}/scopes`, { to_machine_id: b })).status).toBe(200);
    const twice = await api(emu, "POST", `/machines/${a}/scopes`, { to_machine_id: b });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].code).toBe("form_identifier_exists");
    expect((await api(emu, "POST", `/machines/${a}/scopes`, { to_machine_id: "mch_ghost" })).status).toBe(
      404,
    );
    expect((await api(emu, "DELETE", `/machines/${a}/scopes/mch_ghost`)).status).toBe(404);
    const rotate = await api(emu, "POST", `/machines/${a}/secret_key/rotate`, { previous_token_ttl: 28_801 });
    expect(rotate.status).toBe(422);
    expect(rotate.body.errors[0].meta.param_name).toBe("previous_token_ttl");
    const missing = await api(emu, "GET", "/machines/mch_ghost");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("resource_not_found");
  });

  it("deleting a machine removes other machines' scopes to it", async () => {
    const emu = emulator();
    const a = (await api(emu, "POST", "/machines", { name: "a" })).body.id;
    const b = (await api(emu, "POST", "/machines", { name: "b", scoped_machines: [a] })).body.id;
    expect((await api(emu, "DELETE", `/machines/${a}`)).body).toEqual({
      object: "machine",
      id: a,
      deleted: true,
    });
    expect((await api(emu, "GET", `/machines/${b}`)).body.scoped_machines).toEqual([]);
  });
});

describe("SCIM directories", () => {
  it("needs an existing enterprise connection; mappings need group-role mapping on and known roles", async () => {
    const emu = emulator();
    const noConn = await api(emu, "POST", "/scim_directories", {
      enterprise_connection_id: "entc_x",
      provider: "okta",
    });
    expect(noConn.status).toBe(422);
    expect(noConn.body.errors[0].meta.param_name).toBe("enterprise_connection_id");
    const conn = await api(emu, "POST", "/enterprise_connections", {
      name: "c",
      provider: "saml_okta",
      domains: ["c.example.com"],
    });
    const dir = await api(emu, "POST", "/scim_directories", {
      enterprise_connection_id: conn.body.id,
      provider: "okta",
    });
    expect(dir.body).toMatchObject({ object: "scim_directory", enabled: true, api_key: expect.any(String) });
    expect((await api(emu, "GET", `/scim_directories/${dir.body.id}`)).body.api_key).toBeNull();
    const mapping = { mappings: [{ scim_group_id: "g", role_id: ADMIN_ROLE_ID }] };
    const off = await api(emu, "PUT", `/scim_directories/${dir.body.id}/group_role_mappings`, mapping);
    expect(off.status).toBe(400);
    await api(emu, "PATCH", `/scim_directories/${dir.body.id}`, { group_role_mapping_enabled: true });
    const on = await api(emu, "PUT", `/scim_directories/${dir.body.id}/group_role_mappings`, mapping);
    expect(on.body).toMatchObject({
      total_count: 1,
      data: [{ scim_group_id: "g", precedence: 1, role: { id: ADMIN_ROLE_ID } }],
    });
    const badRole = await api(emu, "PUT", `/scim_directories/${dir.body.id}/group_role_mappings`, {
      mappings: [{ scim_group_id: "g", role_id: "role_missing" }],
    });
    expect(badRole.status).toBe(422);
    const rotated = await api(emu, "POST", `/scim_directories/${dir.body.id}/rotate_api_key`);
    expect(rotated.body.api_key).not.toBe(dir.body.api_key);
  });
});

describe("the Svix app", () => {
  it("is created once, gives dashboard links only while it exists, and deletes with 204", async () => {
    const emu = emulator();
    expect((await api(emu, "POST", "/webhooks/svix_url")).status).toBe(400);
    expect((await api(emu, "POST", "/webhooks/svix")).body.svix_url).toMatch(/^https:\/\//);
    expect((await api(emu, "POST", "/webhooks/svix")).status).toBe(400);
    const [l1, l2] = [
      await api(emu, "POST", "/webhooks/svix_url"),
      await api(emu, "POST", "/webhooks/svix_url"),
    ];
    expect(l1.body.svix_url).not.toBe(l2.body.svix_url);
    expect((await api(emu, "DELETE", "/webhooks/svix")).status).toBe(204);
    expect((await api(emu, "DELETE", "/webhooks/svix")).status).toBe(400);
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "clerk-emulator-machines-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps machines and the Svix app across a restart, and loads a state file written before they existed", async () => {
    const file = join(dir, "state.json");
    const first = await startEmulator({ stateFile: file });
    const m = await api(first, "POST", "/machines", { name: "kept" });
    await api(first, "POST", "/webhooks/svix");
    await first.close();
    const second = await startEmulator({ stateFile: file });
    try {
      expect((await api(second, "GET", `/machines/${m.body.id}/secret_key`)).body.secret).toBe(
        m.body.secret_key,
      );
      expect(second.store.svix.get().enabled).toBe(true);
    } finally {
      await second.close();
    }

    const old = JSON.parse(readFileSync(file, "utf8"));
    delete old.machines;
    delete old.scimDirectories;
    delete old.svix;
    writeFileSync(file, JSON.stringify(old));
    const third = await startEmulator({ stateFile: file });
    try {
      expect((await api(third, "GET", "/machines")).body).toEqual({ data: [], total_count: 0 });
      expect((await api(third, "POST", "/webhooks/svix_url")).status).toBe(400);
    } finally {
      await third.close();
    }
  });
});
