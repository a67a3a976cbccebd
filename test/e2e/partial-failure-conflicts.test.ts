import { afterEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestStack, type OpFailure, type StackExport, type TestStack } from "./harness";

// Issue 16, points 2 and 3 under the real engine: one resource of many refused by Clerk with a 422 the
// preview could not foresee (the object exists already, made by hand), and two stacks that declare the
// same object.
const KEY = "sk_test_e2e_conflicts_0123456789";
let emu: Emulator | undefined;
const stacks: TestStack[] = [];
afterEach(async () => {
  for (const s of stacks.splice(0)) await s.cleanup();
  await emu?.close();
  emu = undefined;
});

type Decl = { type: string; name: string; args: Record<string, unknown> };
const stackOn = async (e: Emulator, name: string, resources: Decl[]) => {
  const s = await createTestStack({
    name,
    program: "fixtures/clerk-program.cjs",
    apiUrl: e.url,
    secretKey: KEY,
    params: { resources },
  });
  stacks.push(s);
  return s;
};

/** Resource name -> id of what the stack's state tracks (the stack and provider left out). */
const tracked = (state: StackExport) =>
  Object.fromEntries(
    state.resources
      .filter((r) => r.id && !r.type.startsWith("pulumi:"))
      .map((r) => [r.urn.split("::").pop(), r.id] as const),
  );

/** Made by hand: straight through the API, outside any stack. */
async function byHand(e: Emulator, path: string, body: unknown): Promise<string> {
  const res = await fetch(`${e.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const redirects = (e: Emulator) => Object.fromEntries(e.store.redirectUrls.list().map((r) => [r.url, r.id]));
const allowed = (e: Emulator) =>
  Object.fromEntries(e.store.allowlistIdentifiers.list().map((r) => [r.identifier, r.id]));

const others: Decl[] = [
  { type: "RedirectUrl", name: "callback", args: { url: "myapp://callback" } },
  { type: "AllowlistIdentifier", name: "ceo", args: { identifier: "ceo@example.com" } },
  { type: "AllowlistIdentifier", name: "cto", args: { identifier: "cto@example.com" } },
  { type: "JwtTemplate", name: "hasura", args: { name: "hasura", claims: { x: 1 } } },
  { type: "BlocklistIdentifier", name: "spam", args: { identifier: "spam@example.net" } },
];

describe("one resource of many refused by Clerk", () => {
  it("the others are applied, state holds exactly what happened, the error names resource, code, message and trace id; the fixed program converges", async () => {
    emu = await startEmulator({ port: 0 });
    const e = emu;
    const handMade = await byHand(e, "/redirect_urls", { url: "myapp://taken" });
    const refused: Decl = { type: "RedirectUrl", name: "taken", args: { url: "myapp://taken" } };
    const stack = await stackOn(e, "partial", [...others, refused]);

    // The preview cannot know: only Clerk knows the URL is taken.
    const preview = await stack.preview();
    expect(preview.summary.create).toBe(others.length + 2);

    // A plain `up` starts nothing new after the failure: what had started is applied, the rest waits
    // for the next run. Either way the state tracks exactly the objects Clerk made for this stack.
    const plain = await stack.attempt("up");
    expect(plain.ok).toBe(false);
    const madeByStack = () =>
      [
        ...e.store.redirectUrls.list().filter((r) => r.id !== handMade),
        ...e.store.allowlistIdentifiers.list(),
        ...e.store.jwtTemplates.list(),
        ...e.store.blocklistIdentifiers.list(),
      ]
        .map((x) => x.id)
        .sort();
    expect(Object.values(tracked(await stack.exportState())).sort()).toEqual(madeByStack());

    // With --continue-on-error every independent resource is applied.
    const up = (await stack.attempt("up", { options: { continueOnError: true } })) as OpFailure;
    expect(up.ok).toBe(false);
    const diag = up.diagnostics.find((d) => d.severity === "error" && d.urn?.endsWith("::taken"));
    expect(diag?.message).toMatch(/create RedirectUrl failed: Clerk API 422 POST \S*\/redirect_urls/);
    expect(diag?.message).toContain("form_identifier_exists");
    expect(diag?.message).toMatch(/\(trace [^)]+\)/);
    expect(diag?.message).toContain(`importId: "${handMade}"`);

    // Applied: every other resource, once. The hand-made object is untouched and not in the state.
    const state = tracked(await stack.exportState());
    expect(Object.keys(state).sort()).toEqual(others.map((r) => r.name).sort());
    expect(redirects(e)).toEqual({ "myapp://taken": handMade, "myapp://callback": state.callback });
    expect(allowed(e)).toEqual({ "ceo@example.com": state.ceo, "cto@example.com": state.cto });
    expect(e.store.jwtTemplates.list().map((t) => t.id)).toEqual([state.hasura]);
    expect(e.store.blocklistIdentifiers.list().map((t) => t.id)).toEqual([state.spam]);
    expect(Object.keys((await stack.exportState()).deployment.deployment.pending_operations ?? {})).toEqual(
      [],
    );

    // Fixing the program (another URL) and running up again: only the missing object is created.
    const fixed = [...others, { ...refused, args: { url: "myapp://mine" } }];
    const again = await stack.up({ params: { resources: fixed } });
    expect(again.summary).toMatchObject({
      create: 1,
      update: 0,
      delete: 0,
      replace: 0,
      same: others.length + 1,
    });
    const after = tracked(await stack.exportState());
    expect(redirects(e)).toEqual({
      "myapp://taken": handMade,
      "myapp://callback": state.callback,
      "myapp://mine": after.taken,
    });
    e.clearRequests();
    const quiet = await stack.preview();
    expect(quiet.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(e.requests()).toEqual([]);
  });
});

describe("two stacks that declare the same object", () => {
  it("the second fails with the adoption hint; nothing the first owns is changed or deleted, by its up or its destroy", async () => {
    emu = await startEmulator({ port: 0 });
    const e = emu;
    const shared: Decl = {
      type: "AllowlistIdentifier",
      name: "shared",
      args: { identifier: "ops@example.com" },
    };
    const first = await stackOn(e, "owner", [shared, others[0] as Decl]);
    await first.up();
    const owned = tracked(await first.exportState());

    const second = await stackOn(e, "intruder", [
      shared,
      { type: "AllowlistIdentifier", name: "own", args: { identifier: "own@example.com" } },
    ]);
    const up = (await second.attempt("up", { options: { continueOnError: true } })) as OpFailure;
    expect(up.ok).toBe(false);
    const diag = up.diagnostics.find((d) => d.severity === "error" && d.urn?.endsWith("::shared"));
    expect(diag?.message).toContain("form_identifier_exists");
    expect(diag?.message).toContain(`already exists in Clerk as "${owned.shared}"`);
    expect(diag?.message).toContain(`importId: "${owned.shared}"`);
    expect(diag?.message).toContain("If another stack manages it, remove it from this program");
    const mine = tracked(await second.exportState());
    expect(Object.keys(mine)).toEqual(["own"]);

    // The second stack's destroy removes its own object only.
    const destroyed = await second.destroy();
    expect(destroyed.summary.delete).toBe(2); // "own" and the stack itself
    expect(allowed(e)).toEqual({ "ops@example.com": owned.shared });
    expect(redirects(e)).toEqual({ "myapp://callback": owned.callback });

    // The first stack sees its objects exactly as it left them.
    e.clearRequests();
    const refresh = await first.refresh();
    expect(refresh.summary).toMatchObject({ update: 0, delete: 0 });
    const preview = await first.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
  });
});
