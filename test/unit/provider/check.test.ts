import { describe, expect, it } from "vitest";
import { allowlistIdentifierDefinition } from "../../../provider/definitions/allowlist-identifier";
import { blocklistIdentifierDefinition } from "../../../provider/definitions/blocklist-identifier";
import { jwtTemplateDefinition } from "../../../provider/definitions/jwt-template";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

// check never needs a client: a context factory that throws proves no request can be sent.
const noClient = () => {
  throw new Error("check must not touch Clerk");
};
const jwt = makeHandlers(jwtTemplateDefinition, noClient);
const allow = makeHandlers(allowlistIdentifierDefinition, noClient);
const redirect = makeHandlers(redirectUrlDefinition, noClient);
const block = makeHandlers(blocklistIdentifierDefinition, noClient);

describe("check", () => {
  it("accepts valid inputs and normalises emails to lowercase", async () => {
    const r = await allow.check({}, { identifier: "  CEO@Example.COM ", __provider: "p" });
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toEqual({ identifier: "ceo@example.com" });
  });

  it("reports every failing field by name, with the resource type", async () => {
    const r = await jwt.check(
      {},
      { name: "", claims: ["not", "an", "object"], lifetime: 10, allowedClockSkew: 301 },
    );
    const byProperty = Object.fromEntries((r.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(byProperty).sort()).toEqual(["allowedClockSkew", "claims", "lifetime", "name"]);
    expect(byProperty.lifetime).toBe("JwtTemplate.lifetime: must be at least 30");
    expect(byProperty.allowedClockSkew).toBe("JwtTemplate.allowedClockSkew: must be at most 300");
    expect(byProperty.name).toBe("JwtTemplate.name: must not be empty");
    expect(byProperty.claims).toBe("JwtTemplate.claims: must be an object");
  });

  it("rejects unknown arguments by name", async () => {
    const r = await redirect.check({}, { url: "https://a.example.com/cb", urll: "x" });
    expect(r.failures).toEqual([
      { property: "urll", reason: "RedirectUrl.urll: is not a known argument of this resource" },
    ]);
  });

  it("names a missing required argument", async () => {
    const r = await redirect.check({}, {});
    expect(r.failures).toEqual([{ property: "url", reason: "RedirectUrl.url: is required" }]);
  });

  it.each([
    ["an empty url", { url: "" }],
    ["a url without scheme", { url: "example.com/callback" }],
    ["a url with spaces", { url: "https://exa mple.com" }],
  ])("rejects %s", async (_label, news) => {
    const r = await redirect.check({}, news);
    expect(r.failures?.[0]?.property).toBe("url");
  });

  it.each(["not-an-email@", "a@@b.com", "a@b", "0x1234", "example.com"])(
    "rejects the identifier %j",
    async (identifier) => {
      const r = await allow.check({}, { identifier });
      expect(r.failures?.map((f) => f.property)).toEqual(["identifier"]);
      expect(r.failures?.[0]?.reason).toMatch(/^AllowlistIdentifier\.identifier: must be an email address/);
    },
  );

  it.each(["+1 (555) 555-5555", "+1 555 555 5555", "15555555555", "555-0100", "12345", "+0123456789"])(
    "refuses the phone number %j, asking for E.164, for both lists",
    async (identifier) => {
      for (const [h, type] of [
        [allow, "AllowlistIdentifier"],
        [block, "BlocklistIdentifier"],
      ] as const) {
        const r = await h.check({}, { identifier });
        expect(r.failures).toEqual([
          {
            property: "identifier",
            reason:
              `${type}.identifier: must be a phone number in E.164 format: + then the country code and ` +
              "number, digits only (e.g. +15555555555)",
          },
        ]);
      }
    },
  );

  it.each(["ceo@example.com", "+15551234567", "0x52908400098527886E0F7030069857D2E4169EE7"])(
    "accepts the identifier %j",
    async (identifier) => {
      const r = await allow.check({}, { identifier });
      expect(r.failures).toBeUndefined();
    },
  );

  it("never echoes a secret value in a failure", async () => {
    const r = await jwt.check(
      {},
      { name: "t", claims: {}, signingKey: "-----BEGIN PRIVATE KEY----- s3cr3t" },
    );
    expect(r.failures?.map((f) => f.property)).toEqual(["signingAlgorithm"]);
    expect(JSON.stringify(r)).not.toContain("s3cr3t");
  });

  it("lets preview unknowns through without failing", async () => {
    const r = await jwt.check({}, { name: UNKNOWN, claims: UNKNOWN, lifetime: UNKNOWN });
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toMatchObject({ name: UNKNOWN, claims: UNKNOWN });
  });

  it("still reports known-bad fields next to unknown ones", async () => {
    const r = await jwt.check({}, { name: UNKNOWN, claims: {}, lifetime: 5 });
    expect(r.failures?.map((f) => f.property)).toEqual(["lifetime"]);
  });

  it("validates importId", async () => {
    const r = await redirect.check({}, { url: "myapp://cb", importId: "" });
    expect(r.failures?.map((f) => f.property)).toEqual(["importId"]);
    const ok = await redirect.check({}, { url: "myapp://cb", importId: "ru_123" });
    expect(ok.inputs).toEqual({ url: "myapp://cb", importId: "ru_123" });
  });
});
