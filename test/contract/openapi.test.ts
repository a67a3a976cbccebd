import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  type Exchange,
  loadSpec,
  matchOperation,
  repoRoot,
  SPEC_ENV,
  specPath,
  validateExchange,
} from "./openapi";

const jwtTemplate = () => ({
  object: "jwt_template",
  id: "jtmp_123",
  name: "hasura",
  claims: { aud: "x" },
  lifetime: 60,
  allowed_clock_skew: 5,
  custom_signing_key: false,
  signing_algorithm: "RS256",
  created_at: 1_700_000_000_000,
  updated_at: 1_700_000_000_000,
});

const enterpriseConnection = (): Record<string, unknown> => ({
  object: "enterprise_connection",
  id: "ent_1",
  name: "Acme",
  provider: "saml_custom",
  active: true,
  domains: ["acme.test"],
  created_at: 1,
  updated_at: 2,
});

const samlConnection = (): Record<string, unknown> => ({
  object: "saml_connection",
  id: "samlc_1",
  name: "Acme",
  idp_entity_id: null,
  idp_sso_url: null,
  idp_certificate: null,
  idp_certificate_issued_at: null,
  idp_certificate_expires_at: null,
  domains: ["acme.test"],
  acs_url: "https://clerk.acme.test/v1/saml/acs/samlc_1",
  sp_entity_id: "https://clerk.acme.test/saml/samlc_1",
  sp_metadata_url: "https://clerk.acme.test/saml/samlc_1/metadata",
  active: false,
  provider: "saml_custom",
  user_count: 0,
  sync_user_attributes: true,
  allow_subdomains: false,
  allow_idp_initiated: false,
  disable_additional_identifications: false,
  allow_organization_account_linking: false,
  force_authn: false,
  login_hint: { mode: "off" },
  created_at: 1,
  updated_at: 2,
});

const check = (ex: Partial<Exchange> & Pick<Exchange, "method" | "path">) =>
  validateExchange({ status: 200, ...ex });

