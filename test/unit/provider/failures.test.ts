import { describe, expect, it } from "vitest";
import { describeFailure } from "../../../provider/runtime/failures";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk/errors";

// Every message the provider hands Pulumi goes through describeFailure: no Clerk key may survive it,
// whether the key came in a Clerk answer, a network error or an error from anywhere else.
describe("describeFailure", () => {
  const keys = ["sk_live_SECRET123", "sk_test_SECRET456", "rk_live_RESTRICTED789", "rk_test_RESTRICTED0"];

  it("keeps Clerk's code, message and trace id, and names the operation and resource", () => {
    const e = new ClerkApiError({
      status: 422,
      method: "POST",
      path: "/jwt_templates",
      headers: {},
      rawBody: JSON.stringify({
        errors: [{ code: "form_param_invalid", message: "bad", long_message: "lifetime is too short" }],
        clerk_trace_id: "tr_42",
      }),
    });
    const err = describeFailure(e, "creating", "JwtTemplate", undefined);
    expect(err.message).toBe(
      "creating JwtTemplate failed: Clerk API 422 POST /jwt_templates: form_param_invalid: lifetime is too short (trace tr_42)",
    );
  });

  for (const key of keys) {
    const secret = key.slice(8);
    it(`redacts ${key.slice(0, 7)}… keys from Clerk errors, network errors and any other error`, () => {
      const api = new ClerkApiError({
        status: 401,
        method: "GET",
        path: "/jwt_templates",
        headers: {},
        rawBody: JSON.stringify({
          errors: [{ code: "auth", message: "x", long_message: `key ${key} invalid` }],
        }),
      });
      const net = new ClerkNetworkError({
        kind: "reset",
        mayHaveReachedServer: true,
        method: "GET",
        path: "/jwt_templates",
        detail: `proxy said ${key}`,
      });
      const other = new Error(`something printed ${key}`);
      for (const e of [api, net, other]) {
        const err = describeFailure(e, "reading", "JwtTemplate", "jtmp_1");
        expect(err.message).not.toContain(secret);
        expect(err.message).toContain(`${key.slice(0, 8)}[REDACTED]`);
        expect(err.stack).not.toContain(secret);
      }
    });
  }

  it("a host that cannot be reached (DNS): names the URL, says nothing was sent, and what to check", () => {
    const dns = new ClerkNetworkError({
      kind: "dns",
      mayHaveReachedServer: false,
      method: "POST",
      path: "/redirect_urls",
      apiUrl: "https://api.clerk.example/v1",
      causeCode: "ENOTFOUND",
    });
    const err = describeFailure(dns, "create", "RedirectUrl", undefined);
    expect(err.message).toBe(
      "create RedirectUrl failed: Clerk API POST /redirect_urls at https://api.clerk.example/v1 failed: dns " +
        "(ENOTFOUND); nothing was sent to Clerk (Clerk could not be reached: check clerk:apiUrl or " +
        "CLERK_API_URL, and this machine's network and DNS; nothing was changed, so `pulumi up` can simply run again)",
    );
  });

  it("a timeout: says Clerk may have acted, and how to raise the timeout or check with a refresh", () => {
    const timeout = new ClerkNetworkError({
      kind: "timeout",
      mayHaveReachedServer: true,
      method: "PATCH",
      path: "/jwt_templates/jtmp_1",
      detail: "no answer within 300 ms",
    });
    const err = describeFailure(timeout, "update", "JwtTemplate", "jtmp_1");
    expect(err.message).toContain("may have reached Clerk");
    expect(err.message).toContain("raise clerk:requestTimeoutMs");
    expect(err.message).toContain("`pulumi refresh`");
    expect(err.message).not.toContain("nothing was sent");
  });
});
