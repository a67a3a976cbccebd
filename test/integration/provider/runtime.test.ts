import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

// The runtime exactly as Pulumi's dynamic-provider process uses it: configure() with the stack's
// config, then provider(type).<method>, against a local emulator.
const KEY = "sk_test_runtime_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const count = (method: string, path: string) =>
  emu.requests().filter((r) => r.method === method && r.path.startsWith(path)).length;

describe("RedirectUrl", () => {
  const p = provider("RedirectUrl");

  it("creates, reads, and reports a vanished object as gone", async () => {
    const { id, outs } = await p.create({ url: "myapp://oauth-callback" });
    expect(outs).toMatchObject({ url: "myapp://oauth-callback", createdAt: expect.any(Number) });
    expect(emu.store.redirectUrls.get(id)?.url).toBe("myapp://oauth-callback");

    const read = await p.read(id, outs ?? {});
    expect(read.id).toBe(id);
    expect(read.inputs).toEqual({ url: "myapp://oauth-callback" });

    emu.store.redirectUrls.delete(id);
    expect(await p.read(id, outs ?? {})).toEqual({});
    // Deleting what is already gone succeeds.
    await expect(p.delete(id, outs ?? {})).resolves.toBeUndefined();
  });

  it("keeps Clerk's error code, message and trace id, and names the resource", async () => {
    await p.create({ url: "myapp://dup" });
    const err = await p.create({ url: "myapp://dup" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^create RedirectUrl failed: Clerk API 4\d\d POST \/redirect_urls/);
    expect(msg).toMatch(/trace [0-9a-f]+/);
    expect(msg).not.toContain(KEY);
  });
});

describe("JwtTemplate", () => {
  const p = provider("JwtTemplate");

  it("keeps the write-only signing key from state, updates in place, and deletes", async () => {
    const inputs = {
      name: "supabase",
      claims: { role: "authenticated" },
      signingAlgorithm: "HS256",
      signingKey: "shh-secret",
    };
    const { id, outs } = await p.create(inputs);
    expect(outs).toMatchObject({
      name: "supabase",
      signingKey: "shh-secret",
      customSigningKey: true,
      lifetime: expect.any(Number),
    });
    // Clerk never echoes the key...
    expect(JSON.stringify(emu.requests().map((r) => r.responseBody))).not.toContain("shh-secret");
    // ...so read carries it over from state.
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ signingKey: "shh-secret" });
    expect(read.inputs).toMatchObject({ signingKey: "shh-secret", name: "supabase" });

    const diff = await p.diff(id, read.props ?? {}, { ...inputs, lifetime: 120 });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    const updated = await p.update(id, read.props ?? {}, { ...inputs, lifetime: 120 });
    expect(updated.outs).toMatchObject({ lifetime: 120, name: "supabase", signingKey: "shh-secret" });
    expect(emu.store.jwtTemplates.get(id)?.lifetime).toBe(120);

    await p.delete(id, updated.outs ?? {});
    expect(emu.store.jwtTemplates.get(id)).toBeUndefined();
  });

  it("sees an out-of-band edit on read, as a diff against the declared inputs", async () => {
    const inputs = { name: "hasura", claims: { a: 1 }, lifetime: 60 };
    const { id, outs } = await p.create(inputs);
    emu.store.jwtTemplates.update(id, { lifetime: 900 });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ lifetime: 900 });
    // What refresh asks: do the refreshed outputs still match the inputs on record?
    expect((await p.diff(id, read.props ?? {}, inputs)).changes).toBe(true);
  });
});

describe("AllowlistIdentifier", () => {
  const p = provider("AllowlistIdentifier");

  it("refreshing 200 identifiers lists the collection once, not 200 times", async () => {
    const created: { id: string; outs?: Record<string, unknown> }[] = [];
    for (let i = 0; i < 200; i++) created.push(await p.create({ identifier: `user${i}@example.com` }));
    emu.clearRequests();
    const reads = await Promise.all(created.map((c) => p.read(c.id, c.outs ?? {})));
    expect(reads.every((r, i) => r.id === created[i]?.id)).toBe(true);
    expect(count("GET", "/allowlist_identifiers")).toBe(1);
    expect(emu.requests().length).toBe(1);
  });

  it("a write drops the shared listing, so the next read sees the new object", async () => {
    await p.read("missing", {});
    const { id, outs } = await p.create({ identifier: "new@example.com" });
    const read = await p.read(id, outs ?? {});
    expect(read.id).toBe(id);
  });
});

