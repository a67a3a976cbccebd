import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { ClerkApiError, type ClerkClient, createClerkClient, isNotFound } from "../../../sdk";

// Round trips through the local Clerk emulator: what a user's `pulumi up`/`refresh` would send.

const KEY = "sk_test_emulatorRoundTrip";
let emu: Emulator;
let clerk: ClerkClient;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  clerk = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: false });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.clearRequests());

const lastRequest = () => emu.requests().at(-1)!;

describe("allowlist identifiers", () => {
  it("create, find in the list, delete, and a second delete is a 404", async () => {
    const created = await clerk.allowlistIdentifiers.create({ identifier: "Ada@Example.com" });
    expect(created).toMatchObject({ object: "allowlist_identifier", identifier_type: "email_address" });
    expect(lastRequest().requestBody).toEqual({ identifier: "Ada@Example.com" });

    const listed = await clerk.allowlistIdentifiers.list();
    expect(listed.find((i) => i.id === created.id)?.identifier).toBe(created.identifier);

    const deleted = await clerk.allowlistIdentifiers.delete(created.id);
    expect(deleted).toMatchObject({ id: created.id, deleted: true });
    const again = await clerk.allowlistIdentifiers.delete(created.id).catch((e: unknown) => e);
    expect(isNotFound(again)).toBe(true);
    expect((await clerk.allowlistIdentifiers.list()).some((i) => i.id === created.id)).toBe(false);
  });

  it("maps a duplicate to a ClerkApiError with Clerk's code and trace id", async () => {
    await clerk.allowlistIdentifiers.create({ identifier: "dup@example.com" });
    const err = (await clerk.allowlistIdentifiers
      .create({ identifier: "dup@example.com" })
      .catch((e: unknown) => e)) as ClerkApiError;
    expect(err).toBeInstanceOf(ClerkApiError);
    expect(err.status).toBeGreaterThanOrEqual(400);
    expect(err.code).toBeTruthy();
    expect(err.message).toContain(`Clerk API ${err.status} POST /allowlist_identifiers: ${err.code}`);
    expect(err.clerkTraceId).toBeTruthy();
    expect(err.message).toContain(`(trace ${err.clerkTraceId})`);
  });

  it("walks every page of a long list (paginated=true, limit=500, offsets)", async () => {
    const now = Date.now();
    for (let i = 0; i < 1203; i++) {
      emu.store.allowlistIdentifiers.insert({
        id: `alid_seed_${String(i).padStart(5, "0")}`,
        identifier: `seed${i}@example.com`,
        identifier_type: "email_address",
        created_at: now,
        updated_at: now,
      } as never);
    }
    emu.clearRequests();
    const all = await clerk.allowlistIdentifiers.list();
    expect(all.filter((i) => i.id.startsWith("alid_seed_"))).toHaveLength(1203);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const queries = emu.requests().map((r) => r.query);
    expect(queries[0]).toMatchObject({ paginated: "true", limit: "500", offset: "0" });
    expect(queries.map((q) => q.offset)).toEqual(["0", "500", "1000"]);
  });
});

describe("blocklist identifiers", () => {
  it("create, list ({data,total_count}, asking for a full page), delete", async () => {
    const created = await clerk.blocklistIdentifiers.create({ identifier: "+15555550123" });
    expect(created).toMatchObject({ object: "blocklist_identifier", identifier_type: "phone_number" });
    emu.clearRequests();
    const listed = await clerk.blocklistIdentifiers.list();
    expect(listed.map((i) => i.id)).toContain(created.id);
    expect(emu.requests()).toHaveLength(1);
    expect(emu.requests()[0]?.query).toEqual({ paginated: "true", limit: "500", offset: "0" });
    await clerk.blocklistIdentifiers.delete(created.id);
    expect((await clerk.blocklistIdentifiers.list()).map((i) => i.id)).not.toContain(created.id);
  });
});

describe("redirect URLs", () => {
  it("create, get, list, delete, then get is a 404", async () => {
    const created = await clerk.redirectUrls.create({ url: "https://app.example.com/callback" });
    expect(await clerk.redirectUrls.get(created.id)).toEqual(created);
    expect((await clerk.redirectUrls.list()).map((r) => r.url)).toContain("https://app.example.com/callback");
    await clerk.redirectUrls.delete(created.id);
    const err = await clerk.redirectUrls.get(created.id).catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
    expect((err as ClerkApiError).message).toMatch(/^Clerk API 404 GET \/redirect_urls\/\S+: /);
  });
});

describe("JWT templates", () => {
  it("create, get, update (full replace), list, delete", async () => {
    const created = await clerk.jwtTemplates.create({
      name: "hasura",
      claims: { "https://hasura.io/jwt/claims": { "x-hasura-role": "user" } },
      lifetime: 120,
      signing_key: "should-never-come-back",
    });
    expect(created).toMatchObject({ object: "jwt_template", name: "hasura", lifetime: 120 });
    expect(JSON.stringify(created)).not.toContain("should-never-come-back");

    const updated = await clerk.jwtTemplates.update(created.id, { name: "hasura-v2", claims: { a: 1 } });
    expect(updated).toMatchObject({ id: created.id, name: "hasura-v2", claims: { a: 1 } });
    expect(lastRequest()).toMatchObject({ method: "PATCH", path: `/jwt_templates/${created.id}` });
    expect(await clerk.jwtTemplates.get(created.id)).toEqual(updated);
    expect((await clerk.jwtTemplates.list()).map((t) => t.name)).toContain("hasura-v2");

    await clerk.jwtTemplates.delete(created.id);
    expect(isNotFound(await clerk.jwtTemplates.get(created.id).catch((e: unknown) => e))).toBe(true);
  });

  it("surfaces Clerk's validation error for a bad body", async () => {
    const err = (await clerk.jwtTemplates
      .create({ name: "bad", claims: {}, lifetime: 5 })
      .catch((e: unknown) => e)) as ClerkApiError;
    expect(err).toBeInstanceOf(ClerkApiError);
    expect([400, 422]).toContain(err.status);
    expect(err.errors[0]?.code).toBeTruthy();
  });
});

describe("authentication", () => {
  it("a wrong key is a 401 ClerkApiError whose message does not contain the key", async () => {
    const stranger = await startEmulator({ port: 0, secretKeys: ["sk_test_theRightOne"] });
    try {
      const client = createClerkClient({
        secretKey: "sk_test_theWrongOne",
        apiUrl: stranger.url,
        retry: false,
      });
      const err = (await client.redirectUrls.list().catch((e: unknown) => e)) as ClerkApiError;
      expect(err.status).toBe(401);
      expect(err.message).not.toContain("theWrongOne");
    } finally {
      await stranger.close();
    }
  });
});
