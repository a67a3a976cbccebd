import { RESERVED_CLAIMS } from "../../provider/reserved-claims";
import { SOCIAL_PROVIDERS } from "../../provider/social-providers";
import { assertSupported, type JsonSchema } from "./json-schema";

// The instance configuration document's keys, fields, limits and defaults (what a fresh development
// instance has), as far as the evidence about Clerk's Platform API reaches: emulator/README.md,
// "Platform API", says where the emulator had to choose. `GET …/config/schema` answers this schema and
// every PATCH/PUT is validated against it.

export const CONFIG_SCHEMA_ID = "https://clerk.com/schemas/platform-config/2025-01-01";
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

export { SOCIAL_PROVIDERS };
/** Claims Clerk sets itself in every session token; a template may not set them. */
export const RESERVED_SESSION_CLAIMS = RESERVED_CLAIMS;

const bool = (dflt: boolean, description?: string): JsonSchema => ({
  type: "boolean",
  default: dflt,
  ...(description ? { description } : {}),
});
const int = (dflt: number, minimum: number, maximum?: number): JsonSchema => ({
  type: "integer",
  default: dflt,
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
});
const str = (dflt: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
  type: "string",
  default: dflt,
  ...extra,
});
const strategies = (values: string[], dflt: string[]): JsonSchema => ({
  type: "array",
  items: { type: "string", enum: values },
  default: dflt,
});
const obj = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  additionalProperties: false,
});
const map = (entry: JsonSchema, description: string): JsonSchema => ({
  type: "object",
  description,
  propertyNames: { type: "string", pattern: "^[a-z0-9][a-z0-9_-]{0,63}$" },
  additionalProperties: entry,
  default: {},
});
const secret = (description: string): JsonSchema => ({
  type: "string",
  description: `${description} Write-only: never returned.`,
  "x-clerk-sensitive": true,
});
const httpsUrl: JsonSchema = { type: "string", pattern: "^https://[^\\s]+$", maxLength: 2048 };
const appPath = (dflt: string): JsonSchema => str(dflt, { pattern: "^(/|\\?|#|$)", maxLength: 2048 });

function socialConnection(provider: string): JsonSchema {
  const fields: Record<string, JsonSchema> = {
    enabled: bool(false, `Sign in with ${provider}.`),
    authenticatable: bool(true, "Whether the connection can be used to sign in (not only to link)."),
    block_email_subaddresses: bool(false),
    client_id: str("", { maxLength: 1024, description: "Your own OAuth client id (custom credentials)." }),
    client_secret: secret("Your own OAuth client secret."),
  };
  if (provider === "google") fields.show_account_selector_prompt = bool(true);
  if (provider === "apple") {
    fields.team_id = str("", { maxLength: 64 });
    fields.key_id = str("", { maxLength: 64 });
    fields.bundle_id = str("", { maxLength: 255 });
  }
  if (provider === "linear") fields.actor = str("user", { enum: ["user", "application"] });
  return obj(fields, `Sign in with ${provider}.`);
}

const customOAuthProvider = {
  ...obj({
    enabled: bool(true),
    authenticatable: bool(true),
    name: { type: "string", minLength: 1, maxLength: 256 },
    discovery_url: httpsUrl,
    auth_url: httpsUrl,
    token_url: httpsUrl,
    user_info_url: httpsUrl,
    client_id: str("", { maxLength: 1024 }),
    client_secret: secret("The provider's OAuth client secret."),
    base_scopes: {
      type: "array",
      items: { type: "string", minLength: 1 },
      default: ["openid", "email", "profile"],
    },
    requires_pkce: bool(false),
    user_mapping: {
      type: "object",
      description: "Where the user's fields are in the provider's user info, e.g. { id: { path: 'sub' } }.",
      additionalProperties: obj({ path: { type: "string", minLength: 1 } }),
      default: {},
    },
  }),
  required: ["name"],
} satisfies JsonSchema;

const billingPlan = {
  ...obj({
    name: { type: "string", minLength: 1, maxLength: 256 },
    description: str("", { maxLength: 4096 }),
    amount: int(0, 0),
    annual_monthly_amount: int(0, 0),
    currency: str("USD", { pattern: "^[A-Z]{3}$" }),
    features: { type: "array", items: { type: "string" }, default: [] },
    free_trial_enabled: bool(false),
    free_trial_days: int(7, 1, 365),
    is_recurring: bool(true),
    payer_type: str("user", { enum: ["user", "org"] }),
    publicly_visible: bool(true),
  }),
  required: ["name"],
} satisfies JsonSchema;

const billingFeature = {
  ...obj({
    name: { type: "string", minLength: 1, maxLength: 256 },
    description: str("", { maxLength: 4096 }),
    include_in_jwt: bool(true),
    jwt_value: str("", { maxLength: 256 }),
    publicly_visible: bool(true),
    avatar_url: str("", { maxLength: 2048 }),
  }),
  required: ["name"],
} satisfies JsonSchema;

const nameField = obj({ enabled: bool(false), required: bool(false) });

