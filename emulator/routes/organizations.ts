import { z } from "zod";
import { forbidden, identifierExists, paramFormatInvalid, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { OrganizationRecord } from "../types";
import { boolParam, parseBody } from "../validate";
import { deleted, mustFind, ok, orderBy, pagedList } from "./common";

const Metadata = z.record(z.string(), z.unknown());

// Create has no `additionalProperties: false` (unknown keys are ignored); PATCH has, and as of API
// version 2026-05-12 refuses metadata, which goes to PUT/PATCH /organizations/{id}/metadata.
const CreateBody = z.object({
  name: z.string(),
  slug: z.string().nullable().optional(),
  created_by: z.string().nullable().optional(),
  max_allowed_memberships: z.number().int().min(0).nullable().optional(),
  public_metadata: Metadata.nullable().optional(),
  private_metadata: Metadata.nullable().optional(),
  created_at: z.string().nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});
const UpdateBody = z.strictObject({
  name: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  max_allowed_memberships: z.number().int().min(0).nullable().optional(),
  admin_delete_enabled: z.boolean().nullable().optional(),
  created_at: z.string().nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});
const MetadataBody = z.strictObject({
  public_metadata: Metadata.nullable().optional(),
  private_metadata: Metadata.nullable().optional(),
});

const SLUG = /^[a-z0-9-]+$/;

/** "May not contain URLs or HTML. Max length: 256" (the spec's words). */
function checkName(name: string): string {
  const n = name.trim();
  if (n === "") throw paramFormatInvalid("name", "name must not be empty.");
  if (n.length > 256) throw paramValueInvalid("name", "name must be at most 256 characters long.");
  if (n.includes("://") || /<[^<>]*>/.test(n))
    throw paramFormatInvalid("name", "name may not contain URLs or HTML.");
  return n;
}

function checkSlug(store: Store, slug: string, self?: string): string {
  if (!SLUG.test(slug))
    throw paramFormatInvalid(
      "slug",
      'slug can contain only lowercase alphanumeric characters and the dash "-".',
    );
  if (store.organizations.find((o) => o.slug === slug && o.id !== self)) throw identifierExists("slug");
  return slug;
}

/** An organization created without a slug gets one from its name ("Acme Inc" → "acme-inc"), kept unique. */
function slugFrom(store: Store, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "organization";
  let slug = base;
  for (let i = 2; store.organizations.find((o) => o.slug === slug); i++) slug = `${base}-${i}`;
  return slug;
}

/** RFC3339 → milliseconds; Clerk answers timestamps in milliseconds. */
function createdAt(raw: string | null | undefined, fallback: number): number {
  if (raw == null) return fallback;
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(t))
    throw paramFormatInvalid("created_at", "created_at must be a date-time in RFC3339 format.");
  return t;
}

/** Organizations are a feature an instance turns on (organization settings) before it can have any. */
function requireEnabled(store: Store) {
  if (!store.organizationSettings.get().enabled)
    throw forbidden(
      "organizations_not_enabled_in_instance",
      "The organizations feature is not enabled for this instance. You can enable it from the organization settings.",
    );
}

/** No logos are emulated; members come only from `created_by` (the emulator has no users). */
export const renderOrganization =
  (withCounts = false) =>
  (o: OrganizationRecord) => ({
    object: "organization",
    id: o.id,
    name: o.name,
    slug: o.slug,
    image_url: "",
    has_image: false,
    ...(withCounts ? { members_count: o.created_by ? 1 : 0, pending_invitations_count: 0 } : {}),
    max_allowed_memberships: o.max_allowed_memberships,
    admin_delete_enabled: o.admin_delete_enabled,
    public_metadata: o.public_metadata,
    private_metadata: o.private_metadata,
    ...(o.created_by ? { created_by: o.created_by } : {}),
    role_set_key: o.role_set_key,
    created_at: o.created_at,
    updated_at: o.updated_at,
  });

/** By id, or by slug: GET /organizations/{organization_id} takes either. */
export function findOrganization(store: Store, idOrSlug: string): OrganizationRecord {
  return mustFind(
    store.organizations.get(idOrSlug) ?? store.organizations.find((o) => o.slug === idOrSlug),
    "organization",
  );
}

