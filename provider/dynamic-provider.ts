/**
 * The `__provider` value stored in every resource's state. Pulumi's dynamic-provider process turns it
 * back into a provider with `requireFromString(text).handler()`, in another process and from the
 * program's working directory (see docs/architecture.md, "The serialization boundary").
 *
 * `pulumi.dynamic.Resource` would produce it by serializing a closure (about 2.2 KB for seven
 * delegating methods, stored twice per resource). We write the module text ourselves instead: it
 * captures nothing, loads our runtime by package name, and stays the same across versions of this
 * package, so upgrading it never shows up as a change.
 */
export function providerModule(type: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(type)) throw new Error(`invalid resource type name: ${type}`);
  return `exports.handler = () => require("pulumi-clerk/runtime").provider("${type}");\n`;
}

/** The property name the dynamic-provider host reads the module text from. */
export const PROVIDER_KEY = "__provider";

/**
 * Type tokens in the `pulumi-nodejs` package are served by the dynamic-provider host; the module part
 * makes them readable in previews: `pulumi-nodejs:dynamic/clerk:JwtTemplate`.
 */
export function typeToken(type: string): string {
  return `pulumi-nodejs:dynamic/clerk:${type}`;
}
