import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, PRIMARY_DOMAIN_ID, PRIMARY_DOMAIN_NAME } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// OAuthApplication, Domain (satellite + adopted primary), SamlConnection and EnterpriseConnection under
// the real Pulumi engine: up, empty preview, refresh, secrets never in plaintext state (also after
// refresh, which records inputs too), rotation, in-place updates, replacements (unlinking an
// organization, another SAML provider), out-of-band edits and deletions, bad input at preview, destroy.
const KEY = "sk_test_e2e_part2_sso_0123456789";
const OIDC_SECRET = "e2e-oidc-client-secret-do-not-leak";

type Over = {
  rotate?: number;
  org?: string | null;
  samlName?: string;
  samlProvider?: string;
  satellite?: string;
};

const declared = (over: Over = {}) => ({
  resources: [
    {
      type: "OAuthApplication",
      name: "partner",
      args: {
        name: "partner",
        redirectUris: ["https://partner.example.com/cb"],
        scopes: ["profile", "email"],
        rotateSecret: over.rotate ?? 1,
      },
    },
    { type: "Domain", name: "satellite", args: { name: over.satellite ?? "sat.example.com" } },
    { type: "Domain", name: "primary", args: { name: PRIMARY_DOMAIN_NAME, importId: PRIMARY_DOMAIN_ID } },
    {
      type: "SamlConnection",
      name: "okta",
      args: {
        name: over.samlName ?? "Okta",
        provider: over.samlProvider ?? "saml_okta",
        domains: ["okta.example.com"],
        idpMetadataUrl: "https://idp.example.com/metadata",
        active: true,
      },
    },
    {
      type: "EnterpriseConnection",
      name: "corp",
      // Deliberately not wrapped in pulumi.secret: the class must make it secret itself.
      args: {
        name: "Corp",
        provider: "oidc_custom",
        domains: ["corp.example.com"],
        ...(over.org === null ? {} : { organizationId: over.org ?? "org_1" }),
        oidc: {
          clientId: "cid",
          clientSecret: OIDC_SECRET,
          discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
        },
      },
    },
  ],
});

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({ name: "part2-sso", secretKey: KEY, params: declared() }));
});

afterAll(() => closeClerkStack(stack, emu));

const oauthSecret = () => emu.store.oauthApplications.list()[0]?.client_secret ?? "missing";

async function expectNoPlaintextSecrets() {
  const state = await stack.exportState();
  expect(state.text).not.toContain(KEY);
  expect(state.text).not.toContain(OIDC_SECRET);
  expect(state.text).not.toContain(oauthSecret());
  return state;
}

