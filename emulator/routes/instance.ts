import { z } from "zod";
import { paramFormatInvalid, paramValueInvalid } from "../errors";
import type { Route } from "../router";
import type { Store } from "../store";
import type {
  InstanceProtect,
  InstanceRestrictions,
  InstanceSettings,
  OAuthApplicationSettings,
  OrganizationSettings,
} from "../types";
import { isEmail, isOrigin, isUrl, parseBody } from "../validate";
import { ok } from "./common";

/**
 * Country codes the emulator treats as "SMS-tier" (codes Clerk can send SMS to at a surcharge and so
 * lets an instance block). Clerk keeps the real list server-side; any other well-formed code sent in
 * `blocked_country_codes` is silently dropped, as Clerk drops unrecognised codes.
 */
export const SMS_TIER_COUNTRY_CODES: readonly string[] = [
  "AF",
  "AM",
  "AZ",
  "BD",
  "BY",
  "CN",
  "CU",
  "EG",
  "GH",
  "ID",
  "IN",
  "IQ",
  "IR",
  "KE",
  "KG",
  "KZ",
  "LK",
  "MM",
  "NG",
  "NP",
  "PH",
  "PK",
  "RU",
  "SY",
  "TJ",
  "TM",
  "UA",
  "UZ",
  "VN",
  "YE",
];

const bool = z.boolean().nullable().optional();
const str = z.string().nullable().optional();

const InstanceBody = z.strictObject({
  test_mode: bool,
  hibp: bool,
  support_email: str,
  clerk_js_version: str,
  development_origin: str,
  allowed_origins: z.array(z.string()).optional(),
  cookieless_dev: bool,
  url_based_session_syncing: bool,
  preferred_sign_in_strategy_when_password_required: z.enum(["password", "otp", ""]).nullable().optional(),
});
const RestrictionsBody = z.strictObject({
  allowlist: bool,
  blocklist: bool,
  allowlist_blocklist_disabled_on_sign_in: bool,
  block_email_subaddresses: bool,
  block_disposable_email_domains: bool,
});
const OrganizationSettingsBody = z.strictObject({
  enabled: bool,
  max_allowed_memberships: z.number().int().min(0).nullable().optional(),
  admin_delete_enabled: bool,
  domains_enabled: bool,
  slug_disabled: bool,
  domains_enrollment_modes: z
    .array(z.enum(["manual_invitation", "automatic_invitation", "automatic_suggestion"]))
    .optional(),
  creator_role_id: str,
  domains_default_role_id: str,
});
const OAuthSettingsBody = z.strictObject({
  dynamic_oauth_client_registration: bool,
  default_scopes: z.array(z.string().min(1)).nullable().optional(),
  oauth_jwt_access_tokens: bool,
  client_id_metadata_documents_advertised: bool,
  client_id_metadata_documents_only_allow_pre_registered_clients: bool,
  client_id_metadata_documents_block_implicitly_allowed_clients: bool,
});
const CommunicationBody = z.strictObject({
  blocked_country_codes: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .refine((a) => new Set(a).size === a.length, "must not contain duplicates")
    .nullable()
    .optional(),
});
const ProtectBody = z.strictObject({ rules_enabled: bool, specter_enabled: bool });

/** Copies keys present in `input` whose value is not null (null = "leave as is" for these booleans). */
function pickSet<T extends object>(
  input: Partial<Record<keyof T, unknown>>,
  keys: Array<keyof T>,
): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) {
    const v = input[k];
    if (v !== undefined && v !== null) out[k] = v as T[keyof T];
  }
  return out;
}

/** Per store: the allowed_origins GET /instance still answers, and for how many more reads. */
const staleOrigins = new WeakMap<Store, { origins: InstanceSettings["allowed_origins"]; reads: number }>();

function visibleOrigins(store: Store): InstanceSettings["allowed_origins"] {
  const stale = staleOrigins.get(store);
  if (!stale || stale.reads <= 0) return store.instance.get().allowed_origins;
  stale.reads--;
  return stale.origins;
}

const renderInstance = (store: Store) => ({
  object: "instance",
  id: store.instanceId,
  environment_type: store.environmentType,
  allowed_origins: visibleOrigins(store),
  workspace_id: null,
});

const roleKey = (store: Store, id: string) => store.roles.get(id)?.key ?? "";

/** Written with role ids, read back as role keys. */
const renderOrganizationSettings = (store: Store) => {
  const s = store.organizationSettings.get();
  return {
    object: "organization_settings",
    enabled: s.enabled,
    max_allowed_memberships: s.max_allowed_memberships,
    max_allowed_roles: s.max_allowed_roles,
    max_allowed_domains: s.max_allowed_domains,
    creator_role: roleKey(store, s.creator_role_id),
    admin_delete_enabled: s.admin_delete_enabled,
    domains_enabled: s.domains_enabled,
    slug_disabled: s.slug_disabled,
    domains_enrollment_modes: s.domains_enrollment_modes,
    domains_default_role: roleKey(store, s.domains_default_role_id),
    initial_role_set_key: store.roleSets.find((rs) => rs.type === "initial")?.key ?? null,
  };
};

const CREATOR_PERMISSION = "org:sys_memberships:manage";

function checkRole(store: Store, param: string, id: string, creator: boolean) {
  const role = store.roles.get(id);
  if (!role) throw paramValueInvalid(param, `${param} ${id} does not name an organization role.`);
  if (creator) {
    const keys = role.permissions.map((p) => store.permissions.get(p)?.key);
    if (!keys.includes(CREATOR_PERMISSION)) {
      throw paramValueInvalid(param, `The creator role must include the ${CREATOR_PERMISSION} permission.`);
    }
  }
}

