import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// The lifecycle checklist under the real Pulumi engine, for RedirectUrl, AllowlistIdentifier,
// BlocklistIdentifier and JwtTemplate. One stack walks through the steps in order.
const KEY = "sk_test_e2e_part1_0123456789";
const SIGNING_KEY = "e2e-hs256-signing-secret-do-not-leak";

type Decl = { type: string; name: string; args: Record<string, unknown>; secretArgs?: string[] };

const declared = (
  over: { lifetime?: number; redirect?: string; allow?: string[] } = {},
): { resources: Decl[] } => ({
  resources: [
    { type: "RedirectUrl", name: "expo-callback", args: { url: over.redirect ?? "myapp://oauth-callback" } },
    ...(over.allow ?? ["ceo@example.com", "cto@example.com"]).map((identifier, i) => ({
      type: "AllowlistIdentifier",
      name: `allow-${i}`,
      args: { identifier },
    })),
    { type: "BlocklistIdentifier", name: "spammer", args: { identifier: "spam@example.net" } },
    {
      type: "JwtTemplate",
      name: "supabase",
      args: {
        name: "supabase",
        claims: { role: "authenticated", email: "{{user.primary_email_address}}" },
        lifetime: over.lifetime ?? 60,
        signingAlgorithm: "HS256",
        signingKey: SIGNING_KEY,
      },
      // Passed as a plain string on purpose: the resource itself keeps it encrypted in state.
    },
  ],
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({ name: "part1", secretKey: KEY, params: declared() }));
});

afterAll(() => closeClerkStack(stack, emu));

const live = () => ({
  redirects: emu.store.redirectUrls.list().map((r) => r.url),
  allow: emu.store.allowlistIdentifiers
    .list()
    .map((r) => r.identifier)
    .sort(),
  block: emu.store.blocklistIdentifiers.list().map((r) => r.identifier),
  jwts: emu.store.jwtTemplates.list().map((t) => ({ name: t.name, lifetime: t.lifetime })),
});

describe("RedirectUrl, AllowlistIdentifier, BlocklistIdentifier, JwtTemplate under the real engine", () => {
  it("1. up creates exactly the declared objects", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(6); // 5 resources + the stack
    expect(live()).toEqual({
      redirects: ["myapp://oauth-callback"],
      allow: ["ceo@example.com", "cto@example.com"],
      block: ["spam@example.net"],
      jwts: [{ name: "supabase", lifetime: 60 }],
    });
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("3. an updatable change updates in place; an immutable one replaces", async () => {
    const up = await stack.up({ params: declared({ lifetime: 120, redirect: "myapp://new-callback" }) });
    expect(up.summary).toMatchObject({ update: 1, replace: 1, create: 0, delete: 0 });
    expect(up.steps.filter((s) => s.name === "expo-callback").map((s) => s.op)).toContain("replace");
    expect(live().redirects).toEqual(["myapp://new-callback"]);
    expect(live().jwts).toEqual([{ name: "supabase", lifetime: 120 }]);
  });

  it("4. refresh reports edits and deletions made behind Pulumi's back; up restores the declared state", async () => {
    const jwt = emu.store.jwtTemplates.list()[0];
    const ceo = emu.store.allowlistIdentifiers.find((a) => a.identifier === "ceo@example.com");
    emu.store.jwtTemplates.update(jwt?.id ?? "", { lifetime: 3600 });
    emu.store.allowlistIdentifiers.delete(ceo?.id ?? "");

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1, delete: 1 });
    // State now records what Clerk holds: the edited lifetime, and no allow-0.
    const state = await stack.exportState();
    expect(state.resources.find((r) => r.urn.endsWith("::supabase"))?.outputs?.lifetime).toBe(3600);
    expect(state.resources.some((r) => r.urn.endsWith("::allow-0"))).toBe(false);

    const up = await stack.up();
    expect(up.summary).toMatchObject({ create: 1, update: 1, delete: 0, replace: 0 });
    expect(live().jwts).toEqual([{ name: "supabase", lifetime: 120 }]);
    expect(live().allow).toEqual(["ceo@example.com", "cto@example.com"]);

    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("6. the exported stack holds neither the Clerk key nor the signing key in plaintext", async () => {
    const state = await stack.exportState();
    expect(state.text).not.toContain(KEY);
    expect(state.text).not.toContain(SIGNING_KEY);
    const jwt = state.resources.find((r) => r.urn.endsWith("::supabase"));
    expect(jwt?.outputs?.signingKey).toMatchObject({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    });
    // The provider module stored per resource is small (see docs/architecture.md, "The serialization
    // boundary": at most 1 KB).
    for (const r of state.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/clerk:"))) {
      expect(String(r.outputs?.__provider).length).toBeLessThanOrEqual(1024);
    }
  });

  it.each([
    ["bad-url", { type: "RedirectUrl", args: { url: "" } }, /RedirectUrl\.url: must not be empty/],
    [
      "bad-email",
      { type: "AllowlistIdentifier", args: { identifier: "not-an-email@" } },
      /AllowlistIdentifier\.identifier: must be an email address/,
    ],
    [
      "bad-jwt",
      { type: "JwtTemplate", args: { name: "x", claims: {}, lifetime: 5 } },
      /JwtTemplate\.lifetime: must be at least 30/,
    ],
    [
      "bad-claims",
      { type: "JwtTemplate", args: { name: "x", claims: "role=admin" } },
      /JwtTemplate\.claims: must be an object/,
    ],
    [
      "bad-field",
      { type: "BlocklistIdentifier", args: { identifier: "a@example.com", notify: true } },
      /BlocklistIdentifier\.notify: is not a known argument/,
    ],
  ] as const)(
    "7. bad input (%s) fails at preview naming the resource and the field, with no request sent",
    async (name, decl, reason) => {
      emu.clearRequests();
      const good = declared({ lifetime: 120, redirect: "myapp://new-callback" });
      const outcome = await stack.attempt("preview", {
        params: { resources: [...good.resources, { ...decl, name }] },
      });
      expect(outcome.ok).toBe(false);
      const message = outcome.ok ? "" : outcome.message;
      expect(message).toContain(`resource '${name}'`);
      expect(message).toMatch(reason);
      expect(emu.requests()).toEqual([]);
      stack.params = good;
    },
  );

  it("5. destroy leaves none of the objects in Clerk", async () => {
    const destroy = await stack.destroy();
    const deleted = destroy.steps.filter(
      (s) => s.op === "delete" && s.type.startsWith("pulumi-nodejs:dynamic/clerk:"),
    );
    expect(deleted.map((s) => s.name).sort()).toEqual([
      "allow-0",
      "allow-1",
      "expo-callback",
      "spammer",
      "supabase",
    ]);
    expect(live()).toEqual({ redirects: [], allow: [], block: [], jwts: [] });
  });
});
