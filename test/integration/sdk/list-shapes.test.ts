import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { type ClerkClient, createClerkClient } from "../../../sdk";

// Clerk answers lists in two shapes and pages some of them by default. The sdk must read every item
// whichever shape comes back: a refresh that misses an entry reports it deleted, and the next `up`
// creates a duplicate.

const KEY = "sk_test_listShapes";
let emu: Emulator;
let clerk: ClerkClient;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: false });
});
afterAll(() => emu.close());
beforeEach(() => emu.clearRequests());

/** A client whose fetch rewrites the emulator's answers, as a Clerk that answers differently would. */
function clientRewriting(rewrite: (url: URL, body: unknown) => unknown): ClerkClient {
  const fetchRewriting: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = await res.text();
    const body = text === "" ? undefined : JSON.parse(text);
    return new Response(JSON.stringify(rewrite(url, body)), { status: res.status, headers: res.headers });
  };
  return createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: false, fetch: fetchRewriting });
}

const seed = async () => {
  const made = { allow: [] as string[], redirect: [] as string[], jwt: [] as string[] };
  for (let i = 0; i < 12; i++) {
    made.allow.push((await clerk.allowlistIdentifiers.create({ identifier: `shape${i}@example.com` })).id);
    made.redirect.push((await clerk.redirectUrls.create({ url: `https://shape${i}.example.com/cb` })).id);
    made.jwt.push((await clerk.jwtTemplates.create({ name: `shape-${i}`, claims: {} })).id);
  }
  return made;
};
let made: Awaited<ReturnType<typeof seed>>;
beforeAll(async () => {
  made = await seed();
});

const listsOf = async (client: ClerkClient) => ({
  allow: (await client.allowlistIdentifiers.list()).map((x) => x.id),
  redirect: (await client.redirectUrls.list()).map((x) => x.id),
  jwt: (await client.jwtTemplates.list()).map((x) => x.id),
});

describe("allow-list, redirect URLs, JWT templates", () => {
  it("read every item from Clerk's { data, total_count } answer to paginated=true", async () => {
    const lists = await listsOf(clerk);
    expect(lists.allow).toEqual(expect.arrayContaining(made.allow));
    expect(lists.redirect).toEqual(expect.arrayContaining(made.redirect));
    expect(lists.jwt).toEqual(expect.arrayContaining(made.jwt));
    for (const r of emu.requests()) {
      expect(r.query).toMatchObject({ paginated: "true", limit: "500" });
      expect(Array.isArray(r.responseBody)).toBe(false);
    }
  });

  it("read every item from a plain-array answer too (what the spec shows)", async () => {
    const arrays = clientRewriting((_url, body) =>
      body && typeof body === "object" && "data" in body ? (body as { data: unknown }).data : body,
    );
    expect(await listsOf(arrays)).toEqual(await listsOf(clerk));
  });
});

describe("block-list", () => {
  it("sees all of 25 entries although Clerk answers 10 per page by default", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++)
      ids.push((await clerk.blocklistIdentifiers.create({ identifier: `b${i}@spam.test` })).id);
    emu.clearRequests();
    const listed = (await clerk.blocklistIdentifiers.list()).map((x) => x.id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(listed).toHaveLength(emu.store.blocklistIdentifiers.size);
    expect(emu.requests().map((r) => r.query)).toEqual([{ paginated: "true", limit: "500", offset: "0" }]);
  });

  it("follows total_count when Clerk pages with a smaller page than asked for", async () => {
    const tenPerPage = clientRewriting((url, body) => {
      if (url.pathname !== "/v1/blocklist_identifiers") return body;
      const { data, total_count } = body as { data: unknown[]; total_count: number };
      return { data: data.slice(0, 10), total_count };
    });
    const listed = await tenPerPage.blocklistIdentifiers.list();
    expect(listed).toHaveLength(emu.store.blocklistIdentifiers.size);
    expect(new Set(listed.map((x) => x.id)).size).toBe(listed.length);
  });
});

describe("domains", () => {
  it("one unpaged call when the answer is complete, limit/offset only if total_count says there is more", async () => {
    await clerk.domains.create({ name: "sat-a.example.com", is_satellite: true });
    await clerk.domains.create({ name: "sat-b.example.com", is_satellite: true });
    const all = await clerk.domains.list();
    expect(all.length).toBe(emu.store.domains.size);
    expect(emu.requests().at(-1)?.query).toEqual({});

    // A Clerk that pages /domains one at a time: the emulator answers everything (the spec declares no
    // paging here), so this fetch cuts pages out of the whole list itself.
    const paging: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const res = await fetch(`${url.origin}${url.pathname}`, init);
      const { data, total_count } = (await res.json()) as { data: unknown[]; total_count: number };
      return new Response(JSON.stringify({ data: data.slice(offset, offset + 1), total_count }), {
        headers: { "content-type": "application/json" },
      });
    };
    const oneByOne = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: false, fetch: paging });
    expect((await oneByOne.domains.list()).map((d) => d.id).sort()).toEqual(all.map((d) => d.id).sort());
  });
});
