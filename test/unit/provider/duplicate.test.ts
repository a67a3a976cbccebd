import { describe, expect, it } from "vitest";
import { conflictError, isDuplicate } from "../../../provider/runtime/failures";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk/errors";

const apiError = (status: number, code: string) =>
  new ClerkApiError({
    status,
    method: "POST",
    path: "/redirect_urls",
    headers: {},
    rawBody: JSON.stringify({ errors: [{ code, message: "m", long_message: "lm" }], clerk_trace_id: "t-1" }),
  });

describe("isDuplicate: Clerk refused a create because the object exists", () => {
  it.each([
    [422, "form_identifier_exists", true],
    [422, "duplicate_record", true],
    [409, "duplicate_record", true],
    [409, "conflict", true],
    [422, "form_param_format_invalid", false],
    [400, "form_identifier_exists", false],
    [500, "internal_clerk_error", false],
  ] as const)("%i %s: %s", (status, code, expected) => {
    expect(isDuplicate(apiError(status, code))).toBe(expected);
  });

  it("a network failure is not a duplicate", () => {
    const e = new ClerkNetworkError({
      kind: "reset",
      mayHaveReachedServer: true,
      method: "POST",
      path: "/x",
    });
    expect(isDuplicate(e)).toBe(false);
  });
});

describe("conflictError", () => {
  it("keeps Clerk's code, message and trace id, and adds the existing id and the adoption line", () => {
    const e = conflictError(apiError(422, "form_identifier_exists"), "RedirectUrl", "ru_123");
    expect(e.message).toContain("Clerk API 422 POST /redirect_urls: form_identifier_exists: lm (trace t-1)");
    expect(e.message).toContain('already exists in Clerk as "ru_123"');
    expect(e.message).toContain('importId: "ru_123"');
    expect(e.name).toBe("ClerkApiError");
  });
});