export const organizationRoutes: Route[] = [
  {
    method: "GET",
    path: "/organizations",
    handler: ({ store, query }) => {
      const withCounts = boolParam(query, "include_members_count") === true;
      boolParam(query, "include_missing_member_with_elevated_permissions");
      const q = query.get("query")?.toLowerCase();
      const ids = query.getAll("organization_id");
      if (ids.length > 100)
        throw paramValueInvalid("organization_id", "organization_id accepts up to 100 values.");
      const include = ids.filter((i) => !i.startsWith("-")).map((i) => i.replace(/^\+/, ""));
      const exclude = ids.filter((i) => i.startsWith("-")).map((i) => i.slice(1));
      const sort = orderBy<OrganizationRecord>(query, {
        name: (o) => o.name,
        created_at: (o) => o.created_at,
        members_count: (o) => (o.created_by ? 1 : 0),
      });
      const items = store.organizations
        .list()
        .filter(
          (o) =>
            (!q || o.id.toLowerCase() === q || o.name.toLowerCase().includes(q) || o.slug.includes(q)) &&
            (include.length === 0 || include.includes(o.id)) &&
            !exclude.includes(o.id),
        );
      return pagedList(sort(items), query, renderOrganization(withCounts));
    },
  },
  {
    method: "POST",
    path: "/organizations",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      requireEnabled(store);
      const name = checkName(input.name);
      const slug = input.slug != null ? checkSlug(store, input.slug) : slugFrom(store, name);
      if (input.created_by != null && !/^user_\w+$/.test(input.created_by))
        throw paramFormatInvalid("created_by", "created_by must be the ID of a user.");
      const settings = store.organizationSettings.get();
      const now = Date.now();
      const record = store.organizations.insert({
        id: newId(ID_PREFIX.organization),
        name,
        slug,
        max_allowed_memberships: input.max_allowed_memberships ?? settings.max_allowed_memberships,
        admin_delete_enabled: settings.admin_delete_enabled,
        public_metadata: input.public_metadata ?? {},
        private_metadata: input.private_metadata ?? {},
        created_by: input.created_by ?? null,
        role_set_key: input.role_set_key ?? null,
        created_at: createdAt(input.created_at, now),
        updated_at: now,
      });
      return ok(renderOrganization()(record));
    },
  },
  {
    method: "GET",
    path: "/organizations/{organization_id}",
    handler: ({ store, params, query }) => {
      const withCounts = boolParam(query, "include_members_count") === true;
      return ok(renderOrganization(withCounts)(findOrganization(store, params.organization_id as string)));
    },
  },
  {
    method: "PATCH",
    path: "/organizations/{organization_id}",
    handler: ({ store, params, body }) => {
      const prev = mustFind(store.organizations.get(params.organization_id as string), "organization");
      const input = parseBody(UpdateBody, body);
      const patch: Partial<OrganizationRecord> = { updated_at: Date.now() };
      if (input.name != null) patch.name = checkName(input.name);
      if (input.slug != null) patch.slug = checkSlug(store, input.slug, prev.id);
      if (input.max_allowed_memberships != null)
        patch.max_allowed_memberships = input.max_allowed_memberships;
      if (input.admin_delete_enabled != null) patch.admin_delete_enabled = input.admin_delete_enabled;
      if (input.role_set_key != null) patch.role_set_key = input.role_set_key;
      if (input.created_at != null) patch.created_at = createdAt(input.created_at, prev.created_at);
      return ok(renderOrganization()(store.organizations.update(prev.id, patch) as OrganizationRecord));
    },
  },
  {
    method: "PUT",
    path: "/organizations/{organization_id}/metadata",
    // Each field sent replaces the stored one wholesale; a field left out is kept.
    handler: ({ store, params, body }) => {
      const prev = mustFind(store.organizations.get(params.organization_id as string), "organization");
      const input = parseBody(MetadataBody, body);
      const patch: Partial<OrganizationRecord> = { updated_at: Date.now() };
      if (input.public_metadata !== undefined) patch.public_metadata = input.public_metadata;
      if (input.private_metadata !== undefined) patch.private_metadata = input.private_metadata;
      return ok(renderOrganization()(store.organizations.update(prev.id, patch) as OrganizationRecord));
    },
  },
  {
    method: "PATCH",
    path: "/organizations/{organization_id}/metadata",
    // A deep merge; a key set to null is removed, at any level.
    handler: ({ store, params, body }) => {
      const prev = mustFind(store.organizations.get(params.organization_id as string), "organization");
      const input = parseBody(MetadataBody, body);
      const patch: Partial<OrganizationRecord> = { updated_at: Date.now() };
      if (input.public_metadata != null)
        patch.public_metadata = deepMerge(prev.public_metadata ?? {}, input.public_metadata);
      if (input.private_metadata != null)
        patch.private_metadata = deepMerge(prev.private_metadata ?? {}, input.private_metadata);
      return ok(renderOrganization()(store.organizations.update(prev.id, patch) as OrganizationRecord));
    },
  },
  {
    method: "DELETE",
    path: "/organizations/{organization_id}",
    // Its domains (and, at Clerk, memberships and invitations) go with it.
    handler: ({ store, params }) => {
      const org = mustFind(store.organizations.get(params.organization_id as string), "organization");
      return store.batch(() => {
        for (const d of store.organizationDomains.list())
          if (d.organization_id === org.id) store.organizationDomains.delete(d.id);
        store.organizations.delete(org.id);
        return deleted("organization", org.id);
      });
    },
  },
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

export function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isObject(v) && isObject(out[k])) out[k] = deepMerge(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}
