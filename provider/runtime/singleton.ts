/**
 * Helpers shared by the instance-wide settings resources (InstanceSettings, InstanceRestrictions,
 * OrganizationSettings, OAuthApplicationSettings, InstanceCommunication, InstanceProtect).
 *
 * Each of these exists exactly once per Clerk instance: `create` adopts it and PATCHes only what the
 * program declares, and `delete` only forgets it (Clerk has nothing to delete, and resetting settings
 * nobody asked to reset would be a surprise).
 */

/**
 * A settings resource's fields, written once for both directions: camelCase input name → the wire
 * field that the PATCH takes and the object read back carries.
 */
export type FieldTable<Inputs, Api> = { readonly [K in keyof Inputs]-?: keyof Api & string };

/**
 * The PATCH body for the declared inputs, leaving out every input the user did not declare so Clerk
 * keeps its value.
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

/**
 * The input view of the object Clerk answered, through the same table. A field Clerk's answer lacks is
 * left out, so the declared value is kept (drift there is invisible); null is kept as null.
 */
export function wireInputs<I extends object, Api extends object>(
  api: Api,
  fields: FieldTable<I, Api>,
): Partial<I> {
  const view: Record<string, unknown> = {};
  for (const [input, wire] of Object.entries(fields) as [string, keyof Api][]) {
    const v = api[wire];
    if (v !== undefined) view[input] = v;
  }
  return view as Partial<I>;
}