export const instanceRoutes: Route[] = [
  { method: "GET", path: "/instance", handler: ({ store }) => ok(renderInstance(store)) },
  {
    method: "PATCH",
    path: "/instance",
    handler: ({ store, body, behaviour }) => {
      const input = parseBody(InstanceBody, body);
      input.allowed_origins?.forEach((o, i) => {
        if (!isOrigin(o)) throw paramFormatInvalid(`allowed_origins[${i}]`, `${o} is not a valid origin.`);
      });
      // "" clears the support email.
      if (input.support_email != null && input.support_email !== "" && !isEmail(input.support_email)) {
        throw paramFormatInvalid("support_email", "support_email must be a valid email address.");
      }
      if (
        input.development_origin != null &&
        input.development_origin !== "" &&
        !isUrl(input.development_origin)
      ) {
        throw paramFormatInvalid("development_origin", "development_origin must be a valid URL.");
      }
      // Every writable field is stored (tests can see them in the store) although GET shows only allowed_origins.
      const patch: Partial<InstanceSettings> = {};
      for (const [k, v] of Object.entries(input)) {
        if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
      }
      if (typeof patch.support_email === "string") patch.support_email = patch.support_email.toLowerCase();
      if (patch.allowed_origins) patch.allowed_origins = [...new Set(patch.allowed_origins)];
      const reads = behaviour?.staleAllowedOriginsReads ?? 0;
      if (patch.allowed_origins && reads > 0) {
        staleOrigins.set(store, { origins: store.instance.get().allowed_origins, reads });
      }
      store.instance.patch(patch);
      return { status: 204 };
    },
  },
  {
    // PATCH-only: there is no GET; the answer echoes all five settings.
    method: "PATCH",
    path: "/instance/restrictions",
    handler: ({ store, body }) => {
      const input = parseBody(RestrictionsBody, body);
      const s = store.restrictions.patch(
        pickSet<InstanceRestrictions>(input, Object.keys(RestrictionsBody.shape) as never),
      );
      return ok({ object: "instance_restrictions", ...s });
    },
  },
  {
    method: "GET",
    path: "/instance/organization_settings",
    handler: ({ store }) => ok(renderOrganizationSettings(store)),
  },
  {
    method: "PATCH",
    path: "/instance/organization_settings",
    handler: ({ store, body }) => {
      const input = parseBody(OrganizationSettingsBody, body);
      if (input.creator_role_id != null) checkRole(store, "creator_role_id", input.creator_role_id, true);
      if (input.domains_default_role_id != null) {
        checkRole(store, "domains_default_role_id", input.domains_default_role_id, false);
      }
      const patch = pickSet<OrganizationSettings>(input, [
        "enabled",
        "max_allowed_memberships",
        "admin_delete_enabled",
        "domains_enabled",
        "slug_disabled",
        "creator_role_id",
        "domains_default_role_id",
      ]);
      if (input.domains_enrollment_modes)
        patch.domains_enrollment_modes = [...new Set(input.domains_enrollment_modes)];
      store.organizationSettings.patch(patch);
      return ok(renderOrganizationSettings(store));
    },
  },
  {
    method: "GET",
    path: "/instance/oauth_application_settings",
    handler: ({ store }) =>
      ok({ object: "oauth_application_settings", ...store.oauthApplicationSettings.get() }),
  },
  {
    method: "PATCH",
    path: "/instance/oauth_application_settings",
    handler: ({ store, body }) => {
      const input = parseBody(OAuthSettingsBody, body);
      const patch = pickSet<OAuthApplicationSettings>(
        input,
        Object.keys(OAuthSettingsBody.shape).filter((k) => k !== "default_scopes") as never,
      );
      // null resets to Clerk's defaults (shown as null); a list is stored without duplicates.
      if (input.default_scopes !== undefined) {
        Object.assign(patch, { default_scopes: input.default_scopes && [...new Set(input.default_scopes)] });
      }
      const s = store.oauthApplicationSettings.patch(patch);
      return ok({ object: "oauth_application_settings", ...s });
    },
  },
  {
    method: "GET",
    path: "/instance/communication",
    handler: ({ store }) => ok({ object: "instance_communication", ...store.communication.get() }),
  },
  {
    method: "PATCH",
    path: "/instance/communication",
    handler: ({ store, body }) => {
      const input = parseBody(CommunicationBody, body);
      // Omitted = no change; otherwise whole-list replacement minus codes that are not SMS-tier.
      if (input.blocked_country_codes !== undefined) {
        const codes = (input.blocked_country_codes ?? []).filter((c) => SMS_TIER_COUNTRY_CODES.includes(c));
        store.communication.set({ blocked_country_codes: codes });
      }
      return ok({ object: "instance_communication", ...store.communication.get() });
    },
  },
  {
    method: "GET",
    path: "/instance/protect",
    handler: ({ store }) => ok({ object: "instance_protect", ...store.protect.get() }),
  },
  {
    method: "PATCH",
    path: "/instance/protect",
    handler: ({ store, body }) => {
      const input = parseBody(ProtectBody, body);
      const s = store.protect.patch(pickSet<InstanceProtect>(input, ["rules_enabled", "specter_enabled"]));
      return ok({ object: "instance_protect", ...s });
    },
  },
];
