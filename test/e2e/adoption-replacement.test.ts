import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestStack, type StackExport, type TestStack } from "./harness";

// Issue 24, items 1 and 2 under the real engine: `importId` adopts at the first create only (a
// replacement, or an adopted object deleted in the dashboard, makes a fresh object), and a replacement
// that changes a unique key (a redirect URL's url, an allow-list identifier) creates the new object
// before it deletes the old one.
const KEY = "sk_test_e2e_adoption_replace_0123456789";
let emu: Emulator | undefined;
let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.cleanup();
  await emu?.close();
  stack = undefined;
  emu = undefined;
});

type Decl = { type: string; name: string; args: Record<string, unknown> };

async function setUp(resources: Decl[]): Promise<{ e: Emulator; s: TestStack }> {
  const e = await startEmulator({ port: 0 });
  emu = e;
  const s = await createTestStack({
    name: "adoption-replacement",
    program: "fixtures/clerk-program.cjs",
    apiUrl: e.url,
    secretKey: KEY,
    params: { resources },
  });
  stack = s;
  return { e, s };
}

/** Made by hand: straight through the API, outside any stack. */
async function byHand(e: Emulator, path: string, body: unknown): Promise<string> {
  const res = await fetch(`${e.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** Resource name -> the id state tracks. */
const tracked = (state: StackExport) =>
  Object.fromEntries(
    state.resources
      .filter((r) => r.id && !r.type.startsWith("pulumi:"))
      .map((r) => [r.urn.split("::").pop(), r.id] as const),
  );
const redirects = (e: Emulator) => Object.fromEntries(e.store.redirectUrls.list().map((r) => [r.url, r.id]));
const allowed = (e: Emulator) =>
  Object.fromEntries(e.store.allowlistIdentifiers.list().map((r) => [r.identifier, r.id]));

describe("importId adopts at the first create only", () => {
  it("a replacement of an adopted object (url, identifier changed) creates a fresh one; the program may keep importId", async () => {
    const { e, s } = await setUp([]);
    const cb = await byHand(e, "/redirect_urls", { url: "myapp://old-callback" });
    const vip = await byHand(e, "/allowlist_identifiers", { identifier: "old@example.com" });
    const adopted = (url: string, identifier: string): Decl[] => [
      { type: "RedirectUrl", name: "callback", args: { url, importId: cb } },
      { type: "AllowlistIdentifier", name: "vip", args: { identifier, importId: vip } },
    ];
    const first = await s.up({ params: { resources: adopted("myapp://old-callback", "old@example.com") } });
    expect(first.summary.create).toBe(3); // the stack and the two adopted objects
    expect(tracked(await s.exportState())).toEqual({ callback: cb, vip });

    // The exported program keeps importId; the replacement must not read the old id again.
    const up = await s.up({ params: { resources: adopted("myapp://new-callback", "new@example.com") } });
    expect(up.summary.replace).toBe(2);
    const state = tracked(await s.exportState());
    expect(state.callback).not.toBe(cb);
    expect(state.vip).not.toBe(vip);
    expect(redirects(e)).toEqual({ "myapp://new-callback": state.callback });
    expect(allowed(e)).toEqual({ "new@example.com": state.vip });

    // And again: the old id stays consumed through later replacements.
    const again = await s.up({
      params: { resources: adopted("myapp://third-callback", "third@example.com") },
    });
    expect(again.summary.replace).toBe(2);
    const third = tracked(await s.exportState());
    expect(redirects(e)).toEqual({ "myapp://third-callback": third.callback });
    expect(allowed(e)).toEqual({ "third@example.com": third.vip });

    // Quiet afterwards, without a request, although importId is still in the program.
    e.clearRequests();
    const preview = await s.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(e.requests()).toEqual([]);
  });

  it("an adopted object deleted in the dashboard is recreated by `up` after refresh", async () => {
    const { e, s } = await setUp([]);
    const cb = await byHand(e, "/redirect_urls", { url: "myapp://callback" });
    const resources: Decl[] = [
      { type: "RedirectUrl", name: "callback", args: { url: "myapp://callback", importId: cb } },
    ];
    await s.up({ params: { resources } });
    expect(tracked(await s.exportState())).toEqual({ callback: cb });

    // Deleted in the dashboard.
    const res = await fetch(`${e.url}/redirect_urls/${cb}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(res.status).toBe(200);
    await s.refresh();
    const preview = await s.preview();
    expect(preview.summary.replace).toBe(1);

    const up = await s.up();
    expect(up.summary.replace).toBe(1);
    const state = tracked(await s.exportState());
    expect(state.callback).not.toBe(cb);
    expect(redirects(e)).toEqual({ "myapp://callback": state.callback });
    expect((await s.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
  });
});

describe("replacement order where the key changes", () => {
  it("creates the new object before deleting the old one, so a refused create leaves the old one in place", async () => {
    const decl = (url: string, identifier: string): Decl[] => [
      { type: "RedirectUrl", name: "callback", args: { url } },
      { type: "AllowlistIdentifier", name: "vip", args: { identifier } },
    ];
    const { e, s } = await setUp(decl("myapp://one", "one@example.com"));
    await s.up();
    const before = tracked(await s.exportState());

    e.clearRequests();
    await s.up({ params: { resources: decl("myapp://two", "two@example.com") } });
    const writes = e
      .requests()
      .filter((r) => r.method !== "GET")
      .map((r) => `${r.method} ${r.route}`);
    for (const collection of ["/redirect_urls", "/allowlist_identifiers"]) {
      const created = writes.indexOf(`POST ${collection}`);
      const deleted = writes.findIndex((w) => w.startsWith(`DELETE ${collection}/`));
      expect(created, writes.join("\n")).toBeGreaterThanOrEqual(0);
      expect(deleted, writes.join("\n")).toBeGreaterThan(created);
    }
    const after = tracked(await s.exportState());
    expect(redirects(e)).toEqual({ "myapp://two": after.callback });
    expect(after.callback).not.toBe(before.callback);

    // Clerk refuses the new url (someone else's object holds it): the old callback must survive.
    const other = await byHand(e, "/redirect_urls", { url: "myapp://three" });
    const failed = await s.attempt("up", { params: { resources: decl("myapp://three", "two@example.com") } });
    expect(failed.ok).toBe(false);
    expect(redirects(e)).toEqual({ "myapp://two": after.callback, "myapp://three": other });
    expect(tracked(await s.exportState()).callback).toBe(after.callback);
  });
});
