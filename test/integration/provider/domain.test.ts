import { beforeEach, describe, expect, it, vi } from "vitest";
import { PRIMARY_DOMAIN_ID, PRIMARY_DOMAIN_NAME } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_domain_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const count = (method: string) =>
  emu.requests().filter((r) => r.method === method && r.path.startsWith("/domains")).length;

describe("Domain", () => {
  const p = provider("Domain");

  it("creates a satellite, keeps write-only isSecondary, sees out-of-band edits and deletion", async () => {
    const { id, outs } = await p.create({ name: "Sat.Example.com", isSecondary: true });
    expect(outs).toMatchObject({
      name: "sat.example.com",
      isSatellite: true,
      isSecondary: true,
      // A development instance has no CNAME targets and its own Frontend API host.
      frontendApiUrl: expect.stringMatching(/\.clerk\.accounts\.dev$/),
      cnameTargets: [],
    });
    expect(emu.store.domains.get(id)?.is_secondary).toBe(true);

    emu.store.domains.update(id, { name: "moved.example.com" });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ name: "moved.example.com", isSecondary: true });
    expect(read.inputs).toMatchObject({ name: "moved.example.com", isSecondary: true });
    expect((await p.diff(id, read.props ?? {}, { name: "sat.example.com", isSecondary: true })).changes).toBe(
      true,
    );

    const updated = await p.update(id, read.props ?? {}, { name: "sat.example.com", isSecondary: true });
    expect(updated.outs).toMatchObject({ name: "sat.example.com", isSecondary: true, isSatellite: true });

    emu.store.domains.delete(id);
    expect(await p.read(id, updated.outs ?? {})).toEqual({});
  });

  it("deletes a satellite", async () => {
    const { id, outs } = await p.create({ name: "gone.example.com" });
    await p.delete(id, outs ?? {});
    expect(emu.store.domains.get(id)).toBeUndefined();
  });

  it("adopts the primary domain, updates it, and destroy forgets it without a request", async () => {
    const adopted = await p.create({ name: PRIMARY_DOMAIN_NAME, importId: PRIMARY_DOMAIN_ID });
    expect(adopted.id).toBe(PRIMARY_DOMAIN_ID);
    expect(adopted.outs).toMatchObject({ isSatellite: false, accountsPortalUrl: expect.any(String) });
    expect(count("POST")).toBe(0);

    const updated = await p.update(PRIMARY_DOMAIN_ID, adopted.outs ?? {}, {
      name: PRIMARY_DOMAIN_NAME,
      isSecondary: false,
    });
    expect(updated.outs).toMatchObject({ isSecondary: false, isSatellite: false });

    emu.clearRequests();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await p.delete(PRIMARY_DOMAIN_ID, updated.outs ?? {});
    expect(emu.requests()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/primary domain.*removed from the stack/));
    log.mockRestore();
    expect(emu.store.domains.get(PRIMARY_DOMAIN_ID)).toBeDefined();
  });

  it("refreshing many domains lists them once; a write drops the listing", async () => {
    const created: { id: string; outs?: Record<string, unknown> }[] = [];
    for (let i = 0; i < 20; i++) created.push(await p.create({ name: `s${i}.example.com` }));
    emu.clearRequests();
    const reads = await Promise.all(created.map((c) => p.read(c.id, c.outs ?? {})));
    expect(reads.every((r, i) => r.id === created[i]?.id)).toBe(true);
    expect(emu.requests().length).toBe(1);
    expect(count("GET")).toBe(1);

    const fresh = await p.create({ name: "fresh.example.com" });
    expect((await p.read(fresh.id, fresh.outs ?? {})).id).toBe(fresh.id);
  });
});
