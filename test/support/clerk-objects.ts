/** Wire-format Clerk objects for tests that need a complete, valid one without an emulator. */
export function oauthApplicationWithSecret(over: { name?: string; client_secret?: string } = {}) {
  return {
    object: "oauth_application",
    id: "oa_1",
    instance_id: "ins_1",
    name: over.name ?? "app",
    client_id: "cid",
    client_uri: null,
    client_image_url: null,
    dynamically_registered: false,
    consent_screen_enabled: true,
    pkce_required: false,
    public: false,
    scopes: "profile email",
    redirect_uris: [],
    callback_url: "",
    authorize_url: "u",
    token_fetch_url: "u",
    user_info_url: "u",
    discovery_url: "u",
    token_introspection_url: "u",
    created_at: 1,
    updated_at: 1,
    client_secret: over.client_secret ?? "s3cr3t",
  };
}
