import { describe, expect, it } from "vitest";
import { ListCache } from "../../../provider/runtime/list-cache";

describe("ListCache", () => {
  it("shares one listing between concurrent and later reads", async () => {
    const cache = new ListCache();
    let calls = 0;
    const fetchAll = async () => {
      calls++;
      return [1, 2, 3];
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.get("c", fetchAll)));
    expect(results.every((r) => r.length === 3)).toBe(true);
    await cache.get("c", fetchAll);
    expect(calls).toBe(1);
  });

  it("drops the listing on a write to the collection, not to another", async () => {
    const cache = new ListCache();
    let calls = 0;
    const fetchAll = async () => [++calls];
    await cache.get("a", fetchAll);
    await cache.get("b", fetchAll);
    await cache.write("a", async () => "created");
    expect(await cache.get("a", fetchAll)).toEqual([3]);
    expect(await cache.get("b", fetchAll)).toEqual([2]);
  });

  it("does not remember a failed listing", async () => {
    const cache = new ListCache();
    let fail = true;
    const fetchAll = async () => {
      if (fail) throw new Error("boom");
      return ["ok"];
    };
    await expect(cache.get("a", fetchAll)).rejects.toThrow("boom");
    fail = false;
    expect(await cache.get("a", fetchAll)).toEqual(["ok"]);
  });
});
