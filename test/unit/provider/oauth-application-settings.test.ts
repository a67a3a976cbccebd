import { describe, expect, it } from "vitest";
import { oauthApplicationSettingsDefinition } from "../../../provider/definitions/oauth-application-settings";
import { makeHandlers } from "../../../provider/runtime/generic";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(oauthApplicationSettingsDefinition, noClient);
const state = {
  dynamicOauthClientRegistration: false,
  defaultScopes: ["openid", "profile", "email"],
  oauthJwtAccessTokens: true,
  clientIdMetadataDocumentsAdvertised: false,
  clientIdMetadataDocumentsOnlyAllowPreRegisteredClients: false,
  clientIdMetadataDocumentsBlockImplicitlyAllowedClients: false,
  __provider: "p",
};

describe("OAuthApplicationSettings", () => {
  it("check: scopes are single words without duplicates; booleans are booleans", async () => {
    const r = await h.check({}, { defaultScopes: ["openid", "two words", ""], oauthJwtAccessTokens: "true" });
    expect(r.failures?.map((f) => f.property).sort()).toEqual([
      "defaultScopes[1]",
      "defaultScopes[2]",
      "oauthJwtAccessTokens",
    ]);
    const dup = await h.check({}, { defaultScopes: ["openid", "openid"] });
    expect(dup.failures?.[0]?.reason).toBe(
      'OAuthApplicationSettings.defaultScopes: must not list a scope twice ("openid")',
    );
  });

  it("diff compares defaultScopes as a set, and Clerk's defaults (null) differ from a declared list", async () => {
    expect((await h.diff("x", state, { defaultScopes: ["email", "openid", "profile"] })).changes).toBe(false);
    expect((await h.diff("x", state, { defaultScopes: ["openid"] })).changes).toBe(true);
    expect(
      (await h.diff("x", { ...state, defaultScopes: null }, { defaultScopes: ["openid"] })).changes,
    ).toBe(true);
    expect((await h.diff("x", state, { oauthJwtAccessTokens: false })).changes).toBe(true);
  });

  it("toInputs keeps null scopes as null (so drift to Clerk's defaults is visible)", () => {
    const inputs = oauthApplicationSettingsDefinition.toInputs({
      object: "oauth_application_settings",
      dynamic_oauth_client_registration: false,
      default_scopes: null,
      oauth_jwt_access_tokens: false,
      client_id_metadata_documents_advertised: false,
      client_id_metadata_documents_only_allow_pre_registered_clients: false,
      client_id_metadata_documents_block_implicitly_allowed_clients: false,
    });
    expect(inputs.defaultScopes).toBeNull();
  });
});
