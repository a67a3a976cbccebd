import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { deleteMadeObjects } from "../../support/made-objects";
import { useRuntimeEmulator } from "../../support/runtime-emulator";
import { OKTA_SAML_INPUTS } from "../../support/saml-inputs";

// Issue 16, conflicts with the world: an object the program declares already exists in Clerk (made by
// hand or by another stack). Clerk refuses the create as a duplicate; the error keeps Clerk's refusal,
// names the existing object's id and says how to adopt it, and nothing in Clerk changes.
const KEY = "sk_test_reliability_conflicts";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  deleteMadeObjects(emu.store);
  emu.clearRequests();
});

const saml = OKTA_SAML_INPUTS;

// Every resource type with a natural key whose duplicates Clerk refuses, with the status the emulator
// answers (the spec declares 409 for the connections, nothing for the others, which answer 422).
const cases = [
  { type: "AllowlistIdentifier", inputs: { identifier: "ceo@example.com" }, status: 422 },
  { type: "BlocklistIdentifier", inputs: { identifier: "spam@example.net" }, status: 422 },
  { type: "RedirectUrl", inputs: { url: "myapp://cb" }, status: 422 },
  { type: "JwtTemplate", inputs: { name: "supabase", claims: { r: 1 } }, status: 422 },
  { type: "Domain", inputs: { name: "sat.example.com", isSecondary: true }, status: 422 },
  { type: "SamlConnection", inputs: saml, status: 409 },
  {
    type: "OrganizationPermission",
    inputs: { key: "org:invoices:read", name: "Read invoices" },
    status: 422,
  },
  { type: "OrganizationRole", inputs: { key: "org:billing", name: "Billing" }, status: 422 },
  {
    type: "RoleSet",
    inputs: {
      key: "role_set:finance",
      name: "Finance",
      roles: ["org:admin", "org:member"],
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
    },
    status: 422,
  },
  {
    type: "EnterpriseConnection",
    inputs: {
      name: "Corp",
      provider: "oidc_custom",
      domains: ["corp.example.com"],
      oidc: {
        clientId: "cid",
        clientSecret: "oidc-secret-conflicts-1",
        discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
      },
    },
    status: 409,
  },
] as const;

const writes = () => emu.requests().filter((r) => r.method !== "GET");

describe.each(cases)("$type declared while Clerk already holds it", ({ type, inputs, status }) => {
  const p = provider(type);
  const checked = async () => (await p.check({}, inputs)).inputs ?? {};

  it("the create fails with Clerk's refusal, the existing id and the importId line; nothing changes", async () => {
    const news = await checked();
    // Made outside this stack (by hand, or by another stack's `up`).
    const existing = await p.create(news);
    emu.clearRequests();

    const failure = await p.create(news).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.message).toMatch(new RegExp(`^create ${type} failed: Clerk API ${status} POST `));
    expect(failure?.message).toContain("form_identifier_exists");
    expect(failure?.message).toMatch(/\(trace [^)]+\)/);
    expect(failure?.message).toContain(`already exists in Clerk as "${existing.id}"`);
    expect(failure?.message).toContain(`importId: "${existing.id}"`);
    // One refused POST, then reads only: the existing object is neither changed nor deleted.
    expect(writes().map((r) => [r.method, r.status])).toEqual([["POST", status]]);
    expect((await p.read(existing.id, existing.outs ?? {})).id).toBe(existing.id);

    // Following the hint adopts it: the same object, no new one.
    const adopted = await p.create({ ...news, importId: existing.id });
    expect(adopted.id).toBe(existing.id);
    expect(writes().filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("a duplicate the natural-key lookup cannot pin down", () => {
  it("keeps Clerk's refusal as it is (a SAML connection whose domain another connection uses)", async () => {
    const p = provider("SamlConnection");
    await p.create((await p.check({}, saml)).inputs ?? {});
    const other = (await p.check({}, { ...saml, name: "Other IdP" })).inputs ?? {};
    const failure = await p.create(other).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(failure?.message).toMatch(
      /^create SamlConnection failed: Clerk API 409 POST .*form_identifier_exists/,
    );
    expect(failure?.message).not.toContain("importId");
    expect(emu.store.samlConnections.list().map((c) => c.name)).toEqual(["Okta"]);
  });
});
