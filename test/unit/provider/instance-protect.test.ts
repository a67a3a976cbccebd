import { describe, expect, it } from "vitest";
import { instanceProtectDefinition } from "../../../provider/definitions/instance-protect";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(instanceProtectDefinition, noClient);
const state = { rulesEnabled: true, specterEnabled: false, checksBypassed: false, __provider: "p" };

describe("InstanceProtect", () => {
  it("check: accepts nothing declared, rejects non-booleans and unknown arguments by name", async () => {
    expect(await h.check({}, {})).toEqual({ inputs: {} });
    const r = await h.check({}, { rulesEnabled: "yes", checksBypassed: true });
    expect(r.failures).toEqual([
      { property: "rulesEnabled", reason: "InstanceProtect.rulesEnabled: must be a boolean" },
      {
        property: "checksBypassed",
        reason: "InstanceProtect.checksBypassed: is not a known argument of this resource",
      },
    ]);
    expect((await h.check({}, { specterEnabled: UNKNOWN })).failures).toBeUndefined();
  });

  it("diff: only declared fields count, never a replacement", async () => {
    expect((await h.diff("instance_protect", state, {})).changes).toBe(false);
    expect((await h.diff("instance_protect", state, { rulesEnabled: true })).changes).toBe(false);
    expect(await h.diff("instance_protect", state, { specterEnabled: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("delete forgets: it touches no client method", async () => {
    const untouchable = new Proxy(
      {},
      {
        get: (_t, k) => {
          throw new Error(`delete used client.${String(k)}`);
        },
      },
    );
    const del = makeHandlers(
      instanceProtectDefinition,
      () => ({ client: untouchable, type: "InstanceProtect" }) as never,
    );
    await expect(del.delete("instance_protect", state)).resolves.toBeUndefined();
  });
});
