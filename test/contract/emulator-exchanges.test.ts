// Drives one representative request per covered spec operation against a real emulator with raw fetch
// (no sdk, so the wire format is exactly what is asserted) and checks every exchange against the spec.
// It validates on its own (emulator.onExchange) so it does not depend on setup.ts being registered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, type RequestLogEntry, startEmulator } from "../../emulator/index";
import { allRoutes } from "../../emulator/routes";
import { specOperations, validateExchange } from "./openapi";
import { formatTally, tally } from "./recorder";

const KEY = "Bearer sk_test_contract";

interface Step {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Spec template; `{…}` segments are filled from `ids`. */
  template: string;
  query?: Record<string, string>;
  body?: unknown;
  multipart?: boolean;
  /** The success status the spec declares; null when any declared status is a fine answer. */
  expect: number | null;
  /** Store the response's `id` under this name for later steps. */
  save?: string;
}

const png = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);

// Order matters: creates first, then reads/updates, deletes last in each group.
const STEPS: Step[] = [
  // allow-list / block-list
  {
    method: "POST",
    template: "/allowlist_identifiers",
    body: { identifier: "contract@example.com" },
    expect: 200,
    save: "allow",
  },
  { method: "GET", template: "/allowlist_identifiers", query: { limit: "10", offset: "0" }, expect: 200 },
  { method: "DELETE", template: "/allowlist_identifiers/{allow}", expect: 200 },
  {
    method: "POST",
    template: "/blocklist_identifiers",
    body: { identifier: "blocked@example.com" },
    expect: 200,
    save: "block",
  },
  { method: "GET", template: "/blocklist_identifiers", expect: 200 },
  { method: "DELETE", template: "/blocklist_identifiers/{block}", expect: 200 },
  // redirect URLs
  {
    method: "POST",
    template: "/redirect_urls",
    body: { url: "https://contract.example.com/callback" },
    expect: 200,
    save: "redirect",
  },
  { method: "GET", template: "/redirect_urls", query: { paginated: "false" }, expect: 200 },
  { method: "GET", template: "/redirect_urls/{redirect}", expect: 200 },
  { method: "DELETE", template: "/redirect_urls/{redirect}", expect: 200 },
  // JWT templates
  {
    method: "POST",
    template: "/jwt_templates",
    body: { name: "contract", claims: { aud: "contract" }, lifetime: 60, allowed_clock_skew: 5 },
    expect: 200,
    save: "jwt",
  },
  { method: "GET", template: "/jwt_templates", expect: 200 },
  { method: "GET", template: "/jwt_templates/{jwt}", expect: 200 },
  {
    method: "PATCH",
    template: "/jwt_templates/{jwt}",
    body: { name: "contract-2", claims: { aud: "x" } },
    expect: 200,
  },
  { method: "DELETE", template: "/jwt_templates/{jwt}", expect: 200 },
  // SAML connections (deprecated, still in the spec)
  {
    method: "POST",
    template: "/saml_connections",
    body: { name: "Contract SAML", provider: "saml_custom", domains: ["saml.contract.test"] },
    expect: 200,
    save: "saml",
  },
  { method: "GET", template: "/saml_connections", expect: 200 },
  { method: "GET", template: "/saml_connections/{saml}", expect: 200 },
  { method: "PATCH", template: "/saml_connections/{saml}", body: { name: "Contract SAML 2" }, expect: 200 },
  { method: "DELETE", template: "/saml_connections/{saml}", expect: 200 },
  // enterprise connections
  {
    method: "POST",
    template: "/enterprise_connections",
    body: { name: "Contract SSO", provider: "saml_custom", domains: ["sso.contract.test"] },
    expect: 201,
    save: "ent",
  },
  { method: "GET", template: "/enterprise_connections", expect: 200 },
  { method: "GET", template: "/enterprise_connections/{ent}", expect: 200 },
  {
    method: "PATCH",
    template: "/enterprise_connections/{ent}",
    body: { name: "Contract SSO 2" },
    expect: 200,
  },
  { method: "POST", template: "/enterprise_connections/{ent}/test_runs", expect: 200 },
  { method: "GET", template: "/enterprise_connections/{ent}/test_runs", expect: 200 },
  { method: "DELETE", template: "/enterprise_connections/{ent}", expect: 200 },
  // OAuth applications
  {
    method: "POST",
    template: "/oauth_applications",
    body: {
      name: "Contract app",
      redirect_uris: ["https://contract.example.com/cb"],
      scopes: "profile email",
    },
    expect: 200,
    save: "oauth",
  },
  { method: "GET", template: "/oauth_applications", expect: 200 },
  { method: "GET", template: "/oauth_applications/{oauth}", expect: 200 },
  { method: "PATCH", template: "/oauth_applications/{oauth}", body: { name: "Contract app 2" }, expect: 200 },
  { method: "PUT", template: "/oauth_applications/{oauth}/logo", multipart: true, expect: 200 },
  { method: "POST", template: "/oauth_applications/{oauth}/rotate_secret", expect: 200 },
  // An unknown token is a fine thing to revoke for the contract: any declared answer will do.
  {
    method: "POST",
    template: "/oauth_applications/{oauth}/revoke_token",
    body: { token: "oat_unknown" },
    expect: null,
  },
  { method: "DELETE", template: "/oauth_applications/{oauth}", expect: 200 },
  // domains
  { method: "GET", template: "/domains", expect: 200 },
  {
    method: "POST",
    template: "/domains",
    body: { name: "satellite.contract.test", is_satellite: true },
    expect: 200,
    save: "domain",
  },
  { method: "PATCH", template: "/domains/{domain}", body: { name: "satellite2.contract.test" }, expect: 200 },
  { method: "DELETE", template: "/domains/{domain}", expect: 200 },
  // instance settings
  { method: "GET", template: "/instance", expect: 200 },
  { method: "PATCH", template: "/instance", body: { support_email: "support@contract.test" }, expect: 204 },
  {
    method: "PATCH",
    template: "/instance/restrictions",
    body: { allowlist: false, blocklist: false },
    expect: 200,
  },
  { method: "GET", template: "/instance/protect", expect: 200 },
  { method: "PATCH", template: "/instance/protect", body: { rules_enabled: false }, expect: 200 },
  { method: "GET", template: "/instance/communication", expect: 200 },
  {
    method: "PATCH",
    template: "/instance/communication",
    body: { blocked_country_codes: ["KP"] },
    expect: 200,
  },
  { method: "GET", template: "/instance/oauth_application_settings", expect: 200 },
  {
    method: "PATCH",
    template: "/instance/oauth_application_settings",
    body: { dynamic_oauth_client_registration: false },
    expect: 200,
  },
  // A development instance may refuse a production domain change; the answer must still be in the spec.
  {
    method: "POST",
    template: "/instance/change_domain",
    body: { home_url: "https://contract.example.com" },
    expect: null,
  },
  { method: "GET", template: "/instance/organization_settings", expect: 200 },
  {
    method: "PATCH",
    template: "/instance/organization_settings",
    body: { max_allowed_memberships: 5 },
    expect: 200,
  },
  // organization roles (list only, for role keys)
  { method: "GET", template: "/organization_roles", query: { limit: "10" }, expect: 200 },
  // organizations (enabled first) and their domains
  { method: "PATCH", template: "/instance/organization_settings", body: { enabled: true }, expect: 200 },
  {
    method: "POST",
    template: "/organizations",
    body: {
      name: "Contract Org",
      slug: "contract-org",
      public_metadata: { a: 1 },
      max_allowed_memberships: 3,
    },
    expect: 200,
    save: "org",
  },
  { method: "GET", template: "/organizations", query: { limit: "10", order_by: "-created_at" }, expect: 200 },
  { method: "GET", template: "/organizations/{org}", query: { include_members_count: "true" }, expect: 200 },
  {
    method: "PATCH",
    template: "/organizations/{org}",
    body: { name: "Contract Org 2", admin_delete_enabled: false },
    expect: 200,
  },
  {
    method: "PUT",
    template: "/organizations/{org}/metadata",
    body: { public_metadata: { b: 2 }, private_metadata: { c: 3 } },
    expect: 200,
  },
  {
    method: "PATCH",
    template: "/organizations/{org}/metadata",
    body: { public_metadata: { b: null, d: { e: 1 } } },
    expect: 200,
  },
  {
    method: "POST",
    template: "/organizations/{org}/domains",
    body: { name: "contract.example.com", enrollment_mode: "automatic_invitation", verified: true },
    expect: 200,
    save: "orgDomain",
  },
  { method: "GET", template: "/organizations/{org}/domains", query: { verified: "true" }, expect: 200 },
  {
    method: "GET",
    template: "/organization_domains",
    query: { domains: "contract.example.com", order_by: "name" },
    expect: 200,
  },
  {
    method: "PATCH",
    template: "/organizations/{org}/domains/{orgDomain}",
    body: { enrollment_mode: "automatic_suggestion" },
    expect: 200,
  },
  { method: "POST", template: "/organizations/{org}/domains/{orgDomain}/verify_ownership", expect: 200 },
  { method: "DELETE", template: "/organizations/{org}/domains/{orgDomain}", expect: 200 },
  { method: "DELETE", template: "/organizations/{org}", expect: 200 },
  // machines and their scopes
  { method: "POST", template: "/machines", body: { name: "contract-api" }, expect: 200, save: "mchApi" },
  {
    method: "POST",
    template: "/machines",
    body: { name: "contract-worker", default_token_ttl: 600, scoped_machines: [] },
    expect: 200,
    save: "mchWorker",
  },
  { method: "GET", template: "/machines", query: { limit: "10", offset: "0" }, expect: 200 },
  { method: "GET", template: "/machines/{mchWorker}", expect: 200 },
  { method: "PATCH", template: "/machines/{mchWorker}", body: { default_token_ttl: 900 }, expect: 200 },
  {
    method: "POST",
    template: "/machines/{mchWorker}/scopes",
    body: { to_machine_id: "{mchApi}" },
    expect: 200,
  },
  {
    method: "POST",
    template: "/machines/{mchWorker}/scopes",
    body: { to_machine_id: "{mchApi}" },
    expect: 409,
  },
  { method: "GET", template: "/machines/{mchWorker}/secret_key", expect: 200 },
  {
    method: "POST",
    template: "/machines/{mchWorker}/secret_key/rotate",
    body: { previous_token_ttl: 60 },
    expect: 200,
  },
  { method: "DELETE", template: "/machines/{mchWorker}/scopes/{mchApi}", expect: 200 },
  { method: "DELETE", template: "/machines/{mchWorker}", expect: 200 },
  { method: "DELETE", template: "/machines/{mchApi}", expect: 200 },
  { method: "GET", template: "/machines/{mchApi}", expect: 404 },
  // SCIM directories (on an enterprise connection) and their group-to-role mappings
  {
    method: "POST",
    template: "/enterprise_connections",
    body: { name: "SCIM contract", provider: "saml_okta", domains: ["scim.contract.test"] },
    expect: null,
    save: "scimConn",
  },
  {
    method: "POST",
    template: "/scim_directories",
    body: { enterprise_connection_id: "{scimConn}", provider: "okta", name: "Contract directory" },
    expect: 200,
    save: "scim",
  },
  { method: "GET", template: "/scim_directories", expect: 200 },
  { method: "GET", template: "/scim_directories/{scim}", expect: 200 },
  {
    method: "PATCH",
    template: "/scim_directories/{scim}",
    body: { group_role_mapping_enabled: true, attribute_mapping: { user_name: null } },
    expect: 200,
  },
  {
    method: "PUT",
    template: "/scim_directories/{scim}/group_role_mappings",
    body: { mappings: [{ scim_group_id: "admins", role_id: "role_orgadmin0000000000000000000" }] },
    expect: 200,
  },
  {
    method: "POST",
    template: "/scim_directories/{scim}/group_role_mappings",
    body: { scim_group_id: "staff", role_id: "role_orgmember000000000000000000" },
    expect: 200,
    save: "scimMapping",
  },
  { method: "GET", template: "/scim_directories/{scim}/group_role_mappings", expect: 200 },
  { method: "DELETE", template: "/scim_directories/{scim}/group_role_mappings/{scimMapping}", expect: 200 },
  { method: "POST", template: "/scim_directories/{scim}/rotate_api_key", expect: 200 },
  { method: "DELETE", template: "/scim_directories/{scim}", expect: 200 },
  // the instance's Svix app (webhooks)
  { method: "POST", template: "/webhooks/svix_url", expect: 400 },
  { method: "POST", template: "/webhooks/svix", expect: 200 },
  { method: "POST", template: "/webhooks/svix_url", expect: 200 },
  { method: "DELETE", template: "/webhooks/svix", expect: 204 },
  // the authorization model: permissions, roles, role-permission assignment, role sets
  {
    method: "POST",
    template: "/organization_permissions",
    body: { name: "Read invoices", key: "org:invoices:read", description: "See invoices" },
    expect: 200,
    save: "perm",
  },
  { method: "GET", template: "/organization_permissions", query: { limit: "10" }, expect: 200 },
  { method: "GET", template: "/organization_permissions/{perm}", expect: 200 },
  {
    method: "PATCH",
    template: "/organization_permissions/{perm}",
    body: { name: "View invoices" },
    expect: 200,
  },
  {
    method: "POST",
    template: "/organization_roles",
    body: { name: "Billing", key: "org:billing", description: null, permissions: [] },
    expect: 200,
    save: "role",
  },
  { method: "GET", template: "/organization_roles/{role}", expect: 200 },
  { method: "PATCH", template: "/organization_roles/{role}", body: { description: "Pays" }, expect: 200 },
  { method: "POST", template: "/organization_roles/{role}/permissions/{perm}", expect: 200 },
  { method: "DELETE", template: "/organization_roles/{role}/permissions/{perm}", expect: 200 },
  {
    method: "POST",
    template: "/role_sets",
    body: {
      name: "Contract",
      key: "role_set:contract",
      default_role_key: "org:member",
      creator_role_key: "org:admin",
      roles: ["org:admin", "org:member"],
    },
    expect: 200,
    save: "set",
  },
  { method: "GET", template: "/role_sets", query: { limit: "10" }, expect: 200 },
  { method: "GET", template: "/role_sets/{set}", expect: 200 },
  { method: "PATCH", template: "/role_sets/{set}", body: { description: "For contract tests" }, expect: 200 },
  { method: "POST", template: "/role_sets/{set}/roles", body: { role_keys: ["org:billing"] }, expect: 200 },
  {
    method: "POST",
    template: "/role_sets/{set}/roles/replace",
    body: { role_key: "org:billing", to_role_key: "org:member" },
    expect: 200,
  },
  {
    method: "POST",
    template: "/role_sets/{set}/replace",
    body: { dest_role_set_key: "role_set:default" },
    expect: 200,
  },
  { method: "DELETE", template: "/organization_roles/{role}", expect: 200 },
  { method: "DELETE", template: "/organization_permissions/{perm}", expect: 200 },
];

