import { z } from "zod";
import { identifierExists, notFound, paramFormatInvalid, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { OrganizationDomainRecord, OrganizationDomainVerificationRecord } from "../types";
import { isFqdn, parseBody } from "../validate";
import { deleted, mustFind, newestFirst, ok, orderBy, pagedList } from "./common";

const MODES = ["manual_invitation", "automatic_invitation", "automatic_suggestion", "enterprise_sso"];

// Create has `additionalProperties: false`; PATCH does not.
const CreateBody = z.strictObject({
  name: z.string(),
  enrollment_mode: z.string().optional(),
  verified: z.boolean().nullable().optional(),
});
const UpdateBody = z.object({
  enrollment_mode: z.string().nullable().optional(),
  verified: z.boolean().nullable().optional(),
});

function checkMode(mode: string): string {
  if (!MODES.includes(mode))
    throw paramValueInvalid("enrollment_mode", `enrollment_mode must be one of: ${MODES.join(", ")}.`);
  return mode;
}

/** Affiliation as an admin set it through the Backend API (no email code was involved). */
const affiliation = (verified: boolean): OrganizationDomainVerificationRecord => ({
  status: verified ? "verified" : "unverified",
  strategy: "admin",
  verified_at: null,
});

const verification = (v: OrganizationDomainVerificationRecord | null, ownership: boolean) =>
  v === null
    ? null
    : {
        status: v.status,
        strategy: v.strategy,
        attempts: null,
        expire_at: null,
        // "Only populated on ownership_verification; null on affiliation_verification."
        verified_at: ownership ? v.verified_at : null,
      };

const render = (store: Store) => (d: OrganizationDomainRecord) => {
  const org = store.organizations.get(d.organization_id);
  return {
    object: "organization_domain",
    id: d.id,
    organization_id: d.organization_id,
    name: d.name,
    enrollment_mode: d.enrollment_mode,
    affiliation_email_address: null,
    affiliation_verification: verification(d.affiliation, false),
    ownership_verification: verification(d.ownership, true),
    // The deprecated alias, still answered on this API version (and the one @clerk/backend reads).
    verification: verification(d.affiliation, false),
    total_pending_invitations: 0,
    total_pending_suggestions: 0,
    public_organization_data: org
      ? { id: org.id, name: org.name, slug: org.slug, image_url: "", has_image: false }
      : null,
    created_at: d.created_at,
    updated_at: d.updated_at,
  };
};

function filterVerified(query: URLSearchParams, items: OrganizationDomainRecord[]) {
  const raw = query.get("verified");
  if (raw === null) return items;
  if (raw !== "true" && raw !== "false")
    throw paramFormatInvalid("verified", "verified must be true or false.");
  return items.filter((d) => (d.affiliation.status === "verified") === (raw === "true"));
}

/** `enrollment_mode` values: include some, or exclude with a `-` prefix; both compose as AND. */
function filterModes(values: string[], items: OrganizationDomainRecord[]) {
  if (values.length === 0) return items;
  for (const v of values) checkMode(v.replace(/^-/, ""));
  const include = values.filter((v) => !v.startsWith("-"));
  const exclude = values.filter((v) => v.startsWith("-")).map((v) => v.slice(1));
  return items.filter(
    (d) =>
      (include.length === 0 || include.includes(d.enrollment_mode)) && !exclude.includes(d.enrollment_mode),
  );
}

function mustFindDomain(store: Store, organizationId: string, id: string): OrganizationDomainRecord {
  const d = store.organizationDomains.get(id);
  if (d === undefined || d.organization_id !== organizationId) throw notFound("organization domain");
  return d;
}

export const organizationDomainRoutes: Route[] = [
  {
    method: "GET",
    path: "/organization_domains",
    handler: ({ store, query }) => {
      const orgId = query.get("organization_id");
      const q = query.get("query");
      if (q !== null && q.trim() === "") throw paramValueInvalid("query", "query must not be empty.");
      const names = query.getAll("domains");
      const modes = query.getAll("enrollment_mode").flatMap((v) => v.split(","));
      // `created_at` is creation order itself (kept by the store), which same-millisecond timestamps tie.
      const sort = orderBy<OrganizationDomainRecord>(query, {
        name: (d) => d.name,
        created_at: (_, position) => position,
      });
      let items = store.organizationDomains
        .list()
        .filter(
          (d) =>
            (orgId === null || d.organization_id === orgId) &&
            (names.length === 0 || names.includes(d.name)) &&
            (q === null ||
              (q.startsWith("org_") ? d.organization_id === q : d.name.includes(q.toLowerCase()))),
        );
      items = filterModes(modes, filterVerified(query, items));
      return pagedList(sort(items), query, render(store));
    },
  },
  {
    method: "GET",
    path: "/organizations/{organization_id}/domains",
    handler: ({ store, params, query }) => {
      const orgId = params.organization_id as string;
      const items = store.organizationDomains.list().filter((d) => d.organization_id === orgId);
      const mode = query.get("enrollment_mode");
      return pagedList(
        newestFirst(filterModes(mode === null ? [] : mode.split(","), filterVerified(query, items))),
        query,
        render(store),
      );
    },
  },
  {
    method: "POST",
    path: "/organizations/{organization_id}/domains",
    handler: ({ store, params, body }) => {
      const org = mustFind(store.organizations.get(params.organization_id as string), "organization");
      const input = parseBody(CreateBody, body);
      const name = input.name.trim().toLowerCase();
      if (!isFqdn(name)) throw paramFormatInvalid("name", "name must be a domain name such as example.com.");
      const mode = checkMode(input.enrollment_mode ?? "manual_invitation");
      if (store.organizationDomains.find((d) => d.organization_id === org.id && d.name === name))
        throw identifierExists("name");
      const now = Date.now();
      const record = store.organizationDomains.insert({
        id: newId(ID_PREFIX.organizationDomain),
        organization_id: org.id,
        name,
        enrollment_mode: mode,
        // "By default the domain is verified."
        affiliation: affiliation(input.verified ?? true),
        ownership: null,
        created_at: now,
        updated_at: now,
      });
      return ok(render(store)(record));
    },
  },
  {
    method: "PATCH",
    path: "/organizations/{organization_id}/domains/{domain_id}",
    handler: ({ store, params, body }) => {
      const prev = mustFindDomain(store, params.organization_id as string, params.domain_id as string);
      const input = parseBody(UpdateBody, body);
      const patch: Partial<OrganizationDomainRecord> = { updated_at: Date.now() };
      if (input.enrollment_mode != null) patch.enrollment_mode = checkMode(input.enrollment_mode);
      if (input.verified != null) patch.affiliation = affiliation(input.verified);
      return ok(render(store)(store.organizationDomains.update(prev.id, patch) as OrganizationDomainRecord));
    },
  },
  {
    method: "POST",
    path: "/organizations/{organization_id}/domains/{domain_id}/verify_ownership",
    // Idempotent: an already verified domain keeps its first verification.
    handler: ({ store, params }) => {
      const prev = mustFindDomain(store, params.organization_id as string, params.domain_id as string);
      if (prev.ownership?.status === "verified") return ok(render(store)(prev));
      const now = Date.now();
      const next = store.organizationDomains.update(prev.id, {
        ownership: { status: "verified", strategy: "manual_override", verified_at: now },
        updated_at: now,
      });
      return ok(render(store)(next as OrganizationDomainRecord));
    },
  },
  {
    method: "DELETE",
    path: "/organizations/{organization_id}/domains/{domain_id}",
    handler: ({ store, params }) => {
      const d = mustFindDomain(store, params.organization_id as string, params.domain_id as string);
      store.organizationDomains.delete(d.id);
      return deleted("organization_domain", d.id);
    },
  },
];
