import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ClerkApiError, createPlatformClient } from "../../../sdk";

// The Platform API client against a scripted server: what goes on the wire (paths, repeated `keys`,
// flags, If-Match, no version in the body) and how answers and errors come back.

const KEY = "ak_platformSECRET0123456789";
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: Handler) {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const writeAnswer = {
  config_version: "v1_0000abcd",
  dry_run: false,
  before: { session: null },
  after: { session: { lifetime: 120 } },
};

describe("Platform API client", () => {
  it("refuses to start without a key, saying what kind of key is needed", () => {
    expect(() => createPlatformClient({ apiKey: "" })).toThrow(/Platform API key.*ak_/);
  });

  it("GET config sends the bearer key, repeated keys and no API version header", async () => {
    const { url, seen } = await serve((_q, res) =>
      json(res, 200, { config_version: "v1_12345678", auth_email: { used_for_sign_in: true } }),
    );
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    const doc = await client.config.get("app_1", "development", { keys: ["auth_email", "session"] });
    expect(doc.config_version).toBe("v1_12345678");
    expect(doc.auth_email).toEqual({ used_for_sign_in: true });
    expect(seen[0]!.method).toBe("GET");
    expect(seen[0]!.url).toBe(
      "/v1/platform/applications/app_1/instances/development/config?keys=auth_email&keys=session",
    );
    expect(seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers["clerk-api-version"]).toBeUndefined();
  });

  it("escapes path segments and sends no keys parameter when none is asked", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 200, { config_version: "v1_12345678" }));
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    await client.config.get("app/../x", "ins_1", { keys: [] });
    expect(seen[0]!.url).toBe("/v1/platform/applications/app%2F..%2Fx/instances/ins_1/config");
    expect(() => client.config.get("app_1", "")).toThrow(/an id is required/);
  });

  it("PATCH sends dry_run, destructive, keys and If-Match, and strips config_version from the body", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 200, { ...writeAnswer, dry_run: true }));
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    const out = await client.config.patch(
      "app_1",
      "production",
      { config_version: "v1_deadbeef", session: { lifetime: 120 } },
      { dryRun: true, destructive: true, keys: ["session"], ifMatch: "v1_deadbeef" },
    );
    expect(out).toEqual({ ...writeAnswer, dry_run: true });
    const req = seen[0]!;
    expect(req.method).toBe("PATCH");
    const u = new URL(req.url, "http://x");
    expect(u.pathname).toBe("/v1/platform/applications/app_1/instances/production/config");
    expect(u.searchParams.get("dry_run")).toBe("true");
    expect(u.searchParams.get("destructive")).toBe("true");
    expect(u.searchParams.getAll("keys")).toEqual(["session"]);
    expect(req.headers["if-match"]).toBe("v1_deadbeef");
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(req.body)).toEqual({ session: { lifetime: 120 } });
  });

  it("PUT sends no flags it was not given", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 200, writeAnswer));
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    await client.config.put("app_1", "development", { session: null });
    expect(seen[0]!.method).toBe("PUT");
    expect(seen[0]!.url).toBe("/v1/platform/applications/app_1/instances/development/config");
    expect(seen[0]!.headers["if-match"]).toBeUndefined();
    expect(JSON.parse(seen[0]!.body)).toEqual({ session: null });
  });

  it("config.schema and applications read with their parameters", async () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://clerk.com/schemas/platform-config/2025-01-01",
      type: "object",
      properties: { session: { type: ["object", "null"] } },
    };
    const apps = [
      {
        application_id: "app_1",
        name: "A",
        instances: [
          { instance_id: "ins_d", environment_type: "development", publishable_key: "pk_test_x" },
          { instance_id: "ins_p", environment_type: "staging", publishable_key: "pk_live_x", extra: 1 },
        ],
        logo_url: "https://img.example/x.png",
      },
    ];
    const { url, seen } = await serve((req, res) =>
      req.url!.includes("/config/schema")
        ? json(res, 200, schema)
        : req.url!.startsWith("/v1/platform/applications?") || req.url === "/v1/platform/applications"
          ? json(res, 200, apps)
          : json(res, 200, apps[0]),
    );
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    expect(await client.config.schema("app_1", "development", { keys: ["session"] })).toEqual(schema);
    expect(seen[0]!.url).toBe(
      "/v1/platform/applications/app_1/instances/development/config/schema?keys=session",
    );
    // Tolerant: unknown fields are kept, an unknown environment type is not an error.
    expect(await client.applications.list()).toEqual(apps);
    expect(seen[1]!.url).toBe("/v1/platform/applications");
    await client.applications.get("app_1", { includeSecretKeys: true });
    expect(seen[2]!.url).toBe("/v1/platform/applications/app_1?include_secret_keys=true");
  });

  it("keeps unknown keys and fields of the document", async () => {
    const doc = {
      config_version: "v1_12345678",
      brand_new_key: { deep: [1, { x: null }] },
      auth_email: { future: 1 },
    };
    const { url } = await serve((_q, res) => json(res, 200, doc));
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    expect(await client.config.get("app_1", "development")).toEqual(doc);
  });

  it("a malformed answer (no config_version) is a validation error, not silently accepted", async () => {
    const { url } = await serve((_q, res) => json(res, 200, { auth_email: {} }));
    const client = createPlatformClient({ apiKey: KEY, apiUrl: url });
    await expect(client.config.get("app_1", "development")).rejects.toThrow(/config_version/);
  });

  it("errors keep Clerk's code, meta and trace id, and never show the key", async () => {
    const { url } = await serve((_q, res) =>
      json(res, 422, {
        errors: [
          {
            code: "config_validation_error",
            message: "invalid",
            long_message: `session.lifetime must be at least 30 (key ${KEY})`,
            meta: { param_name: "session.lifetime", config_key: "session" },
          },
        ],
        clerk_trace_id: "trace-42",
      }),
    );
    const debug: string[] = [];
    const client = createPlatformClient({
      apiKey: KEY,
      apiUrl: url,
      logger: { debug: (m, d) => debug.push(m, JSON.stringify(d)) },
    });
    const e = await client.config.patch("app_1", "development", { session: { lifetime: 1 } }).catch((x) => x);
    expect(e).toBeInstanceOf(ClerkApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe("config_validation_error");
    expect(e.errors[0].meta).toEqual({ param_name: "session.lifetime", config_key: "session" });
    expect(e.clerkTraceId).toBe("trace-42");
    expect(e.message).toContain("session.lifetime");
    expect(e.message).not.toContain(KEY);
    expect(e.message).toContain("ak_[REDACTED]");
    expect(debug.join("\n")).not.toContain(KEY);
    expect(debug.length).toBeGreaterThan(0);
  });

  it("a conditional write is not repeated after a 5xx; an unconditional one is", async () => {
    let n = 0;
    const { url, seen } = await serve((_q, res) =>
      ++n === 1 ? json(res, 502, {}) : json(res, 200, writeAnswer),
    );
    const client = createPlatformClient({
      apiKey: KEY,
      apiUrl: url,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    await expect(
      client.config.patch("app_1", "development", { session: null }, { ifMatch: "v1_00000000" }),
    ).rejects.toMatchObject({ status: 502 });
    expect(seen).toHaveLength(1);
    n = 0;
    await client.config.patch("app_1", "development", { session: null });
    expect(seen).toHaveLength(3);
  });
});
