import * as pulumi from "@pulumi/pulumi";
import { Instances } from "../provider/runtime/instances";

/** Whether a Clerk instance is a production one, as far as the policy pack can tell. */
export type Environment = "production" | "development" | "unknown";

export interface InstanceEnvironment {
  /** The `instance` argument (undefined: the default instance, `clerk:secretKey`). */
  instance: string | undefined;
  environment: Environment;
  /** How the environment was decided, for messages (never the key itself). */
  reason: string;
}

/** The user's own decision (`clerkPolicies({ environment })`); undefined falls back to the key. */
export type EnvironmentResolver = (instance: string | undefined) => "production" | "development" | undefined;

/**
 * Production is known from the instance's secret key, resolved exactly as the provider resolves it
 * (runtime/instances.ts): stack config `clerk:secretKey` / `clerk:instances.<name>.secretKey`, then
 * `CLERK_SECRET_KEY` / `CLERK_SECRET_KEY_<NAME>`. Pulumi starts a policy pack with the stack's config
 * (secrets decrypted) and the CLI's environment, so the pack sees what the provider would: an `sk_live_`
 * key is a production instance, an `sk_test_` key a development one, no key "unknown".
 */
export function keyEnvironments(
  config: { get(key: string): string | undefined } = { get: (key) => pulumi.runtime.getConfig(key) },
  env: NodeJS.ProcessEnv = process.env,
): (instance: string | undefined) => InstanceEnvironment {
  let instances: Instances | undefined;
  const cache = new Map<string, InstanceEnvironment>();
  return (instance) => {
    const cached = cache.get(instance ?? "");
    if (cached) return cached;
    instances ??= new Instances(config, env);
    let key: string | undefined;
    let problem: string | undefined;
    try {
      key = instances.settings(instance).secretKey;
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    const found: InstanceEnvironment = key?.startsWith("sk_live_")
      ? { instance, environment: "production", reason: "its secret key is an sk_live_ key" }
      : key?.startsWith("sk_test_")
        ? { instance, environment: "development", reason: "its secret key is an sk_test_ key" }
        : {
            instance,
            environment: "unknown",
            reason:
              problem !== undefined
                ? "its configuration is not usable"
                : key === undefined
                  ? "no secret key is visible to the policy pack"
                  : "its secret key is neither sk_live_ nor sk_test_",
          };
    cache.set(instance ?? "", found);
    return found;
  };
}

/** The user's resolver first, then the key. */
export function environments(
  resolver: EnvironmentResolver | undefined,
  fromKeys: (instance: string | undefined) => InstanceEnvironment = keyEnvironments(),
): (instance: string | undefined) => InstanceEnvironment {
  return (instance) => {
    const own = resolver?.(instance);
    if (own !== undefined) return { instance, environment: own, reason: "the policy pack's options say so" };
    return fromKeys(instance);
  };
}

/** `default instance` or `instance "eu"`, for messages. */
export function instanceLabel(instance: string | undefined): string {
  return instance === undefined ? "the default instance" : `instance "${instance}"`;
}