/** Whether the emulator has a route for this operation (routes are written with the spec's templates). */
function implemented(operationId: string | null): boolean {
  const op = specOperations().find((o) => o.operationId === operationId);
  return op !== undefined && allRoutes.some((r) => r.method === op.method && r.path === op.path);
}

describe("every emulator exchange validates against Clerk's OpenAPI spec", () => {
  let emulator: Emulator;
  const outcomes: Array<{
    step: Step;
    entry: RequestLogEntry;
    problems: string[];
    operationId: string | null;
  }> = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    const ids: Record<string, string> = {};
    for (const step of STEPS) {
      const path = step.template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `missing_${name}`);
      const qs = step.query ? `?${new URLSearchParams(step.query)}` : "";
      const init: RequestInit = { method: step.method, headers: { authorization: KEY } };
      if (step.multipart) {
        const form = new FormData();
        form.append("file", new Blob([png], { type: "image/png" }), "logo.png");
        init.body = form;
      } else if (step.body !== undefined) {
        // `"{name}"` in a body is a saved id too (a scope names another machine).
        init.body = JSON.stringify(step.body).replace(/"\{(\w+)\}"/g, (_, name: string) =>
          JSON.stringify(ids[name] ?? `missing_${name}`),
        );
        init.headers = { authorization: KEY, "content-type": "application/json" };
      }
      const before = emulator.requests().length;
      const res = await fetch(`${emulator.url}${path}${qs}`, init);
      const text = await res.text();
      if (step.save && res.ok) ids[step.save] = (JSON.parse(text) as { id: string }).id;
      const entry = emulator.requests()[before];
      if (!entry) throw new Error(`the emulator logged no exchange for ${step.method} ${path}`);
      const result = validateExchange(entry);
      outcomes.push({ step, entry, problems: result.problems, operationId: result.operationId });
    }
    // About 200 requests, each validated against the spec: on a 2-core machine shared with the
    // engine tiers this can outlast the default 10 s hook limit, and its tests would be skipped.
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
  });

  it("drives one request per covered operation", () => {
    const t = tally();
    const covered = t.operations.filter((o) => o.covered).map((o) => o.operationId);
    const driven = new Set(outcomes.map((o) => o.operationId));
    expect(covered.filter((id) => !driven.has(id))).toEqual([]);
  });

  it("finds no request or response the spec does not allow", () => {
    const problems = outcomes.flatMap((o) =>
      o.problems.map((p) => `${o.entry.method} ${o.entry.path} → ${o.entry.status}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("answers every operation the emulator routes with its declared success status", () => {
    const wrong = outcomes
      .filter((o) => o.step.expect !== null && implemented(o.operationId) && o.entry.status !== o.step.expect)
      .map(
        (o) =>
          `${o.operationId}: ${o.entry.status} (expected ${o.step.expect}) ${JSON.stringify(o.entry.responseBody)?.slice(0, 300)}`,
      );
    expect(wrong).toEqual([]);
  });

  it("prints the tally", () => {
    const counts = new Map<string, { count: number; ok: number }>();
    for (const o of outcomes) {
      if (!o.operationId) continue;
      const c = counts.get(o.operationId) ?? { count: 0, ok: 0 };
      c.count++;
      if (o.entry.status >= 200 && o.entry.status < 300) c.ok++;
      counts.set(o.operationId, c);
    }
    const t = tally(counts);
    const unrouted = outcomes.filter((o) => !implemented(o.operationId)).map((o) => o.operationId);
    console.log(
      `${formatTally(t)}; ${t.operations.filter((o) => o.covered && o.ok > 0).length} answered 2xx\n` +
        (unrouted.length > 0
          ? `not routed by the emulator yet (answered 404/405): ${unrouted.join(", ")}`
          : ""),
    );
    expect(t.exercisedCovered).toBe(t.coveredTotal);
  });
});
