import { afterEach, describe, expect, it } from "vitest";
import { formatTally, isCovered, record, recordedProblems, resetRecorder, tally } from "./recorder";

// These tests feed the recorder directly; reset it so the contract setup's afterAll does not report them.
afterEach(() => resetRecorder());

const template = {
  object: "jwt_template",
  id: "jtmp_1",
  name: "n",
  claims: {},
  lifetime: 60,
  allowed_clock_skew: 5,
  custom_signing_key: false,
  signing_algorithm: "RS256",
  created_at: 1,
  updated_at: 2,
};
const clerkErrors = { errors: [{ message: "m", long_message: "l", code: "form_param_unknown" }] };

describe("recorder", () => {
  it("counts an invalid request the server accepted", () => {
    record({
      method: "POST",
      path: "/jwt_templates",
      status: 200,
      requestBody: { claims: {} },
      responseBody: template,
    });
    expect(recordedProblems()).toEqual([
      expect.stringMatching(/CreateJWTTemplate request body \/name: is required/),
    ]);
  });

  it("does not count an invalid request the server rejected with a valid ClerkErrors answer", () => {
    record({
      method: "POST",
      path: "/jwt_templates",
      status: 422,
      requestBody: { claims: {} },
      responseBody: clerkErrors,
    });
    expect(recordedProblems()).toEqual([]);
    record({
      method: "POST",
      path: "/jwt_templates",
      status: 422,
      requestBody: { claims: {} },
      responseBody: {},
    });
    expect(recordedProblems()).toEqual([
      expect.stringMatching(/CreateJWTTemplate response 422 body \/errors: is required/),
    ]);
  });

  it("turns a validator failure into a problem (the emulator swallows listener errors)", () => {
    const saved = process.env.CLERK_OPENAPI_SPEC;
    process.env.CLERK_OPENAPI_SPEC = "/nonexistent.yml";
    try {
      record({ method: "GET", path: "/jwt_templates", status: 200, responseBody: [] });
    } finally {
      if (saved === undefined) delete process.env.CLERK_OPENAPI_SPEC;
      else process.env.CLERK_OPENAPI_SPEC = saved;
    }
    expect(recordedProblems()).toEqual([
      expect.stringMatching(/contract validator failed: .*spec not found/),
    ]);
  });

  it("tallies exercised operations against the spec and the covered groups", () => {
    record({ method: "GET", path: "/jwt_templates", status: 200, responseBody: [template] });
    record({
      method: "GET",
      path: "/users/count",
      status: 200,
      responseBody: { object: "total_count", total_count: 0 },
    });
    const t = tally();
    expect(t.total).toBeGreaterThan(200);
    expect(t.exercised).toBe(2);
    expect(t.exercisedCovered).toBe(1);
    expect(formatTally(t)).toMatch(
      new RegExp(
        `^2 of ${t.total} spec operations exercised \\(1 of ${t.coveredTotal} in the covered groups\\)`,
      ),
    );
  });

  it("knows the covered groups", () => {
    expect(isCovered("PATCH", "/instance/restrictions")).toBe(true);
    expect(isCovered("PATCH", "/instance")).toBe(true);
    expect(isCovered("GET", "/organization_roles")).toBe(true);
    expect(isCovered("POST", "/organization_roles")).toBe(true);
    expect(isCovered("POST", "/role_sets/{role_set_key_or_id}/replace")).toBe(true);
    expect(isCovered("POST", "/oauth_applications/access_tokens/verify")).toBe(false);
    expect(isCovered("GET", "/organization_domains")).toBe(true);
    expect(isCovered("GET", "/organizations/{organization_id}/memberships")).toBe(false);
    expect(isCovered("DELETE", "/domains/{domain_id}")).toBe(true);
    expect(isCovered("DELETE", "/machines/{machine_id}/scopes/{other_machine_id}")).toBe(true);
    expect(isCovered("PUT", "/scim_directories/{scim_directory_id}/group_role_mappings")).toBe(true);
    expect(isCovered("POST", "/webhooks/svix_url")).toBe(true);
    const t = tally();
    // 3 allow-list + 3 block-list + 4 redirect + 5 JWT + 5 SAML + 7 enterprise (with test runs)
    // + 8 OAuth apps + 4 domains + 12 /instance* + 7 roles + 5 permissions + 7 role sets
    // + 13 organizations and their domains + 9 machines (scopes and secret key included)
    // + 10 SCIM directories (group-role mappings included) + 3 Svix, as the spec stands at 2026-05-12.
    expect(t.coveredTotal).toBe(105);
  });
});
