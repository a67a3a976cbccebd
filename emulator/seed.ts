import { ID_PREFIX, stableId } from "./ids";
import type { PermissionRecord, RoleRecord, RoleSetRecord, StoreSnapshot } from "./types";

// What a fresh development instance looks like. Ids are fixed so tests and demos can name them.
export const INSTANCE_ID = stableId(ID_PREFIX.instance, "emulator");
export const PRIMARY_DOMAIN_ID = stableId(ID_PREFIX.domain, "primary");
export const PRIMARY_DOMAIN_NAME = "clerk-emulator.dev";
export const ADMIN_ROLE_ID = stableId(ID_PREFIX.role, "orgadmin");
export const MEMBER_ROLE_ID = stableId(ID_PREFIX.role, "orgmember");
export const INITIAL_ROLE_SET_ID = stableId(ID_PREFIX.roleSet, "default");
export const INITIAL_ROLE_SET_KEY = "role_set:default";

const SYSTEM_PERMISSIONS: Array<[key: string, name: string]> = [
  ["org:sys_profile:manage", "Manage organization"],
  ["org:sys_profile:delete", "Delete organization"],
  ["org:sys_memberships:read", "Read members"],
  ["org:sys_memberships:manage", "Manage members"],
  ["org:sys_domains:read", "Read domains"],
  ["org:sys_domains:manage", "Manage domains"],
];

const permId = (key: string) => stableId(ID_PREFIX.permission, key.replace(/[^a-z]/g, ""));

export function seedSnapshot(now = Date.now()): StoreSnapshot {
  const permissions: PermissionRecord[] = SYSTEM_PERMISSIONS.map(([key, name]) => ({
    id: permId(key),
    name,
    key,
    description: `${name} (system permission)`,
    type: "system",
    created_at: now,
    updated_at: now,
  }));
  const roles: RoleRecord[] = [
    {
      id: ADMIN_ROLE_ID,
      name: "Admin",
      key: "org:admin",
      description: "Role with elevated permissions",
      permissions: permissions.map((p) => p.id),
      created_at: now,
      updated_at: now,
    },
    {
      id: MEMBER_ROLE_ID,
      name: "Member",
      key: "org:member",
      description: "Role with non-privileged permissions",
      permissions: [permId("org:sys_memberships:read")],
      created_at: now,
      updated_at: now,
    },
  ];
  // The role set new organizations start with: the two default roles.
  const roleSets: RoleSetRecord[] = [
    {
      id: INITIAL_ROLE_SET_ID,
      key: INITIAL_ROLE_SET_KEY,
      name: "Default",
      description: "The roles new organizations start with",
      type: "initial",
      role_ids: [ADMIN_ROLE_ID, MEMBER_ROLE_ID],
      default_role_id: MEMBER_ROLE_ID,
      creator_role_id: ADMIN_ROLE_ID,
      created_at: now,
      updated_at: now,
    },
  ];
  return {
    version: 1,
    instance_id: INSTANCE_ID,
    allowlistIdentifiers: [],
    blocklistIdentifiers: [],
    redirectUrls: [],
    jwtTemplates: [],
    samlConnections: [],
    enterpriseConnections: [],
    oauthApplications: [],
    domains: [
      {
        id: PRIMARY_DOMAIN_ID,
        name: PRIMARY_DOMAIN_NAME,
        is_satellite: false,
        proxy_url: null,
        is_secondary: null,
      },
    ],
    permissions,
    roles,
    roleSets,
    instance: {
      allowed_origins: null,
      test_mode: null,
      hibp: null,
      support_email: null,
      clerk_js_version: null,
      development_origin: null,
      cookieless_dev: null,
      url_based_session_syncing: null,
      preferred_sign_in_strategy_when_password_required: null,
    },
    restrictions: {
      allowlist: false,
      blocklist: false,
      allowlist_blocklist_disabled_on_sign_in: false,
      block_email_subaddresses: false,
      block_disposable_email_domains: false,
    },
    organizationSettings: {
      enabled: false,
      max_allowed_memberships: 5,
      max_allowed_roles: 10,
      max_allowed_domains: 10,
      admin_delete_enabled: true,
      domains_enabled: false,
      slug_disabled: false,
      domains_enrollment_modes: [],
      creator_role_id: ADMIN_ROLE_ID,
      domains_default_role_id: MEMBER_ROLE_ID,
    },
    oauthApplicationSettings: {
      dynamic_oauth_client_registration: false,
      default_scopes: null,
      oauth_jwt_access_tokens: false,
      client_id_metadata_documents_advertised: false,
      client_id_metadata_documents_only_allow_pre_registered_clients: false,
      client_id_metadata_documents_block_implicitly_allowed_clients: false,
    },
    communication: { blocked_country_codes: [] },
    protect: { rules_enabled: false, specter_enabled: false, checks_bypassed: false },
    machines: [],
    scimDirectories: [],
    svix: { enabled: false },
  };
}
