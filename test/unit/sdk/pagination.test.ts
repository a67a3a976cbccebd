import { describe, expect, it } from "vitest";
import { collectArrayPages, collectCountedPages } from "../../../sdk/pagination";

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("collectArrayPages", () => {
  it("pages until a short page, asking for the right offsets", async () => {
    const all = items(7);
    const calls: Array<{ limit: number; offset: number }> = [];
    const out = await collectArrayPages(async (p) => {
      calls.push(p);
      return all.slice(p.offset, p.offset + p.limit);
    }, 3);
    expect(out).toEqual(all);
    expect(calls).toEqual([
      { limit: 3, offset: 0 },
      { limit: 3, offset: 3 },
      { limit: 3, offset: 6 },
    ]);
  });

  it("makes one extra call when the list is an exact multiple of the page size", async () => {
    let n = 0;
    const out = await collectArrayPages(async (p) => {
      n++;
      return items(6).slice(p.offset, p.offset + p.limit);
    }, 3);
    expect(out).toHaveLength(6);
    expect(n).toBe(3);
  });

  it("stops when the server ignores paging and returns everything", async () => {
    let n = 0;
    const out = await collectArrayPages(async () => {
      n++;
      return items(10);
    }, 3);
    expect(out).toEqual(items(10));
    expect(n).toBe(1);
  });
});

describe("collectCountedPages", () => {
  it("pages until total_count items are in hand", async () => {
    const all = items(1001);
    const calls: number[] = [];
    const out = await collectCountedPages(async ({ limit, offset }) => {
      calls.push(offset);
      return { data: all.slice(offset, offset + limit), total_count: all.length };
    });
    expect(out).toEqual(all);
    expect(calls).toEqual([0, 500, 1000]);
  });

  it("stops on an empty page even if total_count disagrees", async () => {
    const out = await collectCountedPages(async ({ offset }) => ({
      data: offset === 0 ? [1, 2] : [],
      total_count: 5,
    }));
    expect(out).toEqual([1, 2]);
  });
});
