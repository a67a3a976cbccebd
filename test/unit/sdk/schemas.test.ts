import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BlocklistIdentifierListSchema,
  type BlocklistIdentifierObject,
  CreateAllowlistIdentifierBodySchema,
  CreateEnterpriseConnectionBodySchema,
  CreateJwtTemplateBodySchema,
  CreateSamlConnectionBodySchema,
  EnterpriseConnectionSchema,
  JwtTemplateSchema,
  OAuthApplicationWithSecretSchema,
  UpdateInstanceBodySchema,
  UpdateInstanceCommunicationBodySchema,
  UpdateJwtTemplateBodySchema,
} from "../../../sdk/schemas";
import { oauthApplicationWithSecret } from "../../support/clerk-objects";

const jwtTemplate = {
  object: "jwt_template",
  id: "jtmp_1",
  name: "hasura",
  claims: { role: "user" },
  lifetime: 60,
  allowed_clock_skew: 5,
  custom_signing_key: false,
  signing_algorithm: "RS256",
  created_at: 1,
  updated_at: 2,
};

describe("request bodies follow the spec", () => {
  it("rejects unknown keys where the spec says additionalProperties: false", () => {
    const r = CreateAllowlistIdentifierBodySchema.safeParse({ identifier: "a@b.co", notifyy: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe("unrecognized_keys");
    expect(UpdateInstanceBodySchema.safeParse({ hibp: true, bogus: 1 }).success).toBe(false);
  });

  it("keeps unknown keys legal where the spec allows them (JWT template create)", () => {
    expect(CreateJwtTemplateBodySchema.safeParse({ name: "n", claims: {}, extra: 1 }).success).toBe(true);
  });

  it("requires name and claims on a JWT template PATCH (full replace)", () => {
    const r = UpdateJwtTemplateBodySchema.safeParse({ lifetime: 60 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "claims"]);
  });

  it("enforces min/max from the spec", () => {
    expect(CreateJwtTemplateBodySchema.safeParse({ name: "n", claims: {}, lifetime: 29 }).success).toBe(
      false,
    );
    expect(CreateJwtTemplateBodySchema.safeParse({ name: "n", claims: {}, lifetime: null }).success).toBe(
      true,
    );
    expect(
      CreateJwtTemplateBodySchema.safeParse({ name: "n", claims: {}, allowed_clock_skew: 301 }).success,
    ).toBe(false);
    expect(
      CreateEnterpriseConnectionBodySchema.safeParse({ name: "n", provider: "oidc_custom", domains: [] })
        .success,
    ).toBe(false);
  });

  it("rejects an unknown provider and a bad custom attribute key", () => {
    expect(
      CreateEnterpriseConnectionBodySchema.safeParse({ name: "n", provider: "saml_foo", domains: ["a.com"] })
        .success,
    ).toBe(false);
    const r = CreateEnterpriseConnectionBodySchema.safeParse({
      name: "n",
      provider: "saml_okta",
      domains: ["a.com"],
      custom_attributes: [{ name: "x", key: "_bad" }],
    });
    expect(r.error?.issues[0]?.path).toEqual(["custom_attributes", 0, "key"]);
  });

  it("needs domain or domains on a SAML connection create", () => {
    expect(CreateSamlConnectionBodySchema.safeParse({ name: "n", provider: "saml_okta" }).success).toBe(
      false,
    );
    expect(
      CreateSamlConnectionBodySchema.safeParse({ name: "n", provider: "saml_okta", domains: ["a.com"] })
        .success,
    ).toBe(true);
  });

  it("validates blocked country codes (pattern, unique)", () => {
    expect(UpdateInstanceCommunicationBodySchema.safeParse({ blocked_country_codes: ["us"] }).success).toBe(
      false,
    );
    expect(
      UpdateInstanceCommunicationBodySchema.safeParse({ blocked_country_codes: ["US", "US"] }).success,
    ).toBe(false);
    expect(UpdateInstanceCommunicationBodySchema.safeParse({ blocked_country_codes: null }).success).toBe(
      true,
    );
  });
});

describe("response schemas tolerate what Clerk really sends", () => {
  it("accepts and drops unknown extra fields", () => {
    const parsed = JwtTemplateSchema.parse({ ...jwtTemplate, brand_new_field: true });
    expect(parsed).not.toHaveProperty("brand_new_field");
    expect(parsed.name).toBe("hasura");
  });

  it("does not demand the spec's undefined required fields on enterprise connections", () => {
    const r = EnterpriseConnectionSchema.safeParse({
      object: "enterprise_connection",
      id: "ent_1",
      name: "Okta",
      provider: "saml_okta",
      active: false,
      domains: ["a.com"],
      created_at: 1,
      updated_at: 1,
    });
    expect(r.success).toBe(true);
  });

  it("accepts an enum value the spec does not know yet", () => {
    const r = BlocklistIdentifierListSchema.parse({
      data: [{ id: "blid_1", identifier: "example.com", identifier_type: "email_domain" }],
      total_count: 1,
    });
    expect(r.data[0]?.identifier_type).toBe("email_domain");
    expectTypeOf<BlocklistIdentifierObject["identifier_type"]>().toExtend<string | undefined>();
  });

  it("still rejects a wrong type in a required field", () => {
    const r = JwtTemplateSchema.safeParse({ ...jwtTemplate, lifetime: "60" });
    expect(r.error?.issues[0]?.path).toEqual(["lifetime"]);
  });

  it("keeps client_secret on the create/rotate shape", () => {
    const app = OAuthApplicationWithSecretSchema.parse(
      oauthApplicationWithSecret({ client_secret: "s3cr3t" }),
    );
    expect(app.client_secret).toBe("s3cr3t");
  });
});
