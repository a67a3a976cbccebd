import { describe, expect, it } from "vitest";
import { domainDefinition } from "../../../provider/definitions/domain";
import { makeHandlers } from "../../../provider/runtime/generic";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const p = makeHandlers(domainDefinition, noClient);
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

describe("Domain check", () => {
  it("lowercases the name and accepts a development port", async () => {
    expect((await p.check({}, { name: " App.Example.COM " })).inputs).toEqual({ name: "app.example.com" });
    expect((await p.check({}, { name: "localhost:3000" })).failures).toBeUndefined();
  });

  it("reports every failing field by name", async () => {
    const r = await p.check(
      {},
      { name: "https://app.example.com/x", proxyUrl: "http://p.example.com", isSecondary: 1 },
    );
    expect(Object.keys(reasons(r.failures)).sort()).toEqual(["isSecondary", "name", "proxyUrl"]);
  });

  it("explains that a primary domain cannot be created, only adopted", async () => {
    const r = await p.check({}, { name: "example.com", isSatellite: false });
    expect(reasons(r.failures).isSatellite).toMatch(/is an output.*primary domain.*importId/);
  });
});

describe("Domain diff", () => {
  const state = {
    name: "sat.example.com",
    isSatellite: true,
    frontendApiUrl: "https://clerk.sat.example.com",
  };

  it('updates name and proxyUrl in place; null, absent and "" are the same proxy', async () => {
    expect(await p.diff("id", state, { name: "sat2.example.com" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect((await p.diff("id", state, { name: "sat.example.com", proxyUrl: "" })).changes).toBe(false);
    expect(
      (await p.diff("id", state, { name: "sat.example.com", proxyUrl: "https://p.example.com/__clerk" }))
        .changes,
    ).toBe(true);
    expect(
      (
        await p.diff(
          "id",
          { ...state, proxyUrl: "https://p.example.com/__clerk" },
          { name: "sat.example.com", proxyUrl: "" },
        )
      ).changes,
    ).toBe(true);
  });

  it("compares write-only isSecondary with state", async () => {
    expect(
      (await p.diff("id", { ...state, isSecondary: true }, { name: "sat.example.com", isSecondary: true }))
        .changes,
    ).toBe(false);
    expect((await p.diff("id", state, { name: "sat.example.com", isSecondary: true })).changes).toBe(true);
  });
});

describe("Domain outputs", () => {
  const wire = {
    object: "domain" as const,
    id: "dmn_1",
    name: "sat.example.com",
    is_satellite: true,
    frontend_api_url: "https://happy-hippo-1.clerk.accounts.dev",
    accounts_portal_url: null,
    proxy_url: null,
    development_origin: "",
  };

  it.each([
    ["empty", { cname_targets: [] }, []],
    ["null", { cname_targets: null }, undefined],
    ["missing", {}, undefined],
  ])("tolerate %s CNAME targets (a development instance has none)", async (_label, extra, expected) => {
    const { DomainSchema } = await import("../../../sdk/schemas/domains.js");
    const api = DomainSchema.parse({ ...wire, ...extra });
    const computed = domainDefinition.toComputed(api);
    expect(computed.cnameTargets).toEqual(expected);
    expect(computed.frontendApiUrl).toBe("https://happy-hippo-1.clerk.accounts.dev");
  });
});
