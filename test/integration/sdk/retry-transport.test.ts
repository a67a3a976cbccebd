import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  ClerkApiError,
  ClerkNetworkError,
  ClerkResponseValidationError,
  createClerkClient,
} from "../../../sdk";
import { oauthApplicationWithSecret } from "../../support/clerk-objects";

// A throwaway HTTP server whose answers each test scripts, to observe the client's retry decisions.

const KEY = "sk_test_integrationSECRET123";
type Handler = (req: IncomingMessage, res: ServerResponse, body: string, n: number) => void;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

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
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, at: Date.now() });
      handler(req, res, body, seen.length);
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const redirect = {
  object: "redirect_url",
  id: "ru_1",
  url: "https://a.example",
  created_at: 1,
  updated_at: 1,
};
const clerkError = (code: string) => ({
  errors: [{ code, message: code, long_message: `${code} happened` }],
  clerk_trace_id: "trace-1",
});
const fastRetry = { minDelayMs: 10, maxDelayMs: 50, jitter: 0 };

describe("client against a scripted server", () => {
  it("sends the key, version header and user agent", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 200, redirect));
    const client = createClerkClient({ secretKey: KEY, apiUrl: url });
    await client.redirectUrls.get("ru_1");
    expect(seen[0]?.url).toBe("/v1/redirect_urls/ru_1");
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(seen[0]?.headers["clerk-api-version"]).toBe("2026-05-12");
    expect(seen[0]?.headers["user-agent"]).toBe("pulumi-clerk/0.1.0");
  });

  it("waits for Retry-After on a 429, then succeeds (POST included)", async () => {
    const { url, seen } = await serve((_q, res, _b, n) =>
      n === 1
        ? json(res, 429, clerkError("too_many_requests"), { "retry-after": "1" })
        : json(res, 200, redirect),
    );
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    const created = await client.redirectUrls.create({ url: "https://a.example" });
    expect(created.id).toBe("ru_1");
    expect(seen).toHaveLength(2);
    // Backoff alone would wait ~10 ms; Retry-After says a full second.
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("retries a 503 and returns the eventual answer", async () => {
    const { url, seen } = await serve((_q, res, _b, n) =>
      n < 3 ? json(res, 503, clerkError("unavailable")) : json(res, 200, [redirect]),
    );
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    expect(await client.redirectUrls.list()).toEqual([redirect]);
    expect(seen).toHaveLength(3);
  });

  it("gives up after the configured retries with the last ClerkApiError", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 500, clerkError("internal")));
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: { ...fastRetry, retries: 2 } });
    const err = await client.jwtTemplates.get("jt_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClerkApiError);
    expect((err as ClerkApiError).status).toBe(500);
    expect(seen).toHaveLength(3);
  });

  it("does not retry a 400 and maps the ClerkErrors body", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 400, clerkError("form_param_missing")));
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    const err = (await client.allowlistIdentifiers
      .create({ identifier: "" })
      .catch((e: unknown) => e)) as ClerkApiError;
    expect(err).toBeInstanceOf(ClerkApiError);
    expect(err.code).toBe("form_param_missing");
    expect(err.clerkTraceId).toBe("trace-1");
    expect(err.message).toBe(
      "Clerk API 400 POST /allowlist_identifiers: form_param_missing: form_param_missing happened (trace trace-1)",
    );
    expect(seen).toHaveLength(1);
  });

  it("does not resend a POST whose connection dropped after it was sent", async () => {
    const { url, seen } = await serve((req) => req.socket.destroy());
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    const err = (await client.oauthApplications
      .create({ name: "x" })
      .catch((e: unknown) => e)) as ClerkNetworkError;
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect(err.mayHaveReachedServer).toBe(true);
    expect(err.kind).toBe("reset");
    expect(seen).toHaveLength(1);
  });

  it("resends a GET whose connection dropped", async () => {
    const { url, seen } = await serve((req, res, _b, n) =>
      n === 1 ? req.socket.destroy() : json(res, 200, { data: [], total_count: 0 }),
    );
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    expect(await client.domains.list()).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it("retries a refused connection, even for POST, and reports it as not sent", async () => {
    const { url } = await serve(() => {});
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: { ...fastRetry, retries: 2 } });
    const started = Date.now();
    const err = (await client.redirectUrls
      .create({ url: "https://x" })
      .catch((e: unknown) => e)) as ClerkNetworkError;
    expect(err).toBeInstanceOf(ClerkNetworkError);
    expect(err.kind).toBe("refused");
    expect(err.mayHaveReachedServer).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25); // two backoff waits happened
  });

  it("times out a slow answer and does not resend a POST", async () => {
    const { url, seen } = await serve((_q, res) => setTimeout(() => json(res, 200, redirect), 500));
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry, timeoutMs: 100 });
    const err = (await client.redirectUrls
      .create({ url: "https://x" })
      .catch((e: unknown) => e)) as ClerkNetworkError;
    expect(err.kind).toBe("timeout");
    expect(err.message).toContain("no answer within 100 ms");
    expect(seen).toHaveLength(1);
  });

  it("per-call retry: false sends exactly one attempt", async () => {
    const { url, seen } = await serve((_q, res) => json(res, 503, clerkError("unavailable")));
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry });
    await expect(client.instanceProtect.get({ retry: false })).rejects.toBeInstanceOf(ClerkApiError);
    expect(seen).toHaveLength(1);
  });

  it("resends an idempotent POST after a drop, and logs it all without the key or secrets", async () => {
    const app = oauthApplicationWithSecret({ name: "x", client_secret: "super-secret-client-value" });
    // The first attempt's connection drops: only `idempotent: true` lets this POST be sent again.
    const { url, seen } = await serve((req, res, _b, n) =>
      n === 1 ? req.socket.destroy() : json(res, 200, app),
    );
    const lines: string[] = [];
    const push = (m: string, d?: Record<string, unknown>) => lines.push(`${m} ${JSON.stringify(d ?? {})}`);
    const logger = { debug: push, info: push };
    const client = createClerkClient({ secretKey: KEY, apiUrl: url, retry: fastRetry, logger });
    const created = await client.oauthApplications.create({ name: "x" }, { idempotent: true });
    expect(created.client_secret).toBe("super-secret-client-value");
    expect(seen).toHaveLength(2);
    const log = lines.join("\n");
    expect(log).toContain("POST /oauth_applications");
    expect(log).toContain("Bearer [REDACTED]");
    expect(log).toContain("retry 1 of");
    expect(log).not.toContain("integrationSECRET123");
    expect(log).not.toContain("super-secret-client-value");
  });

  it("rejects a 2xx body that does not match, naming the field; 'warn' passes it on", async () => {
    const { url } = await serve((_q, res) => json(res, 200, { ...redirect, url: 42 }));
    const strict = createClerkClient({ secretKey: KEY, apiUrl: url });
    const err = (await strict.redirectUrls
      .get("ru_1")
      .catch((e: unknown) => e)) as ClerkResponseValidationError;
    expect(err).toBeInstanceOf(ClerkResponseValidationError);
    expect(err.fieldPath).toBe("url");
    const warnings: string[] = [];
    const lenient = createClerkClient({
      secretKey: KEY,
      apiUrl: url,
      responseValidation: "warn",
      logger: { warn: (m) => warnings.push(m) },
    });
    expect((await lenient.redirectUrls.get("ru_1")).url).toBe(42);
    expect(warnings[0]).toContain("at url");
  });

  it("accepts a 204 from PATCH /instance and escapes ids in paths", async () => {
    const { url, seen } = await serve((_q, res) => {
      res.writeHead(204);
      res.end();
    });
    const client = createClerkClient({ secretKey: KEY, apiUrl: `${url}/` });
    await expect(client.instance.update({ hibp: true })).resolves.toBeUndefined();
    expect(JSON.parse(seen[0]!.body)).toEqual({ hibp: true });
    expect(seen[0]?.url).toBe("/v1/instance");
    await client.jwtTemplates.delete("a/b?c").catch(() => {});
    expect(seen[1]?.url).toBe("/v1/jwt_templates/a%2Fb%3Fc");
    await expect(client.jwtTemplates.delete("")).rejects.toThrow(/id is required/);
    expect(seen).toHaveLength(2);
  });
});
