import { describe, expect, it } from "vitest";
import { enterpriseConnectionDefinition } from "../../../provider/definitions/enterprise-connection";
import { makeHandlers } from "../../../provider/runtime/generic";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const p = makeHandlers(enterpriseConnectionDefinition, noClient);
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

const oidcBase = { name: "Corp", provider: "oidc_custom", domains: ["corp.example.com"] };
const SECRET = "oidc-client-secret-do-not-print";

describe("EnterpriseConnection check", () => {
  it("lowercases domains and derives organizationLinked from organizationId", async () => {
    const r = await p.check({}, { ...oidcBase, domains: ["Corp.Example.com"], organizationId: "org_1" });
    expect(r.inputs).toMatchObject({
      domains: ["corp.example.com"],
      organizationId: "org_1",
      organizationLinked: true,
    });
    expect((await p.check({}, oidcBase)).inputs).not.toHaveProperty("organizationLinked");
  });

  it("reports every failing field by name, nested ones with their path", async () => {
    const r = await p.check(
      {},
      {
        name: "Corp",
        provider: "oidc_custom",
        domains: [],
        saml: { idpSsoUrl: "https://idp.example.com" },
        oidc: { discoveryUrl: "nope", clientSecret: 42, unknownField: 1 },
        customAttributes: [{ name: "Dept", key: "_dept" }],
      },
    );
    expect(Object.keys(reasons(r.failures)).sort()).toEqual([
      "customAttributes[0].key",
      "domains",
      "oidc.clientSecret",
      "oidc.discoveryUrl",
      "oidc.unknownField",
    ]);
  });

  it("refuses a saml block on an OIDC provider and an oidc block on a SAML provider", async () => {
    const a = await p.check({}, { ...oidcBase, saml: {} });
    expect(reasons(a.failures).saml).toMatch(/only for saml_\* providers/);
    const b = await p.check({}, { ...oidcBase, provider: "saml_okta", oidc: { clientSecret: SECRET } });
    expect(reasons(b.failures).oidc).toMatch(/only for oidc_\* providers/);
    expect(JSON.stringify(b.failures)).not.toContain(SECRET);
  });

  it("never puts the client secret in a failure message", async () => {
    const r = await p.check({}, { ...oidcBase, name: "", oidc: { clientSecret: SECRET, clientId: "" } });
    expect(r.failures?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.failures)).not.toContain(SECRET);
  });
});

describe("EnterpriseConnection diff", () => {
  const state = {
    ...oidcBase,
    domains: ["b.example.com", "corp.example.com"],
    organizationId: "org_1",
    organizationLinked: true,
    active: true,
    oidc: {
      clientId: "cid",
      clientSecret: SECRET,
      discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
    },
    oauthConfig: { clientId: "cid" },
  };
  const declared = {
    ...oidcBase,
    domains: ["corp.example.com", "b.example.com"],
    organizationId: "org_1",
    organizationLinked: true,
    oidc: state.oidc,
  };

  it("sees no change for the same domains in another order", async () => {
    expect(await p.diff("id", state, declared)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("replaces (deleting first) for provider, and when organizationId is removed", async () => {
    expect((await p.diff("id", state, { ...declared, provider: "oidc_gitlab" })).replaces).toEqual([
      "provider",
    ]);
    const { organizationId: _o, organizationLinked: _l, ...unlinked } = declared;
    expect(await p.diff("id", state, unlinked)).toEqual({
      changes: true,
      replaces: ["organizationLinked"],
      deleteBeforeReplace: true,
    });
  });

  it("updates in place when organizationId changes or is first set", async () => {
    expect(await p.diff("id", state, { ...declared, organizationId: "org_2" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const { organizationId: _o, organizationLinked: _l, ...stateUnlinked } = state;
    expect(await p.diff("id", stateUnlinked, declared)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("updates in place when the write-only client secret changes", async () => {
    const r = await p.diff("id", state, { ...declared, oidc: { ...state.oidc, clientSecret: "rotated" } });
    expect(r).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
});
