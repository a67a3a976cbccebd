import { describe, expect, it } from "vitest";
import { machineDefinition } from "../../../provider/definitions/machine";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const p = makeHandlers(machineDefinition, noClient);
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

const A = "mch_2xA9aaaaaaaaaaaaaaaaaaaaaaaa";
const B = "mch_2xB9bbbbbbbbbbbbbbbbbbbbbbbb";

describe("Machine check", () => {
  it("accepts scopes as machine ids, a TTL, a rotation trigger and a grace period", async () => {
    const r = await p.check(
      {},
      {
        name: "worker",
        defaultTokenTtl: 60,
        scopedMachines: [A, B],
        rotateSecretKey: "2026-12",
        previousKeyTtl: 600,
      },
    );
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toMatchObject({ name: "worker", scopedMachines: [A, B], previousKeyTtl: 600 });
  });

  it("names every failing field, without echoing a secret", async () => {
    const r = await p.check(
      {},
      {
        name: "x".repeat(256),
        defaultTokenTtl: 0,
        scopedMachines: ["api-machine"],
        previousKeyTtl: 28_801,
        rotateSecretKey: true,
        secretKey: "ak_do_not_echo",
      },
    );
    const by = reasons(r.failures);
    expect(Object.keys(by).sort()).toEqual([
      "defaultTokenTtl",
      "name",
      "previousKeyTtl",
      "rotateSecretKey",
      "scopedMachines[0]",
      "secretKey",
    ]);
    expect(by["scopedMachines[0]"]).toBe(
      "Machine.scopedMachines[0]: must be a machine id (mch_…), e.g. another Machine's id",
    );
    expect(by.previousKeyTtl).toMatch(/^Machine\.previousKeyTtl: .*28800/);
    expect(JSON.stringify(r.failures)).not.toContain("ak_do_not_echo");
  });

  it("refuses a scope named twice", async () => {
    const r = await p.check({}, { name: "w", scopedMachines: [A, A] });
    expect(reasons(r.failures)).toEqual({
      scopedMachines: "Machine.scopedMachines: must not name a machine twice",
    });
  });

  it("lets unknowns through during preview (a scope on a machine not created yet)", async () => {
    expect((await p.check({}, { name: "w", scopedMachines: [UNKNOWN] })).failures).toBeUndefined();
    expect((await p.check({}, { name: "w", scopedMachines: UNKNOWN })).failures).toBeUndefined();
  });
});

describe("Machine diff", () => {
  const state = {
    name: "worker",
    defaultTokenTtl: 3600,
    scopedMachines: [A, B],
    rotateSecretKey: 1,
    secretKey: "ak_state",
    __provider: "p",
  };
  it("compares scopes as a set, and changes everything in place", async () => {
    expect(
      (await p.diff("mch_x", state, { name: "worker", scopedMachines: [B, A], rotateSecretKey: 1 })).changes,
    ).toBe(false);
    for (const news of [
      { name: "worker", scopedMachines: [A] },
      { name: "renamed" },
      { name: "worker", defaultTokenTtl: 60 },
      { name: "worker", rotateSecretKey: 2 },
    ]) {
      expect(await p.diff("mch_x", state, news)).toMatchObject({ changes: true, replaces: [] });
    }
  });
  it("leaves undeclared scopes to Clerk", async () => {
    expect((await p.diff("mch_x", state, { name: "worker", rotateSecretKey: 1 })).changes).toBe(false);
  });
});
