import { describe, expect, it } from "vitest";
import { carrySubFields, declaredPaths, projectDeclared } from "../../../provider/runtime/declared";

describe("declared paths", () => {
  it("names the declared inputs, and the declared sub-fields of partial objects only", () => {
    const desired = {
      name: "x",
      claims: { role: "a" },
      saml: { idpSsoUrl: "https://idp", idpMetadata: undefined },
      absent: undefined,
    };
    expect(declaredPaths(desired, ["saml"])).toEqual(["claims", "name", "saml", "saml.idpSsoUrl"]);
  });

  it("reduces outputs to the declared inputs; a partial object to its declared sub-fields", () => {
    const outs = {
      name: "x",
      claims: { role: "a", extra: 1 },
      saml: { idpSsoUrl: "https://idp", allowSubdomains: false },
      lifetime: 60,
    };
    expect(projectDeclared(outs, ["claims", "name", "saml", "saml.idpSsoUrl"])).toEqual({
      name: "x",
      // A whole-value object (claims) is kept whole: a claim added in the dashboard is drift.
      claims: { role: "a", extra: 1 },
      saml: { idpSsoUrl: "https://idp" },
    });
  });

  it("carries declared write-only sub-fields into the live view and drops undeclared ones", () => {
    const view: Record<string, unknown> = { saml: { idpSsoUrl: "https://idp" }, other: 1 };
    carrySubFields(view, { saml: { idpMetadata: "<xml/>" } }, ["saml.idpMetadata", "saml.attributeMapping"]);
    expect(view.saml).toEqual({ idpSsoUrl: "https://idp", idpMetadata: "<xml/>" });
    const stale: Record<string, unknown> = { saml: { idpSsoUrl: "https://idp", attributeMapping: {} } };
    carrySubFields(stale, { saml: {} }, ["saml.attributeMapping"]);
    expect(stale.saml).toEqual({ idpSsoUrl: "https://idp" });
    const none: Record<string, unknown> = {};
    carrySubFields(none, { saml: { idpMetadata: "<xml/>" } }, ["saml.idpMetadata"]);
    expect(none.saml).toEqual({ idpMetadata: "<xml/>" });
  });
});