describe("validateExchange: responses", () => {
  it("passes a valid JWT template response", () => {
    const r = check({ method: "GET", path: "/jwt_templates/jtmp_123", responseBody: jwtTemplate() });
    expect(r.operationId).toBe("GetJWTTemplate");
    expect(r.problems).toEqual([]);
  });

  it("names operation, direction, pointer and rule when a required field is missing", () => {
    const { claims: _omit, ...body } = jwtTemplate();
    const r = check({ method: "GET", path: "/v1/jwt_templates/jtmp_123", responseBody: body });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^GetJWTTemplate response 200 body \/claims: is required \[required/);
  });

  it("accepts JSON text as well as parsed bodies", () => {
    const r = check({
      method: "GET",
      path: "/jwt_templates/jtmp_123",
      responseBody: JSON.stringify(jwtTemplate()),
    });
    expect(r.problems).toEqual([]);
    const bad = check({ method: "GET", path: "/jwt_templates/jtmp_123", responseBody: "<html>" });
    expect(bad.problems.join()).toMatch(/is not JSON/);
  });

  it("rejects null where the field is not nullable", () => {
    const r = check({
      method: "GET",
      path: "/jwt_templates/jtmp_123",
      responseBody: { ...jwtTemplate(), signing_algorithm: null },
    });
    expect(r.problems).toEqual([
      expect.stringMatching(/^GetJWTTemplate response 200 body \/signing_algorithm: must be string \[type/),
    ]);
  });

  it("rejects an unknown field where additionalProperties is false (responses too)", () => {
    const r = check({
      method: "GET",
      path: "/jwt_templates/jtmp_123",
      responseBody: { ...jwtTemplate(), signing_key: "k" },
    });
    expect(r.problems).toEqual([
      expect.stringMatching(/\/signing_key: is not allowed \(additionalProperties: false\)/),
    ]);
  });

  it("tells a plain-array list from a {data,total_count} list", () => {
    const plain = { method: "GET", path: "/jwt_templates" } as const;
    expect(check({ ...plain, responseBody: [jwtTemplate()] }).problems).toEqual([]);
    expect(check({ ...plain, responseBody: { data: [jwtTemplate()], total_count: 1 } }).problems).toEqual([
      expect.stringMatching(/^ListJWTTemplates response 200 body \/: must be array \[type/),
    ]);
    const paged = { method: "GET", path: "/blocklist_identifiers" } as const;
    expect(check({ ...paged, responseBody: { data: [], total_count: 0 } }).problems).toEqual([]);
    expect(check({ ...paged, responseBody: [] }).problems.join("\n")).toMatch(
      /^ListBlocklistIdentifiers response 200 body \/: must be object \[type/,
    );
  });

  it("holds a paginated=true list of the allow-list, redirect URLs and JWT templates to { data, total_count }", () => {
    // The spec shows only the plain array; Clerk answers the envelope when asked to page (allowance).
    const envelope = { data: [jwtTemplate()], total_count: 1 };
    const paged = { method: "GET", path: "/jwt_templates", query: { paginated: "true" } } as const;
    expect(check({ ...paged, responseBody: envelope }).problems).toEqual([]);
    expect(check({ ...paged, responseBody: [jwtTemplate()] }).problems).toEqual([
      expect.stringMatching(
        /^ListJWTTemplates response 200 body \(paginated=true\) \/: must be object \[type/,
      ),
    ]);
    expect(
      check({ ...paged, responseBody: { data: [{ id: "x" }], total_count: 1 } }).problems.join(),
    ).toMatch(/\/data\/0\/object: is required/);
    for (const path of ["/allowlist_identifiers", "/redirect_urls"]) {
      expect(
        check({
          method: "GET",
          path,
          query: { paginated: "true" },
          responseBody: { data: [], total_count: 0 },
        }).problems,
      ).toEqual([]);
      expect(check({ method: "GET", path, responseBody: [] }).problems).toEqual([]);
    }
  });

  it("lets the block-list take the paging parameters Clerk's clients send (allowance), with their bounds", () => {
    const list = {
      method: "GET",
      path: "/blocklist_identifiers",
      responseBody: { data: [], total_count: 0 },
    } as const;
    expect(check({ ...list, query: { paginated: "true", limit: "500", offset: "0" } }).problems).toEqual([]);
    expect(check({ ...list, query: { limit: "501" } }).problems).toEqual([
      expect.stringMatching(/^ListBlocklistIdentifiers request query \/limit: must be <= 500 \[maximum/),
    ]);
    expect(check({ ...list, query: { colour: "red" } }).problems).toEqual([
      expect.stringMatching(/^ListBlocklistIdentifiers request query \/colour: is not allowed/),
    ]);
  });

  it("reports a status the operation does not declare", () => {
    const r = check({
      method: "GET",
      path: "/jwt_templates/jtmp_123",
      status: 201,
      responseBody: jwtTemplate(),
    });
    expect(r.problems).toEqual([expect.stringMatching(/^GetJWTTemplate response 201: status not declared/)]);
  });

  it("requires an empty body for a declared bodiless response (204)", () => {
    expect(check({ method: "PATCH", path: "/instance", status: 204, requestBody: {} }).problems).toEqual([]);
    expect(check({ method: "PATCH", path: "/instance", status: 204, responseBody: {} }).problems).toEqual([
      expect.stringMatching(/^UpdateInstance response 204 body \/: must be empty/),
    ]);
  });

  it("validates a declared 422 as ClerkErrors and names the failing pointer", () => {
    const ok = {
      errors: [{ message: "is invalid", long_message: "name is invalid", code: "form_param_value_invalid" }],
    };
    const post = {
      method: "POST",
      path: "/jwt_templates",
      status: 422,
      requestBody: { name: "n", claims: {} },
    } as const;
    expect(check({ ...post, responseBody: { ...ok, clerk_trace_id: "t" } }).problems).toEqual([]);
    const r = check({ ...post, responseBody: { errors: [{ message: "m", code: "c" }] } });
    expect(r.problems).toEqual([
      expect.stringMatching(/^CreateJWTTemplate response 422 body \/errors\/0\/long_message: is required/),
    ]);
  });

  it("accepts generic undeclared errors (401, 429, 5xx) only as ClerkErrors", () => {
    const errors = { errors: [{ message: "m", long_message: "l", code: "too_many_requests" }] };
    expect(
      check({ method: "GET", path: "/jwt_templates", status: 429, responseBody: errors }).problems,
    ).toEqual([]);
    expect(
      check({ method: "GET", path: "/jwt_templates", status: 503, responseBody: errors }).problems,
    ).toEqual([]);
    expect(
      check({ method: "GET", path: "/jwt_templates", status: 401, responseBody: { error: "nope" } }).problems,
    ).toEqual([
      expect.stringMatching(
        /^ListJWTTemplates response 401 \(undeclared, generic ClerkErrors\) body \/errors: is required/,
      ),
    ]);
  });

  it("applies the SAML/enterprise allowance for the two undefined required names only", () => {
    const ent = { method: "GET", path: "/enterprise_connections/ent_1" } as const;
    expect(check({ ...ent, responseBody: enterpriseConnection() }).problems).toEqual([]);
    const { domains: _d, ...noDomains } = enterpriseConnection();
    expect(check({ ...ent, responseBody: noDomains }).problems).toEqual([
      expect.stringMatching(/^GetEnterpriseConnection response 200 body \/domains: is required/),
    ]);

    const saml = { method: "GET", path: "/saml_connections/samlc_1" } as const;
    expect(check({ ...saml, responseBody: samlConnection() }).problems).toEqual([]);
    const { acs_url: _a, ...noAcs } = samlConnection();
    expect(check({ ...saml, responseBody: noAcs }).problems).toEqual([
      expect.stringMatching(/^GetSAMLConnection response 200 body \/acs_url: is required/),
    ]);
  });

  it("keeps the allowance from touching other schemas that require those names (none may)", () => {
    // The allowance drops `authenticatable` from two schemas only; a list response still validates items.
    const list = { data: [{ ...enterpriseConnection(), active: "yes" }], total_count: 1 };
    expect(check({ method: "GET", path: "/enterprise_connections", responseBody: list }).problems).toEqual([
      expect.stringMatching(
        /^ListEnterpriseConnections response 200 body \/data\/0\/active: must be boolean/,
      ),
    ]);
  });
});

describe("validateExchange: OpenAPI dialect", () => {
  const email = (verification: unknown) => ({
    object: "email_address",
    id: "idn_1",
    email_address: "a@b.test",
    reserved: false,
    verification,
    linked_to: [],
    created_at: 1,
    updated_at: 2,
  });
  const get = (verification: unknown) =>
    check({ method: "GET", path: "/email_addresses/idn_1", responseBody: email(verification) }).problems;
  const admin = {
    object: "verification_admin",
    status: "verified",
    strategy: "admin",
    attempts: null,
    expire_at: null,
  };

  it("dispatches a discriminator to the member its tag names, and allows null where nullable", () => {
    expect(get(admin)).toEqual([]);
    expect(get(null)).toEqual([]);
    // A valid admin verification under another tag must be judged as that tag's schema.
    expect(get({ ...admin, object: "verification_otp" }).join("\n")).toMatch(
      /^GetEmailAddress response 200 body \/verification\/strategy: must be one of \["phone_code"/m,
    );
    expect(get({ ...admin, object: "verification_bogus" }).join("\n")).toMatch(
      /\/verification\/object: must be one of \["verification_otp"/,
    );
  });
});

describe("validateExchange: requests", () => {
  it("accepts null where the request field is nullable", () => {
    const r = check({
      method: "POST",
      path: "/jwt_templates",
      requestBody: { name: "n", claims: {}, lifetime: null },
      responseBody: jwtTemplate(),
    });
    expect(r.problems).toEqual([]);
  });

  it("rejects null where the request field is not nullable", () => {
    const r = check({
      method: "POST",
      path: "/jwt_templates",
      requestBody: { name: null, claims: {} },
      responseBody: jwtTemplate(),
    });
    expect(r.requestProblems).toEqual([
      expect.stringMatching(/^CreateJWTTemplate request body \/name: must be string \[type/),
    ]);
    expect(r.responseProblems).toEqual([]);
  });

  it("rejects an unknown field in an additionalProperties:false request body", () => {
    const r = check({
      method: "POST",
      path: "/allowlist_identifiers",
      requestBody: { identifier: "a@b.test", colour: "red" },
      responseBody: { object: "allowlist_identifier", id: "alid_1", identifier: "a@b.test" },
    });
    expect(r.problems).toEqual([
      expect.stringMatching(
        /^CreateAllowlistIdentifier request body \/colour: is not allowed \(additionalProperties: false\)/,
      ),
    ]);
  });

  it("coerces query strings to their declared types and checks their bounds", () => {
    const list = { method: "GET", path: "/jwt_templates", responseBody: [] } as const;
    expect(check({ ...list, query: { limit: "5", offset: "0", paginated: "false" } }).problems).toEqual([]);
    expect(
      check({
        ...list,
        path: "/jwt_templates?limit=5&paginated=true",
        responseBody: { data: [], total_count: 0 },
      }).problems,
    ).toEqual([]);
    expect(check({ ...list, query: { limit: "1000" } }).problems).toEqual([
      expect.stringMatching(/^ListJWTTemplates request query \/limit: must be <= 500 \[maximum/),
    ]);
    expect(check({ ...list, query: { paginated: "yes" } }).problems).toEqual([
      expect.stringMatching(/^ListJWTTemplates request query \/paginated: must be boolean \[type/),
    ]);
    expect(check({ ...list, query: { colour: "red" } }).problems).toEqual([
      expect.stringMatching(/^ListJWTTemplates request query \/colour: is not allowed/),
    ]);
  });

  it("reads array query parameters by their declared style", () => {
    const list = {
      method: "GET",
      path: "/organization_domains",
      responseBody: { data: [], total_count: 0 },
    } as const;
    // enrollment_mode is `style: form, explode: false`: one comma-joined value.
    expect(
      check({ ...list, query: { enrollment_mode: "automatic_invitation,-enterprise_sso" } }).problems,
    ).toEqual([]);
    expect(
      check({ ...list, query: { enrollment_mode: "automatic_invitation,bogus" } }).problems.join("\n"),
    ).toMatch(/^ListAllOrganizationDomains request query \/enrollment_mode\/1: must be one of/);
  });

  it("requires a required request body and rejects a body where none is declared", () => {
    // UpdateDomain is one of the few covered operations whose requestBody says `required: true`.
    const update = check({ method: "PATCH", path: "/domains/dmn_1", status: 404, responseBody: undefined });
    expect(update.requestProblems).toEqual([
      expect.stringMatching(/^UpdateDomain request body \/: is required/),
    ]);
    const del = check({
      method: "DELETE",
      path: "/jwt_templates/jtmp_1",
      requestBody: { force: true },
      responseBody: { object: "jwt_template", id: "jtmp_1", deleted: true },
    });
    expect(del.problems).toEqual([
      expect.stringMatching(/^DeleteJWTTemplate request body \/: operation declares no request body/),
    ]);
  });
});

describe("path matching", () => {
  const id = (method: string, path: string) => {
    const m = matchOperation(method, path);
    return "operation" in m ? m.operation.operationId : m.error;
  };

  it("matches literal paths, with or without /v1", () => {
    expect(id("PATCH", "/instance/restrictions")).toBe("UpdateInstanceRestrictions");
    expect(id("PATCH", "/v1/instance/restrictions")).toBe("UpdateInstanceRestrictions");
  });

  it("matches templated paths and captures their parameters", () => {
    const m = matchOperation("GET", "/v1/jwt_templates/jtmp_123");
    expect("operation" in m && m.operation.operationId).toBe("GetJWTTemplate");
    expect("params" in m && m.params).toEqual({ template_id: "jtmp_123" });
  });

  it("prefers a literal segment over a templated one", () => {
    expect(id("GET", "/users/count")).toBe("GetUsersCount");
    expect(id("GET", "/users/user_123")).toBe("GetUser");
    expect(id("POST", "/api_keys/verify")).toBe("verifyApiKey");
  });

  it("reports unknown paths and methods", () => {
    expect(id("GET", "/nope")).toMatch(/no spec path matches \/nope/);
    expect(id("PUT", "/jwt_templates/jtmp_1")).toMatch(/has no PUT operation/);
    expect(check({ method: "GET", path: "/nope", status: 200, responseBody: {} }).problems).toEqual([
      expect.stringMatching(/no spec path matches/),
    ]);
    // Clerk answers unknown routes with a ClerkErrors 404; that is not drift.
    const notFound = {
      errors: [{ message: "not found", long_message: "no route", code: "resource_not_found" }],
    };
    expect(check({ method: "GET", path: "/nope", status: 404, responseBody: notFound }).problems).toEqual([]);
  });
});

describe("the spec file", () => {
  const saved = process.env[SPEC_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[SPEC_ENV];
    else process.env[SPEC_ENV] = saved;
  });

  it("is found inside the repository (or where CLERK_OPENAPI_SPEC says) and parses", () => {
    if (saved === undefined) {
      expect(specPath()).toBe(resolve(repoRoot(), "spec/clerk-openapi/bapi-2026-05-12.yml"));
    }
    expect(existsSync(specPath())).toBe(true);
    const spec = loadSpec();
    expect(spec.openapi).toBe("3.0.3");
    expect(spec.info.version).toBe("2026-05-12");
  });

  it("resolves a relative CLERK_OPENAPI_SPEC from the repository root, not the cwd", () => {
    process.env[SPEC_ENV] = "somewhere/spec.yml";
    expect(specPath()).toBe(resolve(repoRoot(), "somewhere/spec.yml"));
  });

  it("fails loudly, naming the path, when CLERK_OPENAPI_SPEC points nowhere", () => {
    process.env[SPEC_ENV] = "/nonexistent/clerk-spec.yml";
    expect(() => loadSpec()).toThrow(
      /Clerk OpenAPI spec not found at \/nonexistent\/clerk-spec\.yml \(CLERK_OPENAPI_SPEC=/,
    );
    expect(() => validateExchange({ method: "GET", path: "/jwt_templates", status: 200 })).toThrow(
      /not found/,
    );
  });
});
