import { describe, expect, it } from "vitest";
import { collectPages, toListPage } from "../../../sdk/pagination";

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `x_${i}` }));
type Page = { limit: number; offset: number };

describe("collectPages with plain-array pages", () => {
  it("pages until a short page, asking for the right offsets", async () => {
    const all = items(7);
    const calls: Page[] = [];
    const out = await collectPages(
      async (p) => {
        calls.push(p);
        return all.slice(p.offset, p.offset + p.limit);
      },
      "GET /x",
      3,
    );
    expect(out).toEqual(all);
    expect(calls).toEqual([
      { limit: 3, offset: 0 },
      { limit: 3, offset: 3 },
      { limit: 3, offset: 6 },
    ]);
  });

  it("makes one extra call when the list is an exact multiple of the page size", async () => {
    let n = 0;
    const out = await collectPages(
      async (p) => {
        n++;
        return items(6).slice(p.offset, p.offset + p.limit);
      },
      "GET /x",
      3,
    );
    expect(out).toHaveLength(6);
    expect(n).toBe(3);
  });

  it("stops when the server ignores paging and returns everything", async () => {
    let n = 0;
    const out = await collectPages(
      async () => {
        n++;
        return items(10);
      },
      "GET /x",
      3,
    );
    expect(out).toEqual(items(10));
    expect(n).toBe(1);
  });

  it("stops, without duplicates, when the server ignores offset and repeats a full page", async () => {
    let n = 0;
    const out = await collectPages(
      async () => {
        n++;
        return items(3);
      },
      "GET /x",
      3,
    );
    expect(out).toEqual(items(3));
    expect(n).toBe(2);
  });
});

describe("collectPages with { data, total_count } pages", () => {
  it("pages until total_count items are in hand", async () => {
    const all = items(1001);
    const calls: number[] = [];
    const out = await collectPages(async ({ limit, offset }) => {
      calls.push(offset);
      return { data: all.slice(offset, offset + limit), total_count: all.length };
    }, "GET /x");
    expect(out).toEqual(all);
    expect(calls).toEqual([0, 500, 1000]);
  });

  it("keeps paging when a server answers short pages of its own size (default page of 10)", async () => {
    const all = items(25);
    const out = await collectPages(
      async ({ offset }) => ({ data: all.slice(offset, offset + 10), total_count: all.length }),
      "GET /x",
    );
    expect(out).toEqual(all);
  });

  it("stops on an empty page even if total_count disagrees", async () => {
    const out = await collectPages(
      async ({ offset }) => ({ data: offset === 0 ? items(2) : [], total_count: 5 }),
      "GET /x",
    );
    expect(out).toEqual(items(2));
  });

  it("drops an item repeated across pages (the list shifted while paging)", async () => {
    const pages = [
      { data: [{ id: "a" }, { id: "b" }], total_count: 4 },
      { data: [{ id: "b" }, { id: "c" }], total_count: 4 },
      { data: [{ id: "d" }], total_count: 4 },
    ];
    let n = 0;
    const out = await collectPages(async () => pages[n++], "GET /x", 2);
    expect(out.map((i) => i.id)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("toListPage", () => {
  it("accepts both shapes", () => {
    expect(toListPage([{ id: "a" }], "GET /x")).toEqual({ data: [{ id: "a" }] });
    expect(toListPage({ data: [{ id: "a" }], total_count: 1 }, "GET /x")).toEqual({
      data: [{ id: "a" }],
      total_count: 1,
    });
  });

  it("names the endpoint when the body is neither", () => {
    expect(() => toListPage({ items: [] }, "GET /jwt_templates")).toThrow(
      "pulumi-clerk: GET /jwt_templates returned neither a list nor { data, total_count } (got an object with items)",
    );
  });
});
