import { describe, expect, it } from "vitest";
import { domainDefinition } from "../../../provider/resources/domain";
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
