import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_svix_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.store.reset();
  emu.clearRequests();
});

describe("SvixWebhooks", () => {
  const p = provider("SvixWebhooks");

  it("create enables webhooks; refresh checks they are on and stays quiet; destroy disables", async () => {
    const { id, outs } = await p.create({});
    expect(id).toBe("svix");
    expect(emu.store.svix.get().enabled).toBe(true);
    expect(outs).toMatchObject({ dashboardUrl: expect.stringMatching(/^https:\/\//), adopted: false });

    expect((await p.diff(id, outs ?? {}, {})).changes).toBe(false);
    // The link in state stays: a new one on every refresh would make every refresh a change.
    const read = await p.read(id, outs ?? {});
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual({});

    // A changed trigger gets a fresh link, and nothing else.
    emu.clearRequests();
    expect(await p.diff(id, read.props ?? {}, { renewDashboardUrl: 1 })).toMatchObject({
      changes: true,
      replaces: [],
    });
    const renewed = await p.update(id, read.props ?? {}, { renewDashboardUrl: 1 });
    expect(renewed.outs?.dashboardUrl).toMatch(/^https:\/\//);
    expect(renewed.outs?.dashboardUrl).not.toBe(outs?.dashboardUrl);
    expect(renewed.outs).toMatchObject({ adopted: false, renewDashboardUrl: 1 });
    expect(emu.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /webhooks/svix_url"]);

    await p.delete(id, renewed.outs ?? {});
    expect(emu.store.svix.get().enabled).toBe(false);
    // Disabled behind Pulumi's back: refresh drops it, and destroy does not fail.
    expect(await p.read(id, renewed.outs ?? {})).toEqual({});
    await expect(p.delete(id, renewed.outs ?? {})).resolves.toBeUndefined();
  });

  it("adopts an app that already exists, and destroy then leaves it enabled", async () => {
    emu.store.svix.set({ enabled: true });
    const { id, outs } = await p.create({});
    expect(outs).toMatchObject({ adopted: true, dashboardUrl: expect.any(String) });
    // A refresh keeps the fact that it was adopted (Clerk's answer cannot say so).
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ adopted: true });
    emu.clearRequests();
    await p.delete(id, read.props ?? {});
    expect(emu.requests()).toEqual([]);
    expect(emu.store.svix.get().enabled).toBe(true);
  });

  it("refuses arguments at check", async () => {
    const r = await p.check({}, { url: "https://example.com/hook" });
    expect(r.failures?.map((f) => f.property)).toEqual(["url"]);
    const t = await p.check({}, { renewDashboardUrl: true });
    expect(t.failures?.[0]?.reason).toBe("SvixWebhooks.renewDashboardUrl: must be a number or a string");
    expect(r.failures?.[0]?.reason).toMatch(/^SvixWebhooks\.url: /);
  });
});