describe("adoption (importId)", () => {
  const p = provider("JwtTemplate");

  it("adopts an existing object and applies updatable differences in place", async () => {
    const existing = await p.create({ name: "legacy", claims: { v: 1 } });
    emu.clearRequests();
    const adopted = await p.create({ name: "legacy", claims: { v: 2 }, importId: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(adopted.outs).toMatchObject({ importId: existing.id, claims: { v: 2 } });
    expect(count("POST", "/jwt_templates")).toBe(0);
    expect(count("PATCH", "/jwt_templates")).toBe(1);
  });

  it("refuses to adopt when an immutable field differs, naming it", async () => {
    const r = provider("RedirectUrl");
    const existing = await r.create({ url: "myapp://live" });
    await expect(r.create({ url: "myapp://other", importId: existing.id })).rejects.toThrow(
      /adopt RedirectUrl "[^"]+" failed: cannot adopt RedirectUrl "[^"]+": url differ/,
    );
  });

  it("fails clearly for an id that does not exist", async () => {
    await expect(p.create({ name: "x", claims: {}, importId: "jtmp_nope" })).rejects.toThrow(
      /no JwtTemplate with id "jtmp_nope" exists/,
    );
  });
});

describe("refresh by listing", () => {
  const types = ["RedirectUrl", "JwtTemplate", "OAuthApplication"] as const;
  const argsFor = (type: (typeof types)[number], i: number): Record<string, unknown> =>
    type === "RedirectUrl"
      ? { url: `https://listed${i}.example.com/cb` }
      : type === "JwtTemplate"
        ? { name: `listed-${i}`, claims: { n: i } }
        : {
            name: `listed-app-${i}`,
            redirectUris: [`https://listed${i}.example.com/oauth`],
            scopes: ["profile"],
          };

  it("reads 90 objects of three collections with one listing each, and a deleted one with one GET", async () => {
    const made: { type: string; id: string; outs: Record<string, unknown> }[] = [];
    for (const type of types) {
      for (let i = 0; i < 30; i++) {
        const { id, outs } = await provider(type).create(argsFor(type, i));
        made.push({ type, id, outs: outs ?? {} });
      }
    }
    const gone = made[5];
    if (!gone) throw new Error("nothing made");
    emu.store.redirectUrls.delete(gone.id);
    emu.clearRequests();

    const reads = await Promise.all(made.map((m) => provider(m.type).read(m.id, m.outs)));

    expect(reads.filter((r) => r.id === undefined)).toHaveLength(1);
    expect(reads[5]).toEqual({});
    expect(reads.filter((r, i) => r.id === made[i]?.id)).toHaveLength(89);
    expect(count("GET", "/redirect_urls")).toBe(2); // the listing, and the GET that confirms the deletion
    expect(count("GET", "/jwt_templates")).toBe(1);
    expect(count("GET", "/oauth_applications")).toBe(1);
    expect(emu.requests()).toHaveLength(4);
  });

  it("an out-of-band edit is seen, and a write drops the listing so a later read is fresh", async () => {
    const p = provider("JwtTemplate");
    const { id, outs } = await p.create({ name: "listed-edit", claims: { a: 1 } });
    emu.store.jwtTemplates.update(id, { lifetime: 3600 });
    const first = await p.read(id, outs ?? {});
    expect(first.props?.lifetime).toBe(3600);

    const other = await p.create({ name: "listed-other", claims: { b: 2 } });
    emu.clearRequests();
    const second = await p.read(other.id, other.outs ?? {});
    expect(second.id).toBe(other.id);
    // A fresh listing found it (a listing kept from before the create would not have: then a GET by id).
    expect(emu.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /jwt_templates"]);
  });
});
