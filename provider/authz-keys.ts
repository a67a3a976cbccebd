import { z } from "zod";

// The key formats of Clerk's authorization model (Clerk's spec, create operations). They are checked at
// preview so a malformed key fails before any request.

export const roleKey = z.string().regex(/^org:[a-z0-9_]+$/, {
  message: 'must be an organization role key such as "org:admin" (org: then lowercase letters, digits, _)',
});

/** A permission key as a role may hold it: custom (`org:invoices:read`) or Clerk's own (`org:sys_…`). */
export const permissionKey = z.string().regex(/^org:[a-z0-9_]+:[a-z0-9_]+$/, {
  message:
    'must be a permission key such as "org:invoices:read" (org:feature:action; lowercase letters, digits, _)',
});

/** Clerk reserves `org:sys_` for its system permissions, which cannot be created, updated or deleted. */
export const SYSTEM_PERMISSION_PREFIX = "org:sys_";

export const roleSetKey = z.string().regex(/^role_set:[a-z0-9_]+$/, {
  message: 'must be a role set key such as "role_set:support" (role_set: then lowercase letters, digits, _)',
});

/** The roles every instance starts with: adoptable, never deleted (Clerk's organizations rely on them). */
export const SYSTEM_ROLE_KEYS: readonly string[] = ["org:admin", "org:member"];

/** At most this many roles in a role set, and at least one (Clerk's spec). */
export const MAX_ROLES_PER_SET = 10;
