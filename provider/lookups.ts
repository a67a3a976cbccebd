/**
 * Read-only lookups a program uses alongside its resources: the instance's JSON Web Key Set and its
 * facts (id, environment, allowed origins, Frontend API URL). See docs/lookups.md.
 *
 * Pulumi's dynamic providers cannot serve invokes, so these run in the program's own process. They
 * resolve the instance exactly as the provider does (runtime/instances.ts, from the stack's `clerk:*`
 * config, then the environment), call Clerk once per lookup, instance and program run, and hand back
 * plain values: the key stays in this process, in no Output, state or message.
 */
import * as pulumi from "@pulumi/pulumi";
import { redactString } from "../sdk/redact";
import type { ClientPool } from "./runtime/instances";
import type { ConfigSource } from "./runtime/settings";

/** Arguments of every lookup. */
export interface LookupArgs {
  /** A name from `clerk:instances` (or `CLERK_SECRET_KEY_<NAME>`); left out, the default instance. */
  instance?: string;
}

/** {@link LookupArgs} for the Output forms: the instance may come from another resource's output. */
export interface LookupOutputArgs {
  instance?: pulumi.Input<string>;
}

/**
 * One public key of the set, as Clerk sends it. Written here rather than taken from the sdk's schema so
 * that a program's type check never loads zod; the sdk's parsed keys are assigned to it, so the
 * compiler keeps the two in step.
 */
export interface JwksKey {
  kid: string;
  kty: string;
  alg?: string;
  use?: string;
  /** RSA modulus and exponent; EC and OKP keys carry their own members. */
  n?: string;
  e?: string;
  [member: string]: unknown;
}

/** The instance's JSON Web Key Set: the public keys that verify its session tokens. */
export interface Jwks {
  /** As Clerk sends them (`kid`, `kty`, `alg`, `use`, and `n`/`e` for RSA). */
  keys: JwksKey[];
}

/** What a program needs to know about a Clerk instance. */
export interface InstanceInfo {
  /** The instance id, `ins_…`. */
  id: string;
  /** `development` or `production`. */
  environmentType: string;
  /** Extra origins allowed to call Clerk from a browser (`InstanceSettings.allowedOrigins`). */
  allowedOrigins: string[];
  /** The Frontend API origin, e.g. `https://clerk.example.com` (the primary domain's). */
  frontendApiUrl: string;
  /** Where the Frontend API serves the same key set: `<frontendApiUrl>/.well-known/jwks.json`. */
  jwksUrl: string;
}

/**
 * The lookups, over one config source and environment (the program's, or a test's).
 * @internal
 */
export function createLookups(config: ConfigSource | undefined, env: NodeJS.ProcessEnv) {
  let pool: ClientPool | undefined;
  const cache = new Map<string, Promise<unknown>>();

  /** One call per lookup and instance in this process; a failure is not remembered. */
  const once = <T>(lookup: string, instance: string | undefined, call: (p: ClientPool) => Promise<T>) => {
    const key = `${lookup}\0${instance ?? ""}`;
    let result = cache.get(key) as Promise<T> | undefined;
    if (!result) {
      result = (async () => {
        try {
          // Loaded at the first lookup, not with the package: a program that makes none never loads the
          // provider's runtime (test/unit/provider/package-exports.test.ts).
          if (!pool) {
            const { ClientPool, Instances } = await import("./runtime/instances.js");
            pool ??= new ClientPool(new Instances(config, env));
          }
          if (instance !== undefined) {
            const refusal = pool.refusal(instance);
            if (refusal !== undefined) throw new Error(`instance: ${refusal}`);
          }
          return await call(pool);
        } catch (e) {
          throw lookupFailure(lookup, instance, e);
        }
      })();
      cache.set(key, result);
      result.catch(() => cache.delete(key));
    }
    return result;
  };

  const getJwks = (args: LookupArgs = {}): Promise<Jwks> =>
    once("getJwks", args.instance, async (p) => {
      const { keys } = await p.get(args.instance).jwks.get();
      return { keys };
    });

  const getInstance = (args: LookupArgs = {}): Promise<InstanceInfo> =>
    once("getInstance", args.instance, async (p) => {
      const client = p.get(args.instance);
      const [instance, domains] = await Promise.all([client.instance.get(), client.domains.list()]);
      // Clerk's Backend API has no "frontend API" field on the instance: each domain carries its
      // frontend_api_url, and the primary (non-satellite) domain's is the instance's own.
      const primary = domains.find((d) => !d.is_satellite);
      if (!primary) throw new Error("Clerk listed no primary domain, so the Frontend API URL is unknown");
      const frontendApiUrl = primary.frontend_api_url.replace(/\/+$/, "");
      return {
        id: instance.id,
        environmentType: instance.environment_type,
        allowedOrigins: instance.allowed_origins ?? [],
        frontendApiUrl,
        jwksUrl: `${frontendApiUrl}/.well-known/jwks.json`,
      };
    });

  return { getJwks, getInstance };
}

function lookupFailure(lookup: string, instance: string | undefined, e: unknown): Error {
  const where = instance === undefined ? "" : ` (instance "${instance}")`;
  const err = new Error(
    redactString(`clerk.${lookup}${where} failed: ${e instanceof Error ? e.message : String(e)}`),
  );
  err.name = e instanceof Error ? e.name : "Error";
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

/** The program's own lookups: its stack config (`clerk:*`, as the engine hands it to the program), then its environment. */
let programLookups: ReturnType<typeof createLookups> | undefined;
const program = () => {
  // runtime.getConfig, not Config.get: it reads the same values without warning that a secret is read
  // as plain text; the values never enter an Output.
  programLookups ??= createLookups({ get: (key) => pulumi.runtime.getConfig(key) }, process.env);
  return programLookups;
};

/** The instance's JSON Web Key Set. One `GET /jwks` per instance and program run (also at preview). */
export function getJwks(args: LookupArgs = {}): Promise<Jwks> {
  return program().getJwks(args);
}

/** {@link getJwks} as an Output, for another resource's input. */
export function getJwksOutput(args: LookupOutputArgs = {}): pulumi.Output<Jwks> {
  return pulumi
    .output(args.instance)
    .apply((instance) => getJwks(instance === undefined ? {} : { instance }));
}

/**
 * The instance's id, environment type, allowed origins, Frontend API URL and JWKS URL. `GET /instance`
 * and `GET /domains` once per instance and program run (also at preview).
 */
export function getInstance(args: LookupArgs = {}): Promise<InstanceInfo> {
  return program().getInstance(args);
}

/** {@link getInstance} as an Output, for another resource's input. */
export function getInstanceOutput(args: LookupOutputArgs = {}): pulumi.Output<InstanceInfo> {
  return pulumi
    .output(args.instance)
    .apply((instance) => getInstance(instance === undefined ? {} : { instance }));
}
