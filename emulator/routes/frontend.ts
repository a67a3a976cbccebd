import { PRIMARY_DOMAIN_ID, PRIMARY_DOMAIN_NAME } from "../seed";
import type { Store } from "../store";

/** The instance's Frontend API origin, derived from its primary domain (computed URLs hang off it). */
export function frontendApiUrl(store: Store): string {
  const primary = store.domains.get(PRIMARY_DOMAIN_ID) ?? store.domains.find((d) => !d.is_satellite);
  return `https://clerk.${primary?.name ?? PRIMARY_DOMAIN_NAME}`;
}
