import { describe, expect, it } from "vitest";
import { oauthApplicationDefinition } from "../../../provider/definitions/oauth-application";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";
import { OAuthApplicationWithSecretSchema } from "../../../sdk/schemas";
import { oauthApplicationWithSecret } from "../../support/clerk-objects";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const p = makeHandlers(oauthApplicationDefinition, noClient);
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

const state = {
  name: "partner",
  redirectUris: ["https://b.example.com/cb", "https://a.example.com/cb"],
  scopes: ["email", "profile"],
  consentScreenEnabled: true,
  pkceRequired: false,
  public: false,
  rotateSecret: 1,
  clientId: "cid",
  clientSecret: "s3cr3t-value",
  createdAt: 1,
  updatedAt: 2,
  __provider: "p",
};

describe("OAuthApplication check", () => {
  it("accepts a list of scopes and a rotation trigger", async () => {
    const r = await p.check({}, { name: "x", scopes: ["profile", "email"], rotateSecret: "2026-01" });
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toMatchObject({ name: "x", scopes: ["profile", "email"], rotateSecret: "2026-01" });
  });

  it("reports every failing field by name", async () => {
    const r = await p.check(
      {},
      {
        name: "",
        scopes: "profile email",
        redirectUris: ["not a url"],
        public: "yes",
        rotateSecret: true,
        extra: 1,
      },
    );
    expect(Object.keys(reasons(r.failures)).sort()).toEqual([
      "extra",
      "name",
      "public",
      "redirectUris[0]",
      "rotateSecret",
      "scopes",
    ]);
    expect(reasons(r.failures).scopes).toBe("OAuthApplication.scopes: must be a list");
    expect(reasons(r.failures).rotateSecret).toBe(
      "OAuthApplication.rotateSecret: must be a number or a string",
    );
  });

  it("rejects a scope with spaces, and a real clientSecret without echoing it", async () => {
    const r = await p.check({}, { name: "x", scopes: ["profile email"], clientSecret: "hunter2-secret" });
    const by = reasons(r.failures);
    expect(Object.keys(by).sort()).toEqual(["clientSecret", "scopes[0]"]);
    expect(by.clientSecret).toMatch(/is not a known argument/);
    expect(JSON.stringify(r.failures)).not.toContain("hunter2-secret");
  });

  it("lets unknowns through during preview", async () => {
    const r = await p.check({}, { name: UNKNOWN, scopes: UNKNOWN });
    expect(r.failures).toBeUndefined();
  });
});

describe("OAuthApplication diff", () => {
  const declared = {
    name: "partner",
    redirectUris: ["https://a.example.com/cb", "https://b.example.com/cb"],
    scopes: ["profile", "email"],
    rotateSecret: 1,
  };

  it("compares scopes and redirect URIs as sets: Clerk's order is no change", async () => {
    expect(await p.diff("id", state, declared)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect((await p.diff("id", state, { ...declared, scopes: ["email", "profile", "email"] })).changes).toBe(
      false,
    );
  });

  it("ignores offline_access, which Clerk adds, unless declared", async () => {
    const live = { ...state, scopes: ["email", "offline_access", "profile"] };
    expect((await p.diff("id", live, declared)).changes).toBe(false);
    expect(
      (await p.diff("id", live, { ...declared, scopes: ["offline_access", "email", "profile"] })).changes,
    ).toBe(false);
    expect(
      (await p.diff("id", state, { ...declared, scopes: ["offline_access", "email", "profile"] })).changes,
    ).toBe(true);
    expect((await p.diff("id", live, { ...declared, scopes: ["email"] })).changes).toBe(true);
  });

  it("replaces the application when it switches between public and confidential", async () => {
    expect(await p.diff("id", state, { ...declared, public: true })).toEqual({
      changes: true,
      replaces: ["public"],
      deleteBeforeReplace: false,
    });
  });

  it("updates in place for every other argument, including a new rotation trigger", async () => {
    for (const change of [
      { scopes: ["profile"] },
      { name: "renamed" },
      { rotateSecret: 2 },
      { redirectUris: ["https://c.example.com/cb"] },
    ]) {
      const r = await p.diff("id", state, { ...declared, ...change });
      expect(r, JSON.stringify(change)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("never treats the secret kept in state as a declared input", async () => {
    expect(state.clientSecret).toBeDefined();
    expect((await p.diff("id", state, declared)).changes).toBe(false);
  });
});

describe("OAuthApplication public clients", () => {
  it("accepts the null client_secret live Clerk sends for a public client", async () => {
    const wire = { ...oauthApplicationWithSecret(), public: true, client_secret: null };
    const parsed = OAuthApplicationWithSecretSchema.parse(wire);
    expect(oauthApplicationDefinition.toComputed(parsed)).not.toHaveProperty("clientSecret");
    const absent: Record<string, unknown> = { ...wire };
    delete absent.client_secret;
    expect(OAuthApplicationWithSecretSchema.safeParse(absent).success).toBe(true);
  });
});
