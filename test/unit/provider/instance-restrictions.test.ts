import { describe, expect, it } from "vitest";
import { instanceRestrictionsDefinition } from "../../../provider/definitions/instance-restrictions";
import type { OperationContext } from "../../../provider/runtime/definition";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ClerkApiError } from "../../../sdk";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(instanceRestrictionsDefinition, noClient);
const state = {
  allowlist: false,
  blocklist: true,
  allowlistBlocklistDisabledOnSignIn: false,
  blockEmailSubaddresses: true,
  blockDisposableEmailDomains: false,
  __provider: "p",
};

/** A client whose restrictions PATCH answers with `answer` (or throws it). */
function withPatch(answer: () => unknown) {
  const bodies: unknown[] = [];
  const client = {
    instanceRestrictions: {
      update: async (body: unknown) => {
        bodies.push(body);
        return answer();
      },
    },
  };
  const handlers = makeHandlers(
    instanceRestrictionsDefinition,
    () => ({ client, type: "InstanceRestrictions" }) as unknown as OperationContext,
  );
  return { handlers, bodies };
}

const apiError = (status: number) =>
  new ClerkApiError({ status, method: "PATCH", path: "/instance/restrictions", headers: {}, rawBody: "" });

describe("InstanceRestrictions", () => {
  it("check: every field optional and boolean, unknown arguments named", async () => {
    expect(await h.check({}, { blocklist: true })).toEqual({ inputs: { blocklist: true } });
    const r = await h.check({}, { allowlist: 1, blockDisposable: true });
    expect(r.failures?.map((f) => f.property)).toEqual(["allowlist", "blockDisposable"]);
    expect(r.failures?.[0]?.reason).toBe("InstanceRestrictions.allowlist: must be a boolean");
  });

  it("diff: undeclared settings are Clerk's; a declared one that differs is an in-place change", async () => {
    expect((await h.diff("instance_restrictions", state, { blocklist: true })).changes).toBe(false);
    expect(await h.diff("instance_restrictions", state, { allowlist: true, blocklist: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("create sends only the declared fields and records all five", async () => {
    const live = {
      object: "instance_restrictions",
      allowlist: true,
      blocklist: true,
      allowlist_blocklist_disabled_on_sign_in: false,
      block_email_subaddresses: true,
      block_disposable_email_domains: false,
    };
    const { handlers, bodies } = withPatch(() => live);
    const r = await handlers.create({ allowlist: true });
    // The read first (an empty PATCH): what the stack found, for destroy.
    expect(bodies).toEqual([{}, { allowlist: true }]);
    expect(r.id).toBe("instance_restrictions");
    expect(r.outs).toEqual({
      __declared: ["allowlist"],
      __found: {},
      allowlist: true,
      blocklist: true,
      allowlistBlocklistDisabledOnSignIn: false,
      blockEmailSubaddresses: true,
      blockDisposableEmailDomains: false,
    });
  });

  it("destroy puts back, for each setting the stack changed, the value it found (issue 24, item 4)", async () => {
    let live: Record<string, unknown> = {
      object: "instance_restrictions",
      allowlist: false,
      blocklist: true,
      allowlist_blocklist_disabled_on_sign_in: false,
      block_email_subaddresses: false,
      block_disposable_email_domains: false,
    };
    const { handlers, bodies } = withPatch(() => live);
    const patch = (body: Record<string, unknown>) => {
      const wire: Record<string, string> = {
        allowlist: "allowlist",
        blockEmailSubaddresses: "block_email_subaddresses",
      };
      for (const [k, v] of Object.entries(body)) live = { ...live, [wire[k] ?? k]: v };
    };
    // The stack turns the allow-list on (blocklist declared as found: not a change).
    const created = await handlers.create({ allowlist: true, blocklist: true });
    patch({ allowlist: true });
    expect(created.outs?.__found).toEqual({ allowlist: false });
    // A later up changes another setting for the first time: its previous value joins.
    const updated = await handlers.update(
      "instance_restrictions",
      { ...(created.outs ?? {}), allowlist: true },
      { allowlist: true, blocklist: true, blockEmailSubaddresses: true },
    );
    expect(updated.outs?.__found).toEqual({ allowlist: false, blockEmailSubaddresses: false });
    bodies.length = 0;
    await handlers.delete("instance_restrictions", updated.outs ?? {});
    expect(bodies).toEqual([{ allowlist: false, block_email_subaddresses: false }]);
  });

  it("read is an empty PATCH; if Clerk refuses it (422), read carries the recorded values", async () => {
    const { handlers, bodies } = withPatch(() => {
      throw apiError(422);
    });
    const r = await handlers.read("instance_restrictions", state);
    expect(bodies).toEqual([{}]);
    expect(r.id).toBe("instance_restrictions");
    const { __provider: _p, ...recorded } = state;
    expect(r.inputs).toEqual(recorded);
  });

  it("read does not hide other failures (e.g. 402 not on plan)", async () => {
    const { handlers } = withPatch(() => {
      throw apiError(402);
    });
    await expect(handlers.read("instance_restrictions", state)).rejects.toThrow(
      /read InstanceRestrictions.*402/,
    );
  });
});
