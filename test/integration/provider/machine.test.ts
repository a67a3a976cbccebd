import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_machine_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const calls = (method: string, suffix = "") =>
  emu
    .requests()
    .filter((r) => r.method === method && r.path.startsWith("/machines") && r.path.endsWith(suffix));

describe("Machine", () => {
  const p = provider("Machine");

  it("creates with scopes and its secret key, reads the key, updates scopes one at a time, deletes", async () => {
    const api = await p.create({ name: "api" });
    const worker = await p.create({ name: "worker", defaultTokenTtl: 600, scopedMachines: [api.id] });
    expect(worker.id).toMatch(/^mch_\w{27}$/);
    const secret = emu.store.machines.get(worker.id)?.secret_key;
    expect(secret).toMatch(/^ak_/);
    expect(worker.outs).toMatchObject({
      name: "worker",
      defaultTokenTtl: 600,
      scopedMachines: [api.id],
      secretKey: secret,
      instanceId: emu.store.instanceId,
    });
    const declared = { name: "worker", defaultTokenTtl: 600, scopedMachines: [api.id] };

    // A refresh right after create changes nothing.
    const read = await p.read(worker.id, worker.outs ?? {});
    expect(read.props).toEqual(worker.outs);
    expect(read.inputs).toEqual(declared);

    // Scopes are a set: another order is no change.
    const other = await p.create({ name: "billing" });
    emu.clearRequests();
    expect(
      (await p.diff(worker.id, read.props ?? {}, { ...declared, scopedMachines: [api.id] })).changes,
    ).toBe(false);
    const widened = { ...declared, scopedMachines: [other.id, api.id] };
    expect(await p.diff(worker.id, read.props ?? {}, widened)).toMatchObject({ changes: true, replaces: [] });
    expect(emu.requests()).toEqual([]);

    const updated = await p.update(worker.id, read.props ?? {}, widened);
    expect(calls("POST", "/scopes").map((r) => r.requestBody)).toEqual([{ to_machine_id: other.id }]);
    expect(calls("PATCH")).toEqual([]);
    expect(calls("POST", "/rotate")).toEqual([]);
    expect(updated.outs).toMatchObject({ secretKey: secret });
    expect(new Set(updated.outs?.scopedMachines as string[])).toEqual(new Set([api.id, other.id]));

    emu.clearRequests();
    const narrowed = await p.update(worker.id, updated.outs ?? {}, {
      ...declared,
      scopedMachines: [other.id],
    });
    expect(calls("DELETE").map((r) => r.path)).toEqual([`/machines/${worker.id}/scopes/${api.id}`]);
    expect(narrowed.outs?.scopedMachines).toEqual([other.id]);

    await p.delete(worker.id, narrowed.outs ?? {});
    expect(emu.store.machines.get(worker.id)).toBeUndefined();
    expect(await p.read(worker.id, narrowed.outs ?? {})).toEqual({});
    await expect(p.delete(worker.id, narrowed.outs ?? {})).resolves.toBeUndefined();
  });

  it("sees out-of-band edits on refresh: name, TTL, scopes, and a secret key rotated elsewhere", async () => {
    const target = await p.create({ name: "target" });
    const { id, outs } = await p.create({ name: "svc", scopedMachines: [target.id] });
    emu.store.machines.update(id, {
      name: "renamed",
      default_token_ttl: 42,
      scoped_machines: [],
      secret_key: "ak_rotated_in_the_dashboard",
    });
    const drifted = await p.read(id, outs ?? {});
    expect(drifted.props).toMatchObject({
      name: "renamed",
      defaultTokenTtl: 42,
      scopedMachines: [],
      secretKey: "ak_rotated_in_the_dashboard",
    });
    const diff = await p.diff(id, drifted.props ?? {}, { name: "svc", scopedMachines: [target.id] });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    // Two requests per machine: the machine and its key.
    expect(
      emu.requests().filter((r) => r.method === "GET" && r.path.startsWith(`/machines/${id}`)),
    ).toHaveLength(2);
  });

  it("rotates the key when rotateSecretKey changes, with the declared grace period, and only then", async () => {
    const { id, outs } = await p.create({ name: "rot", rotateSecretKey: 1 });
    const first = outs?.secretKey;
    emu.clearRequests();
    const same = await p.update(id, outs ?? {}, { name: "rot2", rotateSecretKey: 1 });
    expect(same.outs?.secretKey).toBe(first);
    expect(calls("POST", "/rotate")).toEqual([]);
    const rotated = await p.update(id, same.outs ?? {}, {
      name: "rot2",
      rotateSecretKey: 2,
      previousKeyTtl: 3600,
    });
    expect(calls("POST", "/rotate").map((r) => r.requestBody)).toEqual([{ previous_token_ttl: 3600 }]);
    expect(rotated.outs?.secretKey).not.toBe(first);
    expect(rotated.outs?.secretKey).toBe(emu.store.machines.get(id)?.secret_key);
    // The trigger and the grace period are write-only: kept on read.
    expect((await p.read(id, rotated.outs ?? {})).props).toMatchObject({
      rotateSecretKey: 2,
      previousKeyTtl: 3600,
    });
  });

  it("adoption by importId reads the secret key and applies declared differences in place", async () => {
    const existing = await p.create({ name: "legacy", defaultTokenTtl: 100 });
    emu.clearRequests();
    const adopted = await p.create({
      name: "legacy",
      defaultTokenTtl: 200,
      rotateSecretKey: "x",
      importId: existing.id,
    });
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({
      defaultTokenTtl: 200,
      secretKey: emu.store.machines.get(existing.id)?.secret_key,
      importId: existing.id,
    });
    // Adopting records the trigger without rotating a key a running service may use.
    expect(adopted.outs?.secretKey).toBe(existing.outs?.secretKey);
    expect(calls("POST")).toEqual([]);
    await expect(p.create({ name: "x", importId: "mch_doesnotexist000000000000000" })).rejects.toThrow(
      /no Machine with id "mch_doesnotexist000000000000000"/,
    );
  });

  it("keeps the secret key out of error messages", async () => {
    const { id, outs } = await p.create({ name: "quiet" });
    const secret = String(outs?.secretKey);
    emu.store.machines.delete(id);
    const failure = await p.update(id, outs ?? {}, { name: "quiet2" }).catch((e: unknown) => e);
    expect(String(failure)).toMatch(/404|not found/i);
    expect(String(failure)).not.toContain(secret);
    expect(JSON.stringify(emu.requests())).not.toContain(KEY);
  });
});
