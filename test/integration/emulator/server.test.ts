import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { onAnyExchange, type RequestLogEntry, type StoreSnapshot, startEmulator } from "../../../emulator";
import { api, KEY, type Reply, useEmulator } from "../../support/emulator";

const emulator = useEmulator({ secretKeys: [KEY] });

describe("auth and errors", () => {
  it("answers 401 authentication_invalid without a valid bearer key, with a trace id in body and header", async () => {
    const emu = emulator();
    for (const key of [null, "sk_test_someoneElse", "pk_test_publishable"]) {
      const r = await api(emu, "GET", "/jwt_templates", undefined, { key });
      expect(r.status).toBe(401);
      expect(r.body.errors[0]).toMatchObject({ code: "authentication_invalid" });
      expect(r.body.clerk_trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(r.headers.get("x-clerk-trace-id")).toBe(r.body.clerk_trace_id);
    }
    const any = await startEmulator();
    try {
      expect((await api(any, "GET", "/jwt_templates", undefined, { key: "sk_live_whatever" })).status).toBe(
        200,
      );
    } finally {
      await any.close();
    }
  });

  it("answers unknown routes 404 and wrong methods 405, both as ClerkErrors", async () => {
    const emu = emulator();
    const missing = await api(emu, "GET", "/no_such_thing");
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].code).toBe("resource_not_found");
    const outside = await fetch(`${emu.origin}/v2/jwt_templates`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(outside.status).toBe(404);
    const wrong = await api(emu, "PUT", "/jwt_templates");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect(wrong.body.errors[0].code).toBe("method_not_allowed");
  });
});

