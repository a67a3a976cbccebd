// Stored records: what the emulator keeps per object, including write-only fields that Clerk accepts but
// never returns (so tests can check they were stored and not echoed). Routes render these into the
// spec's response shapes.

export interface Timestamps {
  created_at: number;
  updated_at: number;
}

export type IdentifierType = "email_address" | "phone_number" | "web3_wallet";

export interface AllowlistIdentifierRecord extends Timestamps {
  id: string;
  identifier: string;
  identifier_type: IdentifierType;
  invitation_id?: string;
}

export interface BlocklistIdentifierRecord extends Timestamps {
  id: string;
  identifier: string;
  identifier_type: IdentifierType;
}

export interface RedirectUrlRecord extends Timestamps {
  id: string;
  url: string;
}

export interface JwtTemplateRecord extends Timestamps {
  id: string;
  name: string;
  claims: Record<string, unknown>;
  lifetime: number;
  allowed_clock_skew: number;
  custom_signing_key: boolean;
  signing_algorithm: string;
  /** Write-only. */
  signing_key: string | null;
}

export interface AttributeMapping {
  user_id: string;
  email_address: string;
  first_name: string;
  last_name: string;
}

export interface LoginHint {
  mode: "email_address" | "custom_attribute" | "off";
  source?: string;
}

export interface SamlConnectionRecord extends Timestamps {
  id: string;
  name: string;
  domains: string[];
  provider: string;
  idp_entity_id: string | null;
  idp_sso_url: string | null;
  /** The IdP certificates Clerk trusts (PEM); the first is also answered as `idp_certificate`. */
  idp_certificates: string[];
  idp_metadata_url: string | null;
  idp_metadata: string | null;
  organization_id: string | null;
  attribute_mapping: AttributeMapping;
  active: boolean;
  sync_user_attributes: boolean;
  allow_subdomains: boolean;
  allow_idp_initiated: boolean;
  disable_additional_identifications: boolean;
  allow_organization_account_linking: boolean;
  force_authn: boolean;
  login_hint: LoginHint;
}

export interface CustomAttribute {
  name: string;
  key: string;
  sso_path?: string;
  scim_path?: string;
  directory_path?: string;
  multi_valued?: boolean;
}

export interface EnterpriseSamlRecord {
  id: string;
  name: string;
  idp_entity_id: string | null;
  idp_sso_url: string | null;
  idp_metadata_url: string | null;
  idp_certificates: string[];
  /** Write-only. */
  idp_metadata: string | null;
  /** Write-only. */
  attribute_mapping: Partial<Record<keyof AttributeMapping, string | null>> | null;
  allow_subdomains: boolean;
  allow_idp_initiated: boolean;
  force_authn: boolean;
  login_hint: LoginHint;
}

export interface EnterpriseOidcRecord extends Timestamps {
  id: string;
  client_id: string | null;
  /** Write-only. */
  client_secret: string | null;
  discovery_url: string | null;
  auth_url: string | null;
  token_url: string | null;
  user_info_url: string | null;
  requires_pkce: boolean;
}

export interface EnterpriseConnectionRecord extends Timestamps {
  id: string;
  name: string;
  provider: string;
  active: boolean;
  domains: string[];
  organization_id: string | null;
  sync_user_attributes: boolean;
  disable_additional_identifications: boolean;
  allow_organization_account_linking: boolean;
  custom_attributes: CustomAttribute[];
  /** Sign-in and sign-up through the connection (needs the instance feature); absent in older snapshots. */
  authenticatable?: boolean;
  disable_jit_provisioning?: boolean;
  saml: EnterpriseSamlRecord | null;
  oidc: EnterpriseOidcRecord | null;
}

export interface OAuthApplicationRecord extends Timestamps {
  id: string;
  name: string;
  client_id: string;
  /** Returned only by create and rotate_secret. */
  client_secret: string;
  public: boolean;
  /** Canonical form: unique, sorted, space-separated. */
  scopes: string;
  redirect_uris: string[];
  consent_screen_enabled: boolean;
  pkce_required: boolean;
}

export interface DomainRecord {
  id: string;
  name: string;
  is_satellite: boolean;
  proxy_url: string | null;
  /** Write-only. */
  is_secondary: boolean | null;
}

export interface PermissionRecord extends Timestamps {
  id: string;
  name: string;
  key: string;
  description: string;
  type: "system" | "user";
}

export interface RoleRecord extends Timestamps {
  id: string;
  name: string;
  key: string;
  description: string | null;
  /** Permission ids. */
  permissions: string[];
}

/** Roles are kept by id, so renaming a role's key shows in every set that holds it. */
export interface RoleSetRecord extends Timestamps {
  id: string;
  key: string;
  name: string;
  description: string | null;
  type: "initial" | "custom";
  role_ids: string[];
  default_role_id: string;
  creator_role_id: string;
}

/** PATCH /instance stores every writable field, although GET /instance shows only `allowed_origins`. */
export interface InstanceSettings {
  allowed_origins: string[] | null;
  test_mode: boolean | null;
  hibp: boolean | null;
  support_email: string | null;
  clerk_js_version: string | null;
  development_origin: string | null;
  cookieless_dev: boolean | null;
  url_based_session_syncing: boolean | null;
  preferred_sign_in_strategy_when_password_required: "password" | "otp" | "" | null;
}

export interface InstanceRestrictions {
  allowlist: boolean;
  blocklist: boolean;
  allowlist_blocklist_disabled_on_sign_in: boolean;
  block_email_subaddresses: boolean;
  block_disposable_email_domains: boolean;
}

