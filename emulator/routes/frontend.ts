import type { Store } from "../store";

/**
 * The emulated instance is a development instance (GET /instance says so), and a development
 * instance's Frontend API is not `clerk.<domain>`: Clerk serves it from a host of its own,
 * `<slug>.clerk.accounts.dev`, the same for every domain of the instance. The slug is derived from the
 * instance id, so it is stable across restarts.
 */
function devSlug(store: Store): string {
  const tail = store.instanceId
    .replace(/[^a-zA-Z0-9]/g, "")
    .toLowerCase()
    .slice(-8);
  return `emulated-${tail}`;
}

/** The instance's Frontend API origin (computed URLs of OAuth apps and SSO connections hang off it). */
export function frontendApiUrl(store: Store): string {
  return `https://${devSlug(store)}.clerk.accounts.dev`;
}

/** The development Account Portal origin. */
export function accountsPortalUrl(store: Store): string {
  return `https://${devSlug(store)}.accounts.dev`;
}
