import { describe, expect, it } from "vitest";
import { api, useEmulator } from "../../support/emulator";

// What the emulator puts on the wire where real Clerk differs from its spec: list shapes with and
// without `paginated=true`, newest-first lists, a paged block-list, the exact JSON content type and the
// trace id header.

const emulator = useEmulator();
const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

describe("list shapes", () => {
  it.each([
    ["/allowlist_identifiers", (i: number) => ({ identifier: `shape${i}@example.com` })],
    ["/redirect_urls", (i: number) => ({ url: `https://shape${i}.example.com/cb` })],
    ["/jwt_templates", (i: number) => ({ name: `shape-${i}`, claims: {} })],
  ])(
    "%s: a plain array without paginated, {data,total_count} pages with paginated=true",
    async (path, body) => {
      const emu = emulator();
      for (let i = 0; i < 3; i++) expect((await api(emu, "POST", path, body(i))).status).toBe(200);
      const all = await api(emu, "GET", path);
      expect(Array.isArray(all.body)).toBe(true);
      const count = all.body.length;
      expect(count).toBeGreaterThanOrEqual(3);
      expect((await api(emu, "GET", `${path}?paginated=false`)).body).toEqual(all.body);

      const page = await api(emu, "GET", `${path}?paginated=true&limit=2&offset=1`);
      expect(page.body).toEqual({ data: all.body.slice(1, 3), total_count: count });
      // Clerk's default page is 10.
      const first = await api(emu, "GET", `${path}?paginated=true`);
      expect(first.body.total_count).toBe(count);
      expect(first.body.data).toEqual(all.body.slice(0, 10));
    },
  );
});

describe("block-list paging", () => {
  it("answers pages of 10 unless asked for more, and pages with limit/offset (paginated=true accepted)", async () => {
    const emu = emulator();
    const before = emu.store.blocklistIdentifiers.size;
    for (let i = 0; i < 25; i++)
      await api(emu, "POST", "/blocklist_identifiers", { identifier: `b${i}@spam.test` });
    const total = before + 25;
    const unpaged = await api(emu, "GET", "/blocklist_identifiers");
    expect(unpaged.body.total_count).toBe(total);
    expect(unpaged.body.data).toHaveLength(10);
    const rest = await api(emu, "GET", `/blocklist_identifiers?paginated=true&limit=500&offset=10`);
    expect(rest.body.data).toHaveLength(total - 10);
    expect(new Set([...ids(unpaged.body.data), ...ids(rest.body.data)]).size).toBe(total);
    expect((await api(emu, "GET", "/blocklist_identifiers?paginated=maybe")).status).toBe(422);
  });
});

describe("list order", () => {
  it.each([
    ["/allowlist_identifiers", (i: number) => ({ identifier: `order${i}@example.com` }), (b: unknown) => b],
    ["/redirect_urls", (i: number) => ({ url: `https://order${i}.example.com/cb` }), (b: unknown) => b],
    [
      "/domains",
      (i: number) => ({ name: `order${i}.example.com`, is_satellite: true }),
      (b: { data: unknown }) => b.data,
    ],
    [
      "/enterprise_connections",
      (i: number) => ({ name: `Order ${i}`, provider: "saml_custom", domains: [`order${i}.test`] }),
      (b: { data: unknown }) => b.data,
    ],
    [
      "/saml_connections",
      (i: number) => ({ name: `Order ${i}`, provider: "saml_custom", domain: `saml-order${i}.test` }),
      (b: { data: unknown }) => b.data,
    ],
    ["/oauth_applications", (i: number) => ({ name: `order-${i}` }), (b: { data: unknown }) => b.data],
  ])("%s lists newest first, as Clerk does", async (path, body, items) => {
    const emu = emulator();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api(emu, "POST", path, body(i));
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      made.push(r.body.id);
    }
    // The spec declares no paging parameters for /domains; the others are asked for a full page.
    const query = path === "/domains" ? "" : "?limit=500";
    const listed = ids(items((await api(emu, "GET", `${path}${query}`)).body) as Array<{ id: string }>);
    expect(listed.filter((id) => made.includes(id))).toEqual([...made].reverse());
  });

  it("OAuth applications still sort as asked with order_by", async () => {
    const emu = emulator();
    const asc = await api(emu, "GET", "/oauth_applications?order_by=%2Bcreated_at&limit=500");
    const desc = await api(emu, "GET", "/oauth_applications?limit=500");
    expect(ids(asc.body.data)).toEqual(ids(desc.body.data).reverse());
  });
});

describe("headers", () => {
  it("labels every JSON answer exactly application/json (Clerk's Node client parses nothing else)", async () => {
    const emu = emulator();
    for (const reply of [
      await api(emu, "GET", "/jwt_templates"),
      await api(emu, "GET", "/jwt_templates/jtmp_missing"),
      await api(emu, "GET", "/jwt_templates", undefined, { key: null }),
    ]) {
      expect(reply.headers.get("content-type")).toBe("application/json");
    }
    const admin = await fetch(`${emu.origin}/__emulator/config`);
    expect(admin.headers.get("content-type")).toBe("application/json");
  });

  it("sends the trace id as Clerk-Trace-Id and x-clerk-trace-id, the same as the error body's", async () => {
    const emu = emulator();
    const missing = await api(emu, "GET", "/redirect_urls/ru_missing");
    expect(missing.status).toBe(404);
    expect(missing.body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(missing.headers.get("clerk-trace-id")).toBe(missing.body.clerk_trace_id);
    expect(missing.headers.get("x-clerk-trace-id")).toBe(missing.body.clerk_trace_id);
    expect((await api(emu, "GET", "/redirect_urls")).headers.get("clerk-trace-id")).toMatch(/^[0-9a-f]{32}$/);
  });
});