/** Stored by role *id*; GET renders role *keys*. */
export interface OrganizationSettings {
  enabled: boolean;
  max_allowed_memberships: number;
  max_allowed_roles: number;
  max_allowed_domains: number;
  admin_delete_enabled: boolean;
  domains_enabled: boolean;
  slug_disabled: boolean;
  domains_enrollment_modes: string[];
  creator_role_id: string;
  domains_default_role_id: string;
}

export interface OAuthApplicationSettings {
  dynamic_oauth_client_registration: boolean;
  default_scopes: string[] | null;
  oauth_jwt_access_tokens: boolean;
  client_id_metadata_documents_advertised: boolean;
  client_id_metadata_documents_only_allow_pre_registered_clients: boolean;
  client_id_metadata_documents_block_implicitly_allowed_clients: boolean;
}

export interface InstanceCommunication {
  blocked_country_codes: string[];
}

export interface InstanceProtect {
  rules_enabled: boolean;
  specter_enabled: boolean;
  checks_bypassed: boolean;
}

export interface OrganizationRecord extends Timestamps {
  id: string;
  name: string;
  slug: string;
  max_allowed_memberships: number;
  admin_delete_enabled: boolean;
  public_metadata: Record<string, unknown> | null;
  private_metadata: Record<string, unknown> | null;
  created_by: string | null;
  role_set_key: string | null;
}

export interface OrganizationDomainVerificationRecord {
  status: "unverified" | "verified";
  strategy: string;
  verified_at: number | null;
}

export interface OrganizationDomainRecord extends Timestamps {
  id: string;
  organization_id: string;
  name: string;
  enrollment_mode: string;
  affiliation: OrganizationDomainVerificationRecord;
  /** Null until ownership is verified (verify_ownership). */
  ownership: OrganizationDomainVerificationRecord | null;
}

export interface MachineRecord extends Timestamps {
  id: string;
  name: string;
  default_token_ttl: number;
  /** Ids of the machines this one may call, in the order they were granted. */
  scoped_machines: string[];
  /** Readable at any time through GET /machines/{id}/secret_key. */
  secret_key: string;
}

export interface ScimGroupRoleMappingRecord extends Timestamps {
  id: string;
  scim_group_id: string;
  scim_group_display_name: string;
  role_id: string;
}

export interface ScimDirectoryRecord extends Timestamps {
  id: string;
  name: string;
  enterprise_connection_id: string;
  provider: string;
  enabled: boolean;
  group_role_mapping_enabled: boolean;
  attribute_mapping: Record<string, string>;
  /** Shown only by create and rotate_api_key. */
  api_key: string;
  /** In precedence order (the first has precedence 1). */
  group_role_mappings: ScimGroupRoleMappingRecord[];
}

/** The instance's Svix app (webhooks): there or not. */
export interface SvixApp {
  enabled: boolean;
}

/** Everything the store holds; also the JSON written to `--state FILE`. */
/**
 * The parts of an instance's configuration document (Platform API) kept apart from the Backend API
 * objects. `organization_settings` and the allow/block-list flags of `auth_access_control` live in
 * `organizationSettings` and `restrictions` (one state, two doors); `values` holds everything else.
 */
export interface ConfigState {
  /** `v1_` + 8 hex. */
  version: string;
  /** The rendered document when `version` was last given: a change through any door moves the version. */
  fingerprint: string;
  values: Record<string, unknown>;
}

/** An application of the Platform API and its instances (each instance's objects are a Store). */
export interface ApplicationRecord {
  id: string;
  name: string;
  created_at: number;
  instances: Array<{
    instance_id: string;
    environment_type: "development" | "production";
    publishable_key: string;
    secret_key: string;
    /** Keys a rotation replaced: they work until `expires_at` (ms), then are refused (401). */
    previous_secret_keys?: Array<{ secret_key: string; expires_at: number }>;
    /** Absent in state files written before instances could be created on their own. */
    created_at?: number;
    updated_at?: number;
  }>;
}

/** What the Platform API adds to a state file: applications, and the stores of every other instance. */
export interface PlatformSnapshot {
  applications: ApplicationRecord[];
  instances: StoreSnapshot[];
}

export interface StoreSnapshot {
  version: 1;
  instance_id: string;
  /** Absent in state files written before the Platform API: development. */
  environment_type?: "development" | "production";
  /** Absent before the Platform API: a fresh document is made. */
  config?: ConfigState;
  /** Only in state files (the primary instance's snapshot carries the rest of the workspace). */
  platform?: PlatformSnapshot;
  allowlistIdentifiers: AllowlistIdentifierRecord[];
  blocklistIdentifiers: BlocklistIdentifierRecord[];
  redirectUrls: RedirectUrlRecord[];
  jwtTemplates: JwtTemplateRecord[];
  samlConnections: SamlConnectionRecord[];
  enterpriseConnections: EnterpriseConnectionRecord[];
  oauthApplications: OAuthApplicationRecord[];
  domains: DomainRecord[];
  permissions: PermissionRecord[];
  roles: RoleRecord[];
  /** Absent in state files written before role sets existed: the seed's are used then. */
  roleSets?: RoleSetRecord[];
  instance: InstanceSettings;
  restrictions: InstanceRestrictions;
  organizationSettings: OrganizationSettings;
  oauthApplicationSettings: OAuthApplicationSettings;
  communication: InstanceCommunication;
  protect: InstanceProtect;
  /** Absent in state files written before organizations were emulated. */
  organizations?: OrganizationRecord[];
  organizationDomains?: OrganizationDomainRecord[];
  /** Absent in state files written before machines existed. */
  machines?: MachineRecord[];
  scimDirectories?: ScimDirectoryRecord[];
  svix?: SvixApp;
}
