import { describe, expect, it } from "vitest";
import { instanceSettingsDefinition } from "../../../provider/definitions/instance-settings";
import { makeHandlers } from "../../../provider/runtime/generic";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(instanceSettingsDefinition, noClient);
const state = {
  allowedOrigins: ["chrome-extension://abcdef", "https://app.example.com"],
  testMode: true,
  supportEmail: "help@example.com",
  environmentType: "development",
  __provider: "p",
};

describe("InstanceSettings", () => {
  it("check: every field is validated and named", async () => {
    const r = await h.check(
      {},
      {
        allowedOrigins: ["https://ok.example.com", "https://app.example.com/path", "no-scheme.example.com"],
        testMode: "yes",
        supportEmail: "not-an-email",
        clerkJsVersion: "v".repeat(65),
        developmentOrigin: "ftp://localhost",
        preferredSignInStrategyWhenPasswordRequired: "magic",
        cookielessDev: true,
      },
    );
    const byProperty = Object.fromEntries((r.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual([
      "allowedOrigins[1]",
      "allowedOrigins[2]",
      "clerkJsVersion",
      "cookielessDev",
      "developmentOrigin",
      "preferredSignInStrategyWhenPasswordRequired",
      "supportEmail",
      "testMode",
    ]);
    expect(byProperty["allowedOrigins[1]"]).toMatch(
      /^InstanceSettings\.allowedOrigins\[1\]: must be an origin/,
    );
    expect(byProperty.preferredSignInStrategyWhenPasswordRequired).toBe(
      'InstanceSettings.preferredSignInStrategyWhenPasswordRequired: must be one of "password", "otp", ""',
    );
  });

  it("check: '' is how to clear the support email and the Clerk.js version pin", async () => {
    const r = await h.check({}, { supportEmail: "", clerkJsVersion: "" });
    expect(r).toEqual({ inputs: { supportEmail: "", clerkJsVersion: "" } });
  });

  it("check: accepts custom-scheme origins, a localhost development origin and '' to clear the strategy", async () => {
    const r = await h.check(
      {},
      {
        allowedOrigins: ["capacitor://localhost", "http://localhost:5173"],
        developmentOrigin: "http://localhost:3000",
        preferredSignInStrategyWhenPasswordRequired: "",
      },
    );
    expect(r.failures).toBeUndefined();
  });

  it("diff: allowedOrigins as a set; write-only fields compared with state", async () => {
    const same = { allowedOrigins: ["https://app.example.com", "chrome-extension://abcdef"], testMode: true };
    expect((await h.diff("ins_1", state, same)).changes).toBe(false);
    expect((await h.diff("ins_1", state, { ...same, testMode: false })).changes).toBe(true);
    expect((await h.diff("ins_1", state, { supportEmail: "other@example.com" })).changes).toBe(true);
    // A write-only field declared for the first time is a change (Clerk's value is unknown).
    expect((await h.diff("ins_1", state, { hibp: true })).changes).toBe(true);
    // Removing a write-only field leaves Clerk's value: no change.
    expect((await h.diff("ins_1", state, { allowedOrigins: same.allowedOrigins })).changes).toBe(false);
  });

  it("never reads back write-only fields: the input view of the instance is allowedOrigins only", () => {
    const api = {
      object: "instance" as const,
      id: "ins_1",
      environment_type: "development",
      allowed_origins: null,
    };
    expect(instanceSettingsDefinition.toInputs(api)).toEqual({ allowedOrigins: [] });
    expect(instanceSettingsDefinition.writeOnly).toEqual([
      "testMode",
      "hibp",
      "supportEmail",
      "clerkJsVersion",
      "developmentOrigin",
      "urlBasedSessionSyncing",
      "preferredSignInStrategyWhenPasswordRequired",
    ]);
  });
});
