import { describe, expect, it } from "vitest";
import { samlConnectionDefinition } from "../../../provider/definitions/saml-connection";
import { makeHandlers } from "../../../provider/runtime/generic";
import { TEST_CERTIFICATE } from "../../support/certificate";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const p = makeHandlers(samlConnectionDefinition, noClient);
const reasons = (failures: { property: string; reason: string }[] | undefined) =>
  Object.fromEntries((failures ?? []).map((f) => [f.property, f.reason]));

const base = { name: "Okta", domains: ["example.com"], provider: "saml_okta" };

describe("SamlConnection check", () => {
  it("lowercases domains", async () => {
    const r = await p.check({}, { ...base, domains: ["Example.COM"] });
    expect(r.inputs).toMatchObject({ domains: ["example.com"] });
  });

  it("reports every failing field by name", async () => {
    const r = await p.check(
      {},
      {
        name: "",
        domains: [],
        provider: "oidc_custom",
        idpSsoUrl: "idp.example.com",
        loginHint: { mode: "custom_attribute" },
        attributeMapping: { email: "mail" },
        active: "true",
      },
    );
    expect(Object.keys(reasons(r.failures)).sort()).toEqual([
      "active",
      "attributeMapping.email",
      "domains",
      "idpSsoUrl",
      "loginHint.source",
      "name",
      "provider",
    ]);
    expect(reasons(r.failures).domains).toBe("SamlConnection.domains: must have at least 1 item(s)");
  });

  it("never echoes a certificate or metadata value in a failure", async () => {
    const r = await p.check({}, { ...base, idpCertificate: 12345678, idpMetadata: ["<xml secret=1/>"] });
    expect(Object.keys(reasons(r.failures)).sort()).toEqual(["idpCertificate", "idpMetadata"]);
    expect(JSON.stringify(r.failures)).not.toMatch(/12345678|secret=1/);
  });
});

describe("SamlConnection diff", () => {
  const state = {
    ...base,
    domains: ["b.example.com", "example.com"],
    idpCertificates: [TEST_CERTIFICATE],
    attributeMapping: { userId: "", emailAddress: "mail", firstName: "", lastName: "" },
    active: false,
    acsUrl: "https://x/acs",
  };

  it("compares domains as a set, certificates ignoring whitespace, and only declared mapping fields", async () => {
    const r = await p.diff("id", state, {
      ...base,
      domains: ["example.com", "b.example.com"],
      // The same certificate pasted with spaces for line breaks.
      idpCertificates: [TEST_CERTIFICATE.replace(/\n/g, " ")],
      attributeMapping: { emailAddress: "mail" },
    });
    expect(r).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("replaces (deleting first) when provider changes; updates flags in place", async () => {
    expect(await p.diff("id", state, { ...base, provider: "saml_google" })).toEqual({
      changes: true,
      replaces: ["provider"],
      deleteBeforeReplace: true,
    });
    expect(await p.diff("id", state, { ...base, active: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
