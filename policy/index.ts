/**
 * pulumi-clerk's policy pack (CrossGuard): rules that check Clerk configuration in every `pulumi
 * preview` and `pulumi up`. Needs `@pulumi/policy` (an optional peer dependency: install it where the
 * pack runs). See docs/policy-pack.md.
 */
export { type Environment, type EnvironmentResolver, keyEnvironments } from "./environment";
export { type ClerkPolicyOptions, clerkPolicies } from "./pack";
export { type CommonConfig, defaults, type Rule, rules, type Scope, type Subject } from "./rules";
