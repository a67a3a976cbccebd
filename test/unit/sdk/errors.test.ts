import { describe, expect, it } from "vitest";
import {
  ClerkApiError,
  ClerkNetworkError,
  ClerkResponseValidationError,
  isNotFound,
} from "../../../sdk/errors";
import { JwtTemplateListSchema } from "../../../sdk/schemas";

const apiError = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new ClerkApiError({
    status,
    method: "POST",
    path: "/allowlist_identifiers",
    headers,
    rawBody: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("ClerkApiError", () => {
  it("reads as one line: status, method, path, code, message, trace id", () => {
    const e = apiError(422, {
      errors: [
        {
          code: "form_identifier_exists",
          message: "already exists",
          long_message: "That identifier already exists",
          meta: { param_name: "identifier" },
        },
      ],
      clerk_trace_id: "9f2c41",
    });
    expect(e.message).toBe(
      "Clerk API 422 POST /allowlist_identifiers: form_identifier_exists: That identifier already exists (trace 9f2c41)",
    );
    expect(e.message).not.toContain("\n");
    expect(e.status).toBe(422);
    expect(e.code).toBe("form_identifier_exists");
    expect(e.errors[0]?.meta).toEqual({ param_name: "identifier" });
    expect(e.clerkTraceId).toBe("9f2c41");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ClerkApiError");
  });

  it("joins several errors and falls back to message when long_message is empty", () => {
    const e = apiError(400, {
      errors: [
        { code: "a", message: "first", long_message: "" },
        { code: "b", message: "second", long_message: "Second, long" },
      ],
    });
    expect(e.message).toBe("Clerk API 400 POST /allowlist_identifiers: a: first; b: Second, long");
  });

  it("uses the cf-ray header when the body has no trace id", () => {
    const e = apiError(
      500,
      { errors: [{ code: "x", message: "m", long_message: "m" }] },
      { "cf-ray": "abc-IAD" },
    );
    expect(e.clerkTraceId).toBe("abc-IAD");
    expect(e.message).toMatch(/\(trace abc-IAD\)$/);
  });

  it("takes Clerk's trace id from the Clerk-Trace-Id or x-clerk-trace-id header when the body has none", () => {
    const body = { errors: [{ code: "x", message: "m", long_message: "m" }] };
    const fromHeader = apiError(422, body, { "clerk-trace-id": "t-header", "cf-ray": "ray" });
    expect(fromHeader.clerkTraceId).toBe("t-header");
    expect(fromHeader.message).toMatch(/\(trace t-header\)$/);
    expect(apiError(422, body, { "x-clerk-trace-id": "t-x", "cf-ray": "ray" }).clerkTraceId).toBe("t-x");
    // A proxy's page has no body trace id: the header still identifies the request for Clerk support.
    expect(apiError(502, "<html>Bad gateway</html>", { "clerk-trace-id": "t-502" }).clerkTraceId).toBe(
      "t-502",
    );
    // The body's id wins when both are there.
    expect(
      apiError(422, { ...body, clerk_trace_id: "t-body" }, { "clerk-trace-id": "t-header" }).clerkTraceId,
    ).toBe("t-body");
  });

  it("copes with a non-JSON body (a proxy's HTML page) without losing the status", () => {
    const e = apiError(502, "<html>\n<body>Bad gateway</body>\n</html>");
    expect(e.errors).toEqual([]);
    expect(e.message).toBe(
      "Clerk API 502 POST /allowlist_identifiers: <html> <body>Bad gateway</body> </html>",
    );
    expect(apiError(503, "").message).toBe("Clerk API 503 POST /allowlist_identifiers: (empty body)");
  });

  it("keeps what it can from an error body missing long_message", () => {
    const e = apiError(400, { errors: [{ code: "bad_request", message: "Invalid thing" }] });
    expect(e.code).toBe("bad_request");
    expect(e.message).toContain("bad_request: Invalid thing");
  });

  it("never echoes a secret key found in the body", () => {
    const e = apiError(401, {
      errors: [{ code: "auth", message: "bad", long_message: "Key sk_live_ABCdef123 is invalid" }],
    });
    expect(e.message).not.toContain("ABCdef123");
    expect(e.message).toContain("sk_live_[REDACTED]");
  });
});

describe("isNotFound", () => {
  it("is true only for a 404 ClerkApiError", () => {
    expect(isNotFound(apiError(404, { errors: [] }))).toBe(true);
    expect(isNotFound(apiError(410, { errors: [] }))).toBe(false);
    expect(isNotFound(new Error("404"))).toBe(false);
    expect(isNotFound(undefined)).toBe(false);
  });
});

describe("ClerkNetworkError", () => {
  it("says whether the request may have reached Clerk", () => {
    const refused = new ClerkNetworkError({
      kind: "refused",
      mayHaveReachedServer: false,
      method: "POST",
      path: "/jwt_templates",
      causeCode: "ECONNREFUSED",
      apiUrl: "http://127.0.0.1:9/v1",
    });
    expect(refused.message).toBe(
      "Clerk API POST /jwt_templates at http://127.0.0.1:9/v1 failed: refused (ECONNREFUSED); nothing was sent to Clerk",
    );
    const reset = new ClerkNetworkError({
      kind: "reset",
      mayHaveReachedServer: true,
      method: "POST",
      path: "/x",
    });
    expect(reset.message).toContain("may have reached Clerk");
    expect(reset).not.toBeInstanceOf(ClerkApiError);
  });
});

describe("ClerkResponseValidationError", () => {
  it("names the field path that did not match", () => {
    const r = JwtTemplateListSchema.safeParse([{ object: "jwt_template", id: "j", name: "n", claims: {} }]);
    const e = new ClerkResponseValidationError({
      method: "GET",
      path: "/jwt_templates",
      status: 200,
      issues: r.error!.issues,
      body: [],
    });
    expect(e.fieldPath).toBe("[0].lifetime");
    expect(e.message).toMatch(
      /^Clerk API GET \/jwt_templates returned an unexpected body: at \[0\]\.lifetime: /,
    );
    expect(e.message).toMatch(/\(\+\d+ more\)$/);
  });
});
