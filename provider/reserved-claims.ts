/**
 * The claims Clerk sets itself in every token it mints (its JWT template and session token docs call
 * them default claims): a template or session-token customisation that declares one is refused by
 * Clerk ("You can't use the reserved claim: sub"). The one list, for every resource that takes claims;
 * see docs/resources/jwt-template.md for the evidence. Imports nothing, so any module may use it.
 */
export const RESERVED_CLAIMS: readonly string[] = ["azp", "exp", "iat", "iss", "jti", "nbf", "sub"];

/** The reserved claims among the top-level keys of `claims`, in the order declared. */
export function reservedClaimsIn(claims: Record<string, unknown>): string[] {
  return Object.keys(claims).filter((k) => RESERVED_CLAIMS.includes(k));
}

/** Clerk's words when it refuses one (the message its dashboard shows for the same template). */
export function reservedClaimMessage(claim: string): string {
  return `You can't use the reserved claim: ${claim}`;
}
