import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// A program that moves a unique key (a template name, an allow-list identifier) from one of its resources
// to another in one change. The engine runs the new holder's create beside the old holder's update or
// replacement, in no order; found by test/e2e/generated-programs.test.ts, where every such up failed.
const KEY = "sk_test_e2e_moved_keys_0123456789";

type Decl = { type: string; name: string; args: Record<string, unknown> };
const jwt = (name: string, templateName: string): Decl => ({
  type: "JwtTemplate",
  name,
  args: { name: templateName, claims: { role: name } },
});
const allow = (name: string, identifier: string): Decl => ({
  type: "AllowlistIdentifier",
  name,
  args: { identifier },
});

let emu: Emulator;
let stack: TestStack;
beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "moved-keys",
    secretKey: KEY,
    params: {
      resources: [jwt("a", "shared"), allow("x", "moved@example.com"), allow("gone", "removed@example.com")],
    },
  }));
  await stack.up();
});
afterAll(() => closeClerkStack(stack, emu));

const templates = () =>
  emu.store.jwtTemplates
    .list()
    .map((t) => t.name)
    .sort();
const identifiers = () =>
  emu.store.allowlistIdentifiers
    .list()
    .map((a) => a.identifier)
    .sort();
const trackedIds = async () => new Set((await stack.exportState()).resources.map((r) => r.id));

describe("moving a unique key between resources of one program", () => {
  it("from a resource updated or replaced in the same up: one up, every object tracked once", async () => {
    const up = await stack.up({
      params: {
        resources: [
          jwt("a", "renamed"), // in place
          jwt("b", "shared"),
          allow("x", "other@example.com"), // replaced, deleting the old identifier first
          allow("y", "moved@example.com"),
          allow("gone", "removed@example.com"),
        ],
      },
    });
    expect(up.summary).toMatchObject({ create: 2, update: 1, replace: 1 });
    expect(templates()).toEqual(["renamed", "shared"]);
    expect(identifiers()).toEqual(["moved@example.com", "other@example.com", "removed@example.com"]);
    const tracked = await trackedIds();
    for (const o of [...emu.store.jwtTemplates.list(), ...emu.store.allowlistIdentifiers.list()])
      expect(tracked.has(o.id), o.id).toBe(true);
    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("from a resource the program removes: fails saying how to finish; destroy --target, then up, does", async () => {
    const resources = [
      jwt("a", "renamed"),
      jwt("b", "shared"),
      allow("x", "other@example.com"),
      allow("y", "moved@example.com"),
      allow("heir", "removed@example.com"),
    ];
    const first = await stack.attempt("up", { params: { resources } });
    expect(first.ok).toBe(false);
    const message = first.ok ? "" : first.message;
    expect(message).toContain("form_identifier_exists");
    expect(message).toContain("`pulumi destroy --target <its URN>`");
    // Nothing was deleted: the engine deletes removed objects after every create, and not after a failure.
    expect(identifiers()).toContain("removed@example.com");

    const gone = (await stack.exportState()).resources.find((r) => r.urn.endsWith("::gone"));
    await stack.destroy({ options: { target: [gone?.urn] } });
    const last = await stack.up();
    expect(last.summary).toMatchObject({ delete: 0, update: 0, replace: 0 });
    expect(identifiers()).toEqual(["moved@example.com", "other@example.com", "removed@example.com"]);
    const heir = (await stack.exportState()).resources.find((r) => r.urn.endsWith("::heir"));
    expect(emu.store.allowlistIdentifiers.get(String(heir?.id))?.identifier).toBe("removed@example.com");
  });
});