describe("request log", () => {
  it("records method, path without /v1, route template, bodies, status; redacts the key", async () => {
    const emu = emulator();
    emu.clearRequests();
    const seen: RequestLogEntry[] = [];
    const off = onAnyExchange((e) => seen.push(e));
    const local: RequestLogEntry[] = [];
    const offLocal = emu.onExchange((e) => local.push(e));
    const c = await api(emu, "POST", "/redirect_urls", { url: "https://log.example.com" });
    await api(emu, "GET", `/redirect_urls/${c.body.id}`);
    await api(emu, "GET", "/redirect_urls?paginated=true&limit=5");
    off();
    offLocal();
    const log = emu.requests();
    expect(log).toHaveLength(3);
    expect(log[2]?.query).toEqual({ paginated: "true", limit: "5" });
    expect(log[0]).toMatchObject({
      method: "POST",
      path: "/redirect_urls",
      route: "/redirect_urls",
      query: {},
      status: 200,
      requestBody: { url: "https://log.example.com" },
      responseBody: c.body,
    });
    expect(log[1]?.route).toBe("/redirect_urls/{id}");
    expect(log[0]?.requestHeaders.authorization).toBe("Bearer sk_test_***");
    expect(seen.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
    expect(local).toHaveLength(3);
    emu.clearRequests();
    expect(emu.requests()).toEqual([]);
  });

  it("serves the log, state, reset and config over /__emulator admin routes", async () => {
    const emu = emulator();
    await api(emu, "POST", "/blocklist_identifiers", { identifier: "admin@example.com" });
    const reqs = (await (await fetch(`${emu.origin}/__emulator/requests`)).json()) as RequestLogEntry[];
    expect(reqs.at(-1)).toMatchObject({ method: "POST", path: "/blocklist_identifiers" });
    const state = (await (await fetch(`${emu.origin}/__emulator/state`)).json()) as StoreSnapshot;
    expect(state.blocklistIdentifiers.map((b: { identifier: string }) => b.identifier)).toContain(
      "admin@example.com",
    );
    const cfg = await fetch(`${emu.origin}/__emulator/config`, {
      method: "PUT",
      body: JSON.stringify({ latency: { minMs: 1, maxMs: 2 } }),
    });
    expect(((await cfg.json()) as { latency: unknown }).latency).toEqual({ minMs: 1, maxMs: 2 });
    await fetch(`${emu.origin}/__emulator/config`, {
      method: "PUT",
      body: JSON.stringify({ latency: null }),
    });
    expect((await fetch(`${emu.origin}/__emulator/requests`, { method: "DELETE" })).status).toBe(204);
    expect(emu.requests()).toEqual([]);
    expect((await fetch(`${emu.origin}/__emulator/reset`, { method: "POST" })).status).toBe(204);
    expect(emu.store.blocklistIdentifiers.size).toBe(0);
    expect(emu.store.domains.size).toBe(1);
    const bad = await fetch(`${emu.origin}/__emulator/config`, {
      method: "PUT",
      body: '{"rateLimit":{"requests":0}}',
    });
    expect(bad.status).toBe(422);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the limit, and lets requests through after the window", async () => {
    const emu = await startEmulator({ rateLimit: { requests: 3, windowMs: 1500 } });
    try {
      const statuses: number[] = [];
      let last: Reply | undefined;
      for (let i = 0; i < 5; i++) {
        last = await api(emu, "GET", "/jwt_templates");
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(last?.body.errors[0].code).toBe("too_many_requests");
      const retryAfter = Number(last?.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 1600));
      expect((await api(emu, "GET", "/jwt_templates")).status).toBe(200);
      emu.configure({ rateLimit: null });
      for (let i = 0; i < 5; i++) expect((await api(emu, "GET", "/jwt_templates")).status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});

describe("faults", () => {
  async function run(seed: number): Promise<string[]> {
    const emu = await startEmulator({ faults: { seed, rate429: 0.2, rate5xx: 0.2, rateDrop: 0.1 } });
    const out: string[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        try {
          const r = await api(emu, "GET", "/jwt_templates");
          out.push(String(r.status));
        } catch {
          out.push("drop");
        }
      }
    } finally {
      await emu.close();
    }
    return out;
  }

  it("are the same for the same seed, different for another, and cover every kind", async () => {
    const a = await run(42);
    const b = await run(42);
    const c = await run(7);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(
      new Set(["200", "429", "500", "502", "503", "drop"].filter((s) => a.includes(s))),
    );
    expect(a).toContain("429");
    expect(a).toContain("drop");
    expect(a.some((s) => s.startsWith("5"))).toBe(true);
  });

  it("dropAfterCommit performs the write, then drops the connection without an answer", async () => {
    const emu = await startEmulator({ faults: { seed: 1, dropAfterCommit: 1 } });
    try {
      await expect(
        api(emu, "POST", "/allowlist_identifiers", { identifier: "ambiguous@example.com" }),
      ).rejects.toThrow();
      expect(emu.store.allowlistIdentifiers.list().map((a) => a.identifier)).toEqual([
        "ambiguous@example.com",
      ]);
      expect(emu.requests()[0]).toMatchObject({ fault: "dropAfterCommit", status: 200 });
      // Reads are never dropped after commit.
      expect((await api(emu, "GET", "/allowlist_identifiers")).status).toBe(200);
      emu.configure({ faults: null });
      const retry = await api(emu, "POST", "/allowlist_identifiers", { identifier: "ambiguous@example.com" });
      expect(retry.body.errors[0].code).toBe("form_identifier_exists");
    } finally {
      await emu.close();
    }
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "clerk-emulator-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the state file on every change and loads it after a restart", async () => {
    const file = join(dir, "state.json");
    const first = await startEmulator({ stateFile: file });
    const c = await api(first, "POST", "/jwt_templates", {
      name: "persisted",
      claims: { a: 1 },
      custom_signing_key: true,
      signing_algorithm: "HS256",
      signing_key: "k",
    });
    await api(first, "PATCH", "/instance", { support_email: "ops@example.com" });
    expect(JSON.parse(readFileSync(file, "utf8")).jwtTemplates[0].id).toBe(c.body.id);
    await first.close();

    const second = await startEmulator({ stateFile: file });
    try {
      expect((await api(second, "GET", `/jwt_templates/${c.body.id}`)).body).toEqual(c.body);
      expect(second.store.jwtTemplates.get(c.body.id)?.signing_key).toBe("k");
      expect(second.store.instance.get().support_email).toBe("ops@example.com");
      expect(second.store.instanceId).toBe(first.store.instanceId);
    } finally {
      await second.close();
    }
  });
});
