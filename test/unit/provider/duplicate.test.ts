import { describe, expect, it } from "vitest";
import { redirectUrlDefinition } from "../../../provider/resources/redirect-url";
import type { OperationContext } from "../../../provider/runtime/definition";
import { conflictError, isDuplicate } from "../../../provider/runtime/failures";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ListCache } from "../../../provider/runtime/list-cache";
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

describe("create refused as a duplicate", () => {
  const live = { object: "redirect_url", id: "ru_1", url: "myapp://cb", created_at: 1, updated_at: 1 };
  /** A redirect-URL client whose creates fail (or answer) in turn, and whose listings answer in turn. */
  const handlers = (creates: (Error | undefined)[], listings: unknown[][]) => {
    const calls = { create: 0, list: 0 };
    const client = {
      redirectUrls: {
        create: async () => {
          const failure = creates[calls.create++];
          if (failure) throw failure;
          return live;
        },
        list: async () => listings[Math.min(calls.list++, listings.length - 1)],
      },
    };
    const ctx = { client, lists: new ListCache(), type: "RedirectUrl" } as unknown as OperationContext;
    return { p: makeHandlers(redirectUrlDefinition, () => ctx), calls };
  };
  const duplicate = () => apiError(422, "form_identifier_exists");

  it("on the first create: fails with the existing id, takes nothing over", async () => {
    const { p, calls } = handlers([duplicate()], [[live]]);
    await expect(p.create({ url: "myapp://cb" })).rejects.toThrow(
      /^create RedirectUrl failed: Clerk API 422 .*form_identifier_exists.*importId: "ru_1"/,
    );
    expect(calls).toEqual({ create: 1, list: 1 });
  });

  it("after a lost create answer the lookup missed: adopts the object the lost create made", async () => {
    const lost = new ClerkNetworkError({
      kind: "reset",
      mayHaveReachedServer: true,
      method: "POST",
      path: "/x",
    });
    const { p, calls } = handlers([lost, duplicate()], [[], [live]]);
    expect((await p.create({ url: "myapp://cb" })).id).toBe("ru_1");
    expect(calls).toEqual({ create: 2, list: 2 });
  });
});
