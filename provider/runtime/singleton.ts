/**
 * Helpers shared by the instance-wide settings resources (InstanceSettings, InstanceRestrictions,
 * OrganizationSettings, OAuthApplicationSettings, InstanceCommunication, InstanceProtect).
 *
 * Each of these exists exactly once per Clerk instance: `create` adopts it and PATCHes only what the
 * program declares, and `delete` only forgets it (Clerk has nothing to delete, and resetting settings
 * nobody asked to reset would be a surprise).
 */

/**
 * The PATCH body for the declared inputs: camelCase input → snake_case wire field, leaving out every
 * input the user did not declare so Clerk keeps its value.
 */
export function declaredBody<I extends object>(
  news: I,
  fields: { readonly [K in keyof I]-?: string },
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [input, wire] of Object.entries(fields) as [keyof I, string][]) {
    const v = news[input];
    if (v !== undefined) body[wire] = v;
  }
  return body;
}
