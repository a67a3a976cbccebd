import { afterEach, describe, expect, it, vi } from "vitest";
import { machineDefinition } from "../../../provider/definitions/machine";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import type { OperationContext } from "../../../provider/runtime/definition";
import { conflictError, isDuplicate } from "../../../provider/runtime/failures";
import { makeHandlers, RELEASE_WAITS_MS } from "../../../provider/runtime/generic";
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

  afterEach(() => {
    vi.useRealTimers();
  });
  /** Runs a create with fake timers, so the waits for a key's release pass at once. */
  const settle = async <T>(pending: Promise<T>): Promise<PromiseSettledResult<T>> => {
    const outcome = Promise.allSettled([pending]);
    await vi.runAllTimersAsync();
    return (await outcome)[0] as PromiseSettledResult<T>;
  };

  it("on the first create, held for good: fails with the existing id, takes nothing over", async () => {
    vi.useFakeTimers();
    const { p, calls } = handlers([duplicate()], [[live]]);
    const outcome = await settle(p.create({ url: "myapp://cb" }));
    expect(outcome.status).toBe("rejected");
    expect(String((outcome as PromiseRejectedResult).reason.message)).toMatch(
      /^create RedirectUrl failed: Clerk API 422 .*form_identifier_exists.*importId: "ru_1"/,
    );
    // One lookup names the holder, one more per wait sees it still there; one create only.
    expect(calls).toEqual({ create: 1, list: 1 + RELEASE_WAITS_MS.length });
  });

  it("held by a resource of the same up that lets go of the key (a moved key): created once it is free", async () => {
    vi.useFakeTimers();
    // The holder is still there at the first look and the first wait, gone at the second.
    const { p, calls } = handlers([duplicate()], [[live], [live], []]);
    const outcome = await settle(p.create({ url: "myapp://cb" }));
    expect(outcome).toMatchObject({ status: "fulfilled", value: { id: "ru_1" } });
    expect(calls).toEqual({ create: 2, list: 3 });
  });

  it("refused, but nothing holds the key by the first look (the holder was deleted meanwhile): created", async () => {
    const { p, calls } = handlers([duplicate()], [[]]);
    expect((await p.create({ url: "myapp://cb" })).id).toBe("ru_1");
    expect(calls).toEqual({ create: 2, list: 1 });
  });

  const lost = () =>
    new ClerkNetworkError({ kind: "reset", mayHaveReachedServer: true, method: "POST", path: "/x" });

  it("answer lost, and the key is another stack resource's object (a moved key): never adopted, fails saying so", async () => {
    vi.useFakeTimers();
    const { p, calls } = handlers([lost()], [[live]]);
    // The engine diffed the resource holding ru_1 in this same up: ru_1 is the stack's.
    await p.diff("ru_1", { url: "myapp://cb" }, { url: "myapp://cb" });
    const outcome = await settle(p.create({ url: "myapp://cb" }));
    expect(outcome.status).toBe("rejected");
    const message = String((outcome as PromiseRejectedResult).reason.message);
    expect(message).toContain('held by RedirectUrl "ru_1", another resource of this stack');
    expect(message).toContain("`pulumi destroy --target <its URN>`");
    expect(calls).toEqual({ create: 1, list: 2 + RELEASE_WAITS_MS.length });
  });

  it("answer lost, and the engine diffs the key's holder only while the lookup runs: still never adopted", async () => {
    vi.useFakeTimers();
    const { p } = handlers([lost()], [[live]]);
    const pending = p.create({ url: "myapp://cb" });
    // The engine's parallel diff of the holder lands after the lookup found it.
    await vi.advanceTimersByTimeAsync(1);
    await p.diff("ru_1", { url: "myapp://cb" }, { url: "myapp://cb" });
    const outcome = await settle(pending);
    expect(outcome.status).toBe("rejected");
    expect(String((outcome as PromiseRejectedResult).reason.message)).toContain(
      "another resource of this stack",
    );
  });

  it("answer lost while another stack resource still held the key: created once the holder lets go", async () => {
    vi.useFakeTimers();
    const { p, calls } = handlers([lost()], [[live], [live], []]);
    await p.diff("ru_1", { url: "myapp://cb" }, { url: "myapp://cb" });
    const outcome = await settle(p.create({ url: "myapp://cb" }));
    expect(outcome).toMatchObject({ status: "fulfilled" });
    expect(calls).toEqual({ create: 2, list: 3 });
  });

  it("refused again after the key was seen free: fails at once, naming the new holder", async () => {
    vi.useFakeTimers();
    const { p, calls } = handlers([duplicate(), duplicate()], [[live], [], [live]]);
    const outcome = await settle(p.create({ url: "myapp://cb" }));
    expect(outcome.status).toBe("rejected");
    expect(String((outcome as PromiseRejectedResult).reason.message)).toContain('importId: "ru_1"');
    expect(calls).toEqual({ create: 2, list: 3 });
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

describe("a server error on the create of a type without a natural key (Machine)", () => {
  it("keeps Clerk's error, says Clerk may hold a stray object and what to do, and tries no lookup", async () => {
    let creates = 0;
    const client = {
      machines: {
        create: async () => {
          creates++;
          throw new ClerkApiError({
            status: 500,
            method: "POST",
            path: "/machines",
            headers: {},
            rawBody: JSON.stringify({
              errors: [{ code: "internal_clerk_error", message: "m", long_message: "boom" }],
              clerk_trace_id: "t-9",
            }),
          });
        },
      },
    };
    const ctx = { client, lists: new ListCache(), type: "Machine" } as unknown as OperationContext;
    const err = await makeHandlers(machineDefinition, () => ctx)
      .create({ name: "worker" })
      .catch((e: Error) => e);
    const message = String((err as Error).message);
    expect(message).toMatch(
      /^create Machine failed: Clerk API 500 POST \/machines: internal_clerk_error: boom/,
    );
    expect(message).toContain("trace t-9");
    expect(message).toContain("may hold a new Machine that Pulumi does not track");
    expect(creates).toBe(1);
  });
});