const properties: Record<string, JsonSchema> = {
  auth_email: obj({
    used_for_sign_in: bool(true),
    used_for_sign_up: bool(true),
    required_for_sign_up: bool(true),
    verify_at_sign_up: bool(true),
    immutable: bool(false),
    sign_in_strategies: strategies(["email_code", "email_link"], ["email_code"]),
    verification_strategies: strategies(["email_code", "email_link"], ["email_code"]),
  }),
  auth_phone: obj({
    used_for_sign_in: bool(false),
    used_for_sign_up: bool(false),
    required_for_sign_up: bool(false),
    used_for_second_factor: bool(false),
    verify_at_sign_up: bool(true),
    sign_in_strategies: strategies(["phone_code"], ["phone_code"]),
    second_factor_strategies: strategies(["phone_code"], ["phone_code"]),
    verification_strategies: strategies(["phone_code"], ["phone_code"]),
  }),
  auth_username: obj({
    used_for_sign_in: bool(false),
    used_for_sign_up: bool(false),
    required_for_sign_up: bool(false),
    immutable: bool(false),
    allow_numeric_usernames: bool(false),
    allow_extended_special_characters: bool(false),
    min_length: int(4, 1, 64),
    max_length: int(64, 1, 64),
  }),
  auth_password: obj({
    enabled: bool(true),
    required: bool(true),
    show_zxcvbn: bool(false),
    require_special_char: bool(false),
    require_numbers: bool(false),
    require_lowercase: bool(false),
    require_uppercase: bool(false),
    disable_hibp: bool(false),
    enforce_hibp_on_sign_in: bool(false),
    min_length: int(8, 8, 72),
    max_length: int(72, 8, 72),
    min_zxcvbn_strength: int(0, 0, 4),
    device_trust: obj({ enabled: bool(false) }),
  }),
  auth_passkey: obj({
    used_for_sign_in: bool(false),
    allow_autofill: bool(true),
    show_sign_in_button: bool(true),
    satisfies_second_factor: bool(false),
  }),
  auth_web3: obj({
    used_for_sign_in: bool(false),
    used_for_sign_up: bool(false),
    required_for_sign_up: bool(false),
    verify_at_sign_up: bool(true),
    sign_in_strategies: strategies(["web3_metamask_signature"], ["web3_metamask_signature"]),
    verification_strategies: strategies(["web3_metamask_signature"], ["web3_metamask_signature"]),
  }),
  auth_multi_factor: obj({
    authenticator_app: obj({ enabled: bool(false) }),
    backup_code: obj({ enabled: bool(false) }),
    required_for_sign_in: bool(false),
    required_for_sign_up: bool(false),
  }),
  auth_attack_protection: obj({
    bot_protection: obj({
      captcha_enabled: bool(false),
      captcha_widget_type: str("smart", { enum: ["smart", ""] }),
    }),
    email_link_require_same_client: bool(false),
    user_lockout: obj({
      enabled: bool(true),
      max_attempts: int(100, 1, 100),
      duration_in_minutes: int(60, 1, 43200),
    }),
    enumeration_protection: str("", { maxLength: 64 }),
    pii_protection_enabled: bool(false),
  }),
  auth_access_control: obj({
    allowlist_blocklist_enforced_on_sign_in: bool(true),
    allowlist_enabled: bool(false),
    blocklist_enabled: bool(false),
    block_disposable_email_domains: bool(false),
    block_email_subaddresses: bool(false),
    sign_up_mode: str("public", { enum: ["public", "restricted", "waitlist"] }),
  }),
  ...Object.fromEntries(SOCIAL_PROVIDERS.map((p) => [`connection_oauth_${p}`, socialConnection(p)])),
  connections_oauth_custom: map(customOAuthProvider, "Custom OAuth providers by slug."),
  organization_settings: obj({
    enabled: bool(false),
    force_organization_selection: bool(false),
    domains_enabled: bool(false),
    slug_disabled: bool(false),
    max_allowed_memberships: int(5, 0),
    domains_default_role: str("org:member", { minLength: 1, description: "The key of an existing role." }),
    domains_enrollment_modes: {
      type: "array",
      items: { type: "string", enum: ["manual_invitation", "automatic_invitation", "automatic_suggestion"] },
      default: [],
    },
    organization_creation_defaults: {
      type: "object",
      description: "Defaults for new organizations (fields not modelled by the emulator are kept as sent).",
      properties: { enabled: bool(false) },
      additionalProperties: true,
    },
  }),
  session_settings: obj({
    multi_session_enabled: bool(false),
    inactivity_timeout: obj({ enabled: bool(false), duration_seconds: int(1800, 300, 315360000) }),
    maximum_lifetime: obj({ enabled: bool(true), duration_seconds: int(604800, 300, 315360000) }),
  }),
  session: {
    type: ["object", "null"],
    description: "The session token template; null when the instance has none.",
    default: null,
    properties: {
      claims: { type: "object", default: {}, additionalProperties: true },
      lifetime: int(60, 30, 315360000),
      allowed_clock_skew: int(5, 0, 300),
    },
    additionalProperties: false,
  },
  user_model: obj({ first_name: nameField, last_name: nameField }),
  paths: obj({
    sign_in: appPath("/sign-in"),
    sign_up: appPath("/sign-up"),
    home: appPath("/"),
    after_sign_out_all: appPath("/"),
    unauthorized_sign_in: appPath(""),
    waitlist: appPath(""),
    oauth_consent: appPath(""),
  }),
  billing: obj({
    user_enabled: bool(false),
    organization_enabled: bool(false),
    plans: map(billingPlan, "Billing plans by slug."),
    features: map(billingFeature, "Billing features by slug."),
  }),
};

/** The document's top-level keys, in the order the document lists them. */
export const CONFIG_KEYS: readonly string[] = Object.keys(properties);

export const CONFIG_SCHEMA = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: CONFIG_SCHEMA_ID,
  type: "object",
  properties,
  required: CONFIG_KEYS,
  additionalProperties: false,
} satisfies JsonSchema & { $schema: string; $id: string };

assertSupported(CONFIG_SCHEMA);
