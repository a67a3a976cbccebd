import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import {
  IDP_CERT_ONE,
  IDP_CERT_TWO,
  ISSUED_AT,
  ONE_EXPIRES_AT,
  TEST_CERTIFICATE,
  TWO_EXPIRES_AT,
} from "../../support/certificate";
import { requestLines, useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_saml_connection_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const calls = () => requestLines(emu);

describe("SamlConnection", () => {
  const p = provider("SamlConnection");
  const idp = {
    idpEntityId: "https://idp.example.com/entity",
    idpSsoUrl: "https://idp.example.com/sso",
    idpCertificate: TEST_CERTIFICATE,
  };

  it("creates with a POST then a PATCH for the update-only flags, reads, updates, deletes", async () => {
    const inputs = {
      name: "Okta",
      domains: ["Example.com"],
      provider: "saml_okta",
      ...idp,
      active: true,
      allowSubdomains: true,
    };
    const checked = (await p.check({}, inputs)).inputs ?? {};
    const { id, outs } = await p.create(checked);
    expect(calls()).toEqual(["POST /saml_connections", "PATCH /saml_connections/:id"]);
    expect(emu.requests()[0]?.requestBody).not.toHaveProperty("active");
    expect(outs).toMatchObject({
      domains: ["example.com"],
      active: true,
      allowSubdomains: true,
      acsUrl: expect.any(String),
      spEntityId: expect.any(String),
      spMetadataUrl: expect.any(String),
      userCount: 0,
      idpCertificateIssuedAt: expect.any(Number),
      idpCertificateExpiresAt: expect.any(Number),
    });
    expect((await p.diff(id, outs ?? {}, checked)).changes).toBe(false);

    emu.store.samlConnections.update(id, { active: false, domains: ["example.com", "other.example.com"] });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ active: false, domains: ["example.com", "other.example.com"] });
    expect((await p.diff(id, read.props ?? {}, checked)).changes).toBe(true);

    emu.clearRequests();
    const updated = await p.update(id, read.props ?? {}, checked);
    expect(emu.requests()[0]?.requestBody).toEqual({ domains: ["example.com"], active: true });
    expect(updated.outs).toMatchObject({ active: true, domains: ["example.com"] });

    await p.delete(id, updated.outs ?? {});
    expect(emu.store.samlConnections.get(id)).toBeUndefined();
    expect(await p.read(id, updated.outs ?? {})).toEqual({});
  });

  it("creates with a single POST when no update-only flag is declared", async () => {
    const { id } = await p.create({ name: "Plain", domains: ["plain.example.com"], provider: "saml_custom" });
    expect(calls()).toEqual(["POST /saml_connections"]);
    expect(emu.store.samlConnections.get(id)).toBeDefined();
  });

  it("rolls back the created connection when the PATCH fails, and says so", async () => {
    // Activation without any IdP settings: Clerk rejects the PATCH.
    const err = await p
      .create({ name: "Broken", domains: ["broken.example.com"], provider: "saml_custom", active: true })
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^create SamlConnection failed: the SAML connection "[^"]+" was created, but setting active on it failed, so it was deleted again \(rolled back\)\. Cause: .*422/,
    );
    expect(calls()).toEqual([
      "POST /saml_connections",
      "PATCH /saml_connections/:id",
      "DELETE /saml_connections/:id",
    ]);
    expect(emu.store.samlConnections.list().filter((c) => c.name === "Broken")).toEqual([]);
  });
});

describe("SamlConnection IdP certificates", () => {
  const p = provider("SamlConnection");
  const program = {
    name: "Rotating",
    provider: "saml_custom",
    domains: ["rotate.example.com"],
    idpEntityId: "https://idp.example.com/entity",
    idpSsoUrl: "https://idp.example.com/sso",
  };

  it("trusts several certificates, shows each one's expiry, and refresh sees a replacement made in the dashboard", async () => {
    const inputs =
      (await p.check({}, { ...program, idpCertificates: [IDP_CERT_ONE, IDP_CERT_TWO] })).inputs ?? {};
    const { id, outs } = await p.create(inputs);
    expect(emu.requests().find((r) => r.method === "POST")?.requestBody).toMatchObject({
      idp_certificates: [IDP_CERT_ONE, IDP_CERT_TWO],
    });
    expect(outs).toMatchObject({
      idpCertificates: [IDP_CERT_ONE, IDP_CERT_TWO],
      idpCertificateExpiresAt: ONE_EXPIRES_AT,
      idpCertificatesValidity: [
        { issuedAt: ISSUED_AT, expiresAt: ONE_EXPIRES_AT },
        { issuedAt: ISSUED_AT, expiresAt: TWO_EXPIRES_AT },
      ],
    });
    const read = await p.read(id, outs ?? {});
    expect(read.props).toEqual(outs);
    expect((await p.diff(id, read.props ?? {}, inputs)).changes).toBe(false);
    // The same certificates in another order are no change.
    const reordered = { ...inputs, idpCertificates: [IDP_CERT_TWO, IDP_CERT_ONE] };
    expect((await p.diff(id, read.props ?? {}, reordered)).changes).toBe(false);

    emu.store.samlConnections.update(id, { idp_certificates: [IDP_CERT_TWO] });
    const refreshed = await p.read(id, read.props ?? {});
    expect(refreshed.inputs).toMatchObject({ idpCertificates: [IDP_CERT_TWO] });
    expect((await p.diff(id, refreshed.props ?? {}, inputs)).changes).toBe(true);
  });

  it("records the deprecated singular certificate as a list of one, and refuses both together", async () => {
    const single = await p.check({}, { ...program, idpCertificate: IDP_CERT_ONE });
    expect(single.inputs).toMatchObject({ idpCertificates: [IDP_CERT_ONE] });
    expect(single.inputs).not.toHaveProperty("idpCertificate");
    const both = await p.check(
      {},
      { ...program, idpCertificate: IDP_CERT_ONE, idpCertificates: [IDP_CERT_TWO] },
    );
    expect(both.failures).toEqual([
      {
        property: "idpCertificates",
        reason:
          "SamlConnection.idpCertificates: cannot be set together with idpCertificate (deprecated): list every certificate here",
      },
    ]);
    expect(emu.requests()).toEqual([]);
  });
});
