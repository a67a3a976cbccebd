import { TEST_CERTIFICATE } from "./certificate";

/** An active SAML connection's inputs, as the reliability tests declare it: Okta, with the test certificate. */
export const OKTA_SAML_INPUTS = {
  name: "Okta",
  domains: ["okta.example.com"],
  provider: "saml_okta",
  idpEntityId: "https://idp.example.com/e",
  idpSsoUrl: "https://idp.example.com/sso",
  idpCertificate: TEST_CERTIFICATE,
  active: true,
};
