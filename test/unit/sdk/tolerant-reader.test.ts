import { describe, expect, it } from "vitest";
import { ClerkResponseValidationError, createClerkClient } from "../../../sdk";
import { unknownFields } from "../../../sdk/unknowns";

// The sdk reads what Clerk sends leniently (a new field or enum value is not an error) but not
// blindly (a field the provider needs that Clerk did not send is, and says which).

const jwt = (over: Record<string, unknown> = {}) => ({
  object: "jwt_template",
  id: "jtmp_1",
  name: "n",
  claims: {},
  lifetime: 60,
  allowed_clock_skew: 5,
  custom_signing_key: false,
  signing_algorithm: "RS256",
  created_at: 1,
  updated_at: 1,
  ...over,
});

type Log = Array<[string, Record<string, unknown> | undefined]>;

function clientAnswering(
  body: unknown,
  opts: { contentType?: string | null; validation?: "error" | "warn" | "off" } = {},
) {
  const debug: Log = [];
  const warn: Log = [];
  const headers = new Headers();
  if (opts.contentType !== null) headers.set("content-type", opts.contentType ?? "application/json");
  const client = createClerkClient({
    secretKey: "sk_test_tolerant",
    apiUrl: "https://clerk.invalid/v1",
    retry: false,
    responseValidation: opts.validation,
    fetch: async () => new Response(JSON.stringify(body), { status: 200, headers }),
    logger: { debug: (m, d) => debug.push([m, d]), warn: (m, d) => warn.push([m, d]) },
  });
  return { client, debug, warn };
}

describe("content type", () => {
  it.each(["application/json", "application/json; charset=utf-8", "text/plain", null])(
    "parses a JSON body labelled %s",
    async (contentType) => {
      const { client } = clientAnswering(jwt(), { contentType });
      expect((await client.jwtTemplates.get("jtmp_1")).lifetime).toBe(60);
    },
  );
});

describe("a missing field the provider needs", () => {
  it("is an error naming the endpoint and the field", async () => {
    const { lifetime: _, ...withoutLifetime } = jwt();
    const { client } = clientAnswering(withoutLifetime);
    const err = await client.jwtTemplates.get("jtmp_1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClerkResponseValidationError);
    expect((err as Error).message).toBe(
      "Clerk API GET /jwt_templates/jtmp_1 returned an unexpected body: required field lifetime is missing",
    );
  });

  it("names the item of a list, in the shape Clerk sent (array or envelope)", async () => {
    const { id: _, ...noId } = jwt();
    const asArray = await clientAnswering([jwt(), noId])
      .client.jwtTemplates.list()
      .catch((e: Error) => e.message);
    expect(asArray).toBe(
      "Clerk API GET /jwt_templates returned an unexpected body: required field [1].id is missing",
    );
    const asEnvelope = await clientAnswering({ data: [noId], total_count: 1 })
      .client.jwtTemplates.list()
      .catch((e: Error) => e.message);
    expect(asEnvelope).toBe(
      "Clerk API GET /jwt_templates returned an unexpected body: required field data[0].id is missing",
    );
  });

  it("a field of the wrong type still says what was expected", async () => {
    const err = await clientAnswering(jwt({ lifetime: "60" }))
      .client.jwtTemplates.get("jtmp_1")
      .catch((e: Error) => e.message);
    expect(err).toMatch(
      /^Clerk API GET \/jwt_templates\/jtmp_1 returned an unexpected body: at lifetime: .*number/,
    );
  });

  it("warn mode passes the body on and warns; off mode says nothing", async () => {
    const { lifetime: _, ...withoutLifetime } = jwt();
    const warned = clientAnswering(withoutLifetime, { validation: "warn" });
    expect(await warned.client.jwtTemplates.get("jtmp_1")).toEqual(withoutLifetime);
    expect(warned.warn[0]?.[0]).toMatch(/required field lifetime is missing/);
    const off = clientAnswering(withoutLifetime, { validation: "off" });
    expect(await off.client.jwtTemplates.get("jtmp_1")).toEqual(withoutLifetime);
    expect([...off.warn, ...off.debug.filter(([m]) => m.includes("ignoring"))]).toEqual([]);
  });
});

describe("what the sdk does not know", () => {
  it("an unknown field passes in error mode and is logged at debug", async () => {
    const { client, debug } = clientAnswering(jwt({ shiny_new_field: { a: 1 } }));
    const got = await client.jwtTemplates.get("jtmp_1");
    expect(got).not.toHaveProperty("shiny_new_field");
    expect(debug.map(([m]) => m)).toContain(
      "clerk: GET /jwt_templates/jtmp_1: ignoring what this client does not know: fields shiny_new_field",
    );
  });

  it("an unknown enum value passes in error mode, is kept, and is logged at debug", async () => {
    const { client, debug } = clientAnswering([
      { id: "alid_1", identifier: "*@example.com", identifier_type: "email_domain" },
    ]);
    const [item] = await client.allowlistIdentifiers.list();
    expect(item?.identifier_type).toBe("email_domain");
    expect(debug.map(([m]) => m)).toContain(
      'clerk: GET /allowlist_identifiers: ignoring what this client does not know: enum values "email_domain"',
    );
  });

  it("logs nothing when everything is known", async () => {
    const { client, debug } = clientAnswering(jwt());
    await client.jwtTemplates.get("jtmp_1");
    expect(debug.filter(([m]) => m.includes("ignoring"))).toEqual([]);
  });

  it("the debug line goes through the redactor", async () => {
    const { client, debug } = clientAnswering([
      { id: "alid_1", identifier: "x@example.com", identifier_type: "sk_live_leakedKey123" },
    ]);
    await client.allowlistIdentifiers.list();
    const line = debug.find(([m]) => m.includes("ignoring"));
    expect(JSON.stringify(line)).not.toContain("leakedKey123");
    expect(line?.[0]).toContain("sk_live_[REDACTED]");
  });

  it("unknownFields walks objects and arrays side by side, naming each field once", () => {
    expect(unknownFields({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } })).toEqual(["b.d"]);
    // A plain-array list was parsed as { data }.
    expect(unknownFields([{ a: 1, x: 1 }], { data: [{ a: 1 }] })).toEqual(["[].x"]);
    expect(unknownFields({ data: [{ a: 1, x: 1 }], n: 1 }, { data: [{ a: 1 }] })).toEqual(["data[].x", "n"]);
    const many = Array.from({ length: 500 }, (_, i) => ({ x: 1, [`k${i}`]: 1 }));
    expect(unknownFields(many, { data: Array(500).fill({}) }, 3)).toEqual(["[].x", "[].k0", "[].k1"]);
  });
});