describe("OAuthApplication, Domain, SamlConnection, EnterpriseConnection under the real engine", () => {
  it("up creates them, adopts the primary domain, and an immediate preview is empty with no request", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(6);
    expect(emu.store.oauthApplications.size).toBe(1);
    expect(emu.store.domains.size).toBe(2);
    expect(emu.store.samlConnections.list()[0]?.active).toBe(true);
    expect(emu.store.enterpriseConnections.list()[0]?.oidc?.client_secret).toBe(OIDC_SECRET);

    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("the state holds the OAuth client secret and the OIDC secret only encrypted", async () => {
    const state = await expectNoPlaintextSecrets();
    const oauth = state.resources.find((r) => r.urn.endsWith("::partner"));
    expect(oauth?.outputs?.clientSecret).toHaveProperty("ciphertext");
    const corp = state.resources.find((r) => r.urn.endsWith("::corp"));
    expect(corp?.outputs?.oidc).toHaveProperty("ciphertext");
    expect(corp?.inputs?.oidc).toHaveProperty("ciphertext");
  });

  it("refresh sees an out-of-band edit, keeps the secrets encrypted and out of the inputs, and up restores", async () => {
    const app = emu.store.oauthApplications.list()[0];
    emu.store.oauthApplications.update(app?.id ?? "", { name: "renamed-in-dashboard" });
    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1 });
    const state = await expectNoPlaintextSecrets();
    const oauth = state.resources.find((r) => r.urn.endsWith("::partner"));
    expect(oauth?.outputs?.name).toBe("renamed-in-dashboard");
    expect(oauth?.outputs?.clientSecret).toHaveProperty("ciphertext");
    // The kept secret is an output only: refresh must not record it among the inputs, where the engine
    // would store it without the secret mark.
    expect(oauth?.inputs).not.toHaveProperty("clientSecret");

    const up = await stack.up();
    expect(up.summary).toMatchObject({ update: 1, create: 0, delete: 0, replace: 0 });
    expect(emu.store.oauthApplications.list()[0]?.name).toBe("partner");
    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ update: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("changing rotateSecret rotates the client secret; the new one is in state, encrypted", async () => {
    const before = oauthSecret();
    const up = await stack.up({ params: declared({ rotate: 2 }) });
    expect(up.summary).toMatchObject({ update: 1 });
    expect(oauthSecret()).not.toBe(before);
    await expectNoPlaintextSecrets();
  });

  it("removing organizationId from an enterprise connection replaces it (old one deleted first)", async () => {
    const oldId = emu.store.enterpriseConnections.list()[0]?.id;
    const up = await stack.up({ params: declared({ rotate: 2, org: null }) });
    expect(up.summary).toMatchObject({ replace: 1 });
    const now = emu.store.enterpriseConnections.list();
    expect(now.map((c) => c.id)).not.toContain(oldId);
    expect(now.map((c) => c.organization_id)).toEqual([null]);
  });

  const later: Over = { rotate: 2, org: null };

  it("renaming the SAML connection and the satellite domain updates them in place", async () => {
    const samlId = emu.store.samlConnections.list()[0]?.id;
    const up = await stack.up({
      params: declared({ ...later, samlName: "Okta SSO", satellite: "eu.example.com" }),
    });
    expect(up.summary).toMatchObject({ update: 2, replace: 0, create: 0, delete: 0 });
    expect(emu.store.samlConnections.list().map((c) => [c.id, c.name])).toEqual([[samlId, "Okta SSO"]]);
    expect(emu.store.domains.list().map((d) => d.name)).toContain("eu.example.com");
    Object.assign(later, { samlName: "Okta SSO", satellite: "eu.example.com" });
  });

  it("changing the SAML provider replaces the connection, deleting the old one first", async () => {
    const oldId = emu.store.samlConnections.list()[0]?.id;
    const up = await stack.up({ params: declared({ ...later, samlProvider: "saml_custom" }) });
    expect(up.summary).toMatchObject({ replace: 1 });
    const now = emu.store.samlConnections.list();
    expect(now.map((c) => c.provider)).toEqual(["saml_custom"]);
    expect(now.map((c) => c.id)).not.toContain(oldId);
    later.samlProvider = "saml_custom";
  });

  it("refresh finds a deleted satellite and an edited SAML connection; up restores both", async () => {
    const sat = emu.store.domains.find((d) => d.name === "eu.example.com");
    const saml = emu.store.samlConnections.list()[0];
    emu.store.domains.delete(sat?.id ?? "");
    emu.store.samlConnections.update(saml?.id ?? "", { name: "renamed in dashboard" });
    expect((await stack.refresh()).summary).toMatchObject({ update: 1, delete: 1 });
    expect((await stack.up()).summary).toMatchObject({ create: 1, update: 1, delete: 0, replace: 0 });
    expect(emu.store.samlConnections.list().map((c) => c.name)).toEqual(["Okta SSO"]);
    expect(emu.store.domains.list().map((d) => d.name)).toContain("eu.example.com");
    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it.each([
    [
      "bad-oauth",
      { type: "OAuthApplication", args: { name: "x", redirectUris: ["not a url"] } },
      /OAuthApplication\.redirectUris\[0\]/,
    ],
    [
      "bad-domain",
      { type: "Domain", args: { name: "x.example.com", isSatellite: false } },
      /Domain\.isSatellite/,
    ],
    [
      "bad-saml",
      { type: "SamlConnection", args: { name: "x", provider: "saml_nope", domains: ["a.example.com"] } },
      /SamlConnection\.provider/,
    ],
    [
      "bad-enterprise",
      { type: "EnterpriseConnection", args: { name: "x", provider: "oidc_custom", domains: [] } },
      /EnterpriseConnection\.domains/,
    ],
  ] as const)(
    "bad input (%s) fails at preview naming the resource and the field, with no request",
    async (name, decl, field) => {
      emu.clearRequests();
      const good = declared(later);
      const outcome = await stack.attempt("preview", {
        params: { resources: [...good.resources, { ...decl, name }] },
      });
      expect(outcome.ok).toBe(false);
      const message = outcome.ok ? "" : outcome.message;
      expect(message).toContain(`resource '${name}'`);
      expect(message).toMatch(field);
      expect(emu.requests()).toEqual([]);
      stack.params = good;
    },
  );

  it("destroy deletes everything but the primary domain, which it only forgets, and says so", async () => {
    const destroy = await stack.destroy();
    expect(emu.store.oauthApplications.size).toBe(0);
    expect(emu.store.samlConnections.size).toBe(0);
    expect(emu.store.enterpriseConnections.size).toBe(0);
    expect(emu.store.domains.list().map((d) => d.id)).toEqual([PRIMARY_DOMAIN_ID]);
    const said = [destroy.stdout, destroy.stderr, ...destroy.diagnostics.map((d) => d.message)].join("\n");
    expect(said).toMatch(/primary domain.*removed from the stack and left unchanged in Clerk/);
  });
});
