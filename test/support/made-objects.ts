import type { Store } from "../../emulator";

/**
 * Deletes, straight from the store (no requests), the allow/block-list identifiers, redirect URLs, JWT
 * templates, OAuth applications, satellite domains, SSO connections, custom roles, role sets and
 * permissions a test made; what the seed brings (primary domain, initial role set, admin and member
 * roles, system permissions) stays.
 */
export function deleteMadeObjects(store: Store): void {
  for (const x of store.allowlistIdentifiers.list()) store.allowlistIdentifiers.delete(x.id);
  for (const x of store.blocklistIdentifiers.list()) store.blocklistIdentifiers.delete(x.id);
  for (const x of store.redirectUrls.list()) store.redirectUrls.delete(x.id);
  for (const x of store.jwtTemplates.list()) store.jwtTemplates.delete(x.id);
  for (const x of store.oauthApplications.list()) store.oauthApplications.delete(x.id);
  for (const x of store.domains.list().filter((d) => d.is_satellite)) store.domains.delete(x.id);
  for (const x of store.enterpriseConnections.list()) store.enterpriseConnections.delete(x.id);
  for (const x of store.samlConnections.list()) store.samlConnections.delete(x.id);
  for (const x of store.roleSets.list().filter((s) => s.type !== "initial")) store.roleSets.delete(x.id);
  for (const x of store.roles.list().filter((r) => !["org:admin", "org:member"].includes(r.key)))
    store.roles.delete(x.id);
  for (const x of store.permissions.list().filter((x) => x.type !== "system")) store.permissions.delete(x.id);
}
