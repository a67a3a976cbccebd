import { z } from "zod";
import { forbidden, identifierExists, notFound, paramFormatInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { DomainRecord } from "../types";
import { isHostWithOptionalPort, isUrl, parseBody } from "../validate";
import { deleted, mustFind, newestFirst, ok } from "./common";
import { accountsPortalUrl, frontendApiUrl } from "./frontend";

// Add has no `additionalProperties: false`; only satellites can be added (`is_satellite: enum [true]`).
const CreateBody = z.object({
  name: z.string(),
  is_satellite: z.literal(true),
  proxy_url: z.string().nullable().optional(),
});
const UpdateBody = z.strictObject({
  name: z.string().nullable().optional(),
  proxy_url: z.string().nullable().optional(),
  is_secondary: z.boolean().nullable().optional(),
});

/** Lowercased; a development instance's domain may carry a port (`localhost:3000`). No scheme. */
function normaliseName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (!isHostWithOptionalPort(name)) {
    throw paramFormatInvalid(
      "name",
      "name must be a domain name (optionally with a port), without a scheme or path.",
    );
  }
  return name;
}

function checkProxyUrl(url: string | null | undefined) {
  if (url != null && !isUrl(url, { httpsOnly: true }))
    throw paramFormatInvalid("proxy_url", "proxy_url must be an https URL.");
}

/**
 * `is_secondary` is write-only and left out. A development instance (the only kind emulated) has no DNS
 * to set up: no CNAME targets, and every domain answers with the instance's own Frontend API host.
 */
const render = (store: Store) => (d: DomainRecord) => ({
  object: "domain",
  id: d.id,
  name: d.name,
  is_satellite: d.is_satellite,
  frontend_api_url: frontendApiUrl(store),
  accounts_portal_url: d.is_satellite ? null : accountsPortalUrl(store),
  proxy_url: d.proxy_url,
  development_origin: "",
  cname_targets: [],
});

export const domainRoutes: Route[] = [
  {
    method: "GET",
    path: "/domains",
    // Newest first, as Clerk lists domains; no paging parameters (the spec declares none).
    handler: ({ store }) => {
      const all = newestFirst(store.domains.list());
      return ok({ data: all.map(render(store)), total_count: all.length });
    },
  },
  {
    method: "POST",
    path: "/domains",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const name = normaliseName(input.name);
      if (store.domains.find((d) => d.name === name)) throw identifierExists("name");
      checkProxyUrl(input.proxy_url);
      const rec = store.domains.insert({
        id: newId(ID_PREFIX.domain),
        name,
        is_satellite: true,
        proxy_url: input.proxy_url ?? null,
        is_secondary: null,
      });
      return ok(render(store)(rec));
    },
  },
  {
    method: "PATCH",
    path: "/domains/{domain_id}",
    handler: ({ store, params, body }) => {
      const id = params.domain_id as string;
      const prev = mustFind(store.domains.get(id), "domain");
      const input = parseBody(UpdateBody, body);
      const next: DomainRecord = { ...prev };
      if (input.name != null) {
        next.name = normaliseName(input.name);
        if (store.domains.find((d) => d.name === next.name && d.id !== id)) throw identifierExists("name");
      }
      if (input.proxy_url !== undefined) {
        checkProxyUrl(input.proxy_url);
        next.proxy_url = input.proxy_url;
      }
      if (input.is_secondary != null) next.is_secondary = input.is_secondary;
      return ok(render(store)(store.domains.update(id, next) as DomainRecord));
    },
  },
  {
    method: "DELETE",
    path: "/domains/{domain_id}",
    handler: ({ store, params }) => {
      const id = params.domain_id as string;
      const d = store.domains.get(id);
      if (!d) throw notFound("domain");
      if (!d.is_satellite) {
        throw forbidden(
          "primary_domain_deletion_forbidden",
          "It is currently not possible to delete the instance's primary domain.",
        );
      }
      store.domains.delete(id);
      return deleted("domain", id);
    },
  },
];
