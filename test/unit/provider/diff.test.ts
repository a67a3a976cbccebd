import { describe, expect, it } from "vitest";
import { allowlistIdentifierDefinition } from "../../../provider/definitions/allowlist-identifier";
import { jwtTemplateDefinition } from "../../../provider/definitions/jwt-template";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const noClient = () => {
  throw new Error("diff must not touch Clerk");
};
const jwt = makeHandlers(jwtTemplateDefinition, noClient);
const allow = makeHandlers(allowlistIdentifierDefinition, noClient);
const redirect = makeHandlers(redirectUrlDefinition, noClient);

const jwtState = {
  name: "supabase",
  claims: { role: "authenticated", nested: { a: 1, b: [1, 2] } },
  lifetime: 60,
  allowedClockSkew: 5,
  signingAlgorithm: "RS256",
  customSigningKey: false,
  createdAt: 1,
  updatedAt: 2,
  __provider: "p",
};

describe("diff", () => {
  it("reports no change when declared inputs equal the state (key order and computed fields ignored)", async () => {
    const r = await jwt.diff("id", jwtState, {
      claims: { nested: { b: [1, 2], a: 1 }, role: "authenticated" },
      name: "supabase",
    });
    expect(r).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("leaves inputs the user did not declare to Clerk", async () => {
    const r = await jwt.diff(
      "id",
      { ...jwtState, lifetime: 3600 },
      { name: "supabase", claims: jwtState.claims },
    );
    expect(r.changes).toBe(false);
  });

  it("updates in place for a changed updatable field", async () => {
    const r = await jwt.diff("id", jwtState, { name: "supabase", claims: jwtState.claims, lifetime: 120 });
    expect(r).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces for a changed immutable field", async () => {
    const r = await redirect.diff("id", { url: "myapp://a" }, { url: "myapp://b" });
    // A new key: the new object is made before the old one goes (no moment without either).
    expect(r).toEqual({ changes: true, replaces: ["url"], deleteBeforeReplace: false });
    const a = await allow.diff("id", { identifier: "a@example.com" }, { identifier: "b@example.com" });
    expect(a).toMatchObject({ replaces: ["identifier"], deleteBeforeReplace: false });
  });

  it("ignores create-only inputs after creation", async () => {
    const r = await allow.diff(
      "id",
      { identifier: "a@example.com", notify: false },
      { identifier: "a@example.com", notify: true },
    );
    expect(r.changes).toBe(false);
  });

  it("counts an unknown input as a change, and a replacement when immutable", async () => {
    expect((await jwt.diff("id", jwtState, { name: UNKNOWN, claims: jwtState.claims })).changes).toBe(true);
    expect((await redirect.diff("id", { url: "myapp://a" }, { url: UNKNOWN })).replaces).toEqual(["url"]);
  });

  it("sees a removed signing key (write-only, carried in state) as a change", async () => {
    const withKey = { ...jwtState, signingKey: "k", customSigningKey: true };
    expect((await jwt.diff("id", withKey, { name: "supabase", claims: jwtState.claims })).changes).toBe(true);
    const r = await jwt.diff("id", withKey, {
      name: "supabase",
      claims: jwtState.claims,
      signingKey: "k2",
      signingAlgorithm: "RS256",
    });
    expect(r.changes).toBe(true);
  });

  it("ignores importId once the object is adopted", async () => {
    const r = await redirect.diff(
      "id",
      { url: "myapp://a", importId: "x" },
      { url: "myapp://a", importId: "y" },
    );
    expect(r.changes).toBe(false);
  });
});
