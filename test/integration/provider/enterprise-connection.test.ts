import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import {
  IDP_CERT_ONE,
  IDP_CERT_TWO,
  ISSUED_AT,
  ONE_EXPIRES_AT,
  TWO_EXPIRES_AT,
} from "../../support/certificate";
import { requestLines, useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_enterprise_connection_integration";
const SECRET = "oidc-client-secret-7f3a";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const calls = () => requestLines(emu);

describe("EnterpriseConnection", () => {
  const p = provider("EnterpriseConnection");
  const oidcInputs = {
    name: "Corp OIDC",
    provider: "oidc_custom",
    domains: ["Corp.Example.com"],
    organizationId: "org_123",
    active: true,
    oidc: {
      clientId: "cid",
      clientSecret: SECRET,
      discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
    },
  };

  it("OIDC: creates (201), keeps the write-only client secret from state, sees out-of-band edits, updates, deletes", async () => {
    const checked = (await p.check({}, oidcInputs)).inputs ?? {};
    const { id, outs } = await p.create(checked);
    expect(emu.requests()[0]?.status).toBe(201);
    // Clerk never answers with the secret...
    expect(JSON.stringify(emu.requests().map((r) => r.responseBody))).not.toContain(SECRET);
    expect(outs).toMatchObject({
      domains: ["corp.example.com"],
      organizationId: "org_123",
      organizationLinked: true,
      oidc: { clientSecret: SECRET, clientId: "cid" },
      oauthConfig: {
        clientId: "cid",
        authUrl: "https://idp.example.com/authorize",
        providerKey: "oidc_custom",
      },
    });
    // ...and the outputs that are not the (secret) oidc block do not hold it either.
    const { oidc: _oidc, ...rest } = outs ?? {};
    expect(JSON.stringify(rest)).not.toContain(SECRET);
    expect((await p.diff(id, outs ?? {}, checked)).changes).toBe(false);

    emu.store.enterpriseConnections.update(id, {
      name: "renamed",
      domains: ["corp.example.com", "b.example.com"],
    });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ name: "renamed", oidc: { clientSecret: SECRET } });
    expect(read.inputs).toMatchObject({ oidc: { clientSecret: SECRET } });
    expect(await p.diff(id, read.props ?? {}, checked)).toMatchObject({ changes: true, replaces: [] });

    emu.clearRequests();
    const updated = await p.update(id, read.props ?? {}, { ...checked, organizationId: "org_456" });
    expect(emu.requests()[0]?.requestBody).toEqual({
      name: "Corp OIDC",
      domains: ["corp.example.com"],
      organization_id: "org_456",
    });
    expect(updated.outs).toMatchObject({
      name: "Corp OIDC",
      organizationId: "org_456",
      oidc: { clientSecret: SECRET },
    });

    // A new client secret is sent (the block as declared), and kept.
    const rotated = await p.update(id, updated.outs ?? {}, {
      ...checked,
      organizationId: "org_456",
      oidc: { ...oidcInputs.oidc, clientSecret: "new-secret" },
    });
    expect(emu.store.enterpriseConnections.get(id)?.oidc?.client_secret).toBe("new-secret");
    expect(rotated.outs).toMatchObject({ oidc: { clientSecret: "new-secret" } });

    await p.delete(id, rotated.outs ?? {});
    expect(emu.store.enterpriseConnections.get(id)).toBeUndefined();
    expect(await p.read(id, rotated.outs ?? {})).toEqual({});
  });

  it("SAML: refresh sees the IdP certificates (a dashboard replacement too) with their expiry; metadata and mapping come from state", async () => {
    const saml = {
      idpEntityId: "https://idp.example.com/e",
      idpSsoUrl: "https://idp.example.com/sso",
      idpCertificate: IDP_CERT_ONE,
      idpMetadata: "<EntityDescriptor/>",
      attributeMapping: { emailAddress: "mail" },
    };
    const program = { name: "Corp SAML", provider: "saml_okta", domains: ["saml.example.com"], saml };
    // What the engine hands create and diff: the checked inputs (the singular certificate as a list of one).
    const inputs = (await p.check({}, program)).inputs ?? {};
    const { idpCertificate: _singular, ...rest } = saml;
    const recorded = { ...rest, idpCertificates: [IDP_CERT_ONE] };
    expect(inputs.saml).toEqual(recorded);
    const { id, outs } = await p.create(inputs);
    expect(outs).toMatchObject({
      saml: recorded,
      acsUrl: expect.any(String),
      idpCertificateExpiresAt: ONE_EXPIRES_AT,
      samlConnection: {
        idpSsoUrl: saml.idpSsoUrl,
        idpCertificatesValidity: [{ issuedAt: ISSUED_AT, expiresAt: ONE_EXPIRES_AT }],
      },
    });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toEqual(outs);
    expect(read.inputs).toMatchObject({ saml: recorded });
    expect((await p.diff(id, read.props ?? {}, inputs)).changes).toBe(false);
    // Pulumi's wire format has no `undefined` at any depth: the engine rejects such outputs
    // ("Unexpected struct type"), e.g. the live SAML view without a metadata URL.
    expect(hasUndefined(outs)).toBe(false);
    expect(hasUndefined(read.props)).toBe(false);

    // Someone rotates the certificate in the dashboard: refresh sees it, and only the declared SAML
    // settings are recorded as inputs (none of Clerk's defaults for the others).
    const rec = emu.store.enterpriseConnections.get(id);
    if (!rec?.saml) throw new Error("no SAML settings");
    emu.store.enterpriseConnections.update(id, { saml: { ...rec.saml, idp_certificates: [IDP_CERT_TWO] } });
    const rotated = await p.read(id, read.props ?? {});
    expect(rotated.inputs?.saml).toEqual({ ...recorded, idpCertificates: [IDP_CERT_TWO] });
    expect(rotated.props).toMatchObject({ idpCertificateExpiresAt: TWO_EXPIRES_AT });
    expect((await p.diff(id, rotated.props ?? {}, inputs)).changes).toBe(true);

    // Rotation without downtime: trust both, in one update.
    const both = { ...inputs, saml: { ...recorded, idpCertificates: [IDP_CERT_TWO, IDP_CERT_ONE] } };
    emu.clearRequests();
    const updated = await p.update(id, rotated.props ?? {}, both);
    expect(emu.requests().find((r) => r.method === "PATCH")?.requestBody).toMatchObject({
      saml: { idp_certificates: [IDP_CERT_TWO, IDP_CERT_ONE] },
    });
    expect(updated.outs).toMatchObject({ saml: both.saml });
    expect(updated.outs?.samlConnection).toMatchObject({
      idpCertificatesValidity: [
        { issuedAt: ISSUED_AT, expiresAt: TWO_EXPIRES_AT },
        { issuedAt: ISSUED_AT, expiresAt: ONE_EXPIRES_AT },
      ],
    });
  });

  it("sends authenticatable and disableJitProvisioning, and refresh sees them", async () => {
    const { id, outs } = await p.create({
      name: "Auth",
      provider: "oidc_custom",
      domains: ["auth.example.com"],
      authenticatable: true,
      disableJitProvisioning: true,
    });
    expect(emu.requests().find((r) => r.method === "POST")?.requestBody).toMatchObject({
      authenticatable: true,
      disable_jit_provisioning: true,
    });
    expect(outs).toMatchObject({ authenticatable: true, disableJitProvisioning: true });
    emu.store.enterpriseConnections.update(id, { disable_jit_provisioning: false });
    const read = await p.read(id, outs ?? {});
    expect(read.inputs).toMatchObject({ disableJitProvisioning: false });
  });

  it("applies update-only flags after create, and rolls back when that PATCH fails", async () => {
    const ok = await p.create({
      ...oidcInputs,
      domains: ["flags.example.com"],
      organizationId: undefined,
      syncUserAttributes: false,
    });
    expect(calls()).toEqual(["POST /enterprise_connections", "PATCH /enterprise_connections/:id"]);
    expect(ok.outs).toMatchObject({ syncUserAttributes: false });

    // Someone (or Clerk) activates the new, unconfigured connection between the POST and the PATCH: the
    // PATCH is refused, and the provider deletes what it created.
    const off = emu.onExchange((e) => {
      if (e.method === "POST" && e.status === 201) {
        const created = (e.responseBody as { id: string }).id;
        emu.store.enterpriseConnections.update(created, { active: true });
      }
    });
    emu.clearRequests();
    const err = await p
      .create({
        name: "Half",
        provider: "oidc_custom",
        domains: ["half.example.com"],
        disableAdditionalIdentifications: true,
      })
      .catch((e: Error) => e);
    off();
    expect((err as Error).message).toMatch(
      /^create EnterpriseConnection failed: the enterprise connection "[^"]+" was created, but setting disableAdditionalIdentifications on it failed, so it was deleted again \(rolled back\)/,
    );
    expect(calls()).toEqual([
      "POST /enterprise_connections",
      "PATCH /enterprise_connections/:id",
      "DELETE /enterprise_connections/:id",
    ]);
    expect(emu.store.enterpriseConnections.list().filter((c) => c.name === "Half")).toEqual([]);
  });
});

function hasUndefined(v: unknown): boolean {
  if (v === undefined) return true;
  if (v === null || typeof v !== "object") return false;
  return Object.values(v).some(hasUndefined);
}
