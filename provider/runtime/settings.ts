import type { ClerkClient, ClerkClientOptions, ClerkLogger } from "../../sdk";

/** Where the provider process finds its Clerk settings: never through state (see docs/architecture.md, "Credentials"). */
export interface ClerkSettings {
  /** The named instance these settings belong to (`clerk:instances.<name>`); undefined: the default one. */
  instance?: string;
  secretKey?: string;
  apiUrl?: string;
  apiVersion?: string;
  /** Per-attempt timeout in milliseconds, as configured (a string, checked before the first request). */
  requestTimeoutMs?: string;
  /** Platform API key (`ak_…`): only the configuration-document resources need it (platform.ts). */
  platformApiKey?: string;
  /** The Clerk application (`app_…`) whose instance the configuration-document resources manage. */
  applicationId?: string;
  /** Which of its instances: `development`, `production` or an `ins_…` id (default: from the secret key). */
  environment?: string;
}

/** The part of Pulumi's dynamic ConfigureRequest config we use. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/**
 * Where a user sets one setting of an instance: the stack config key and the environment variable.
 * The default instance: `clerk:apiUrl` / `CLERK_API_URL`; a named one:
 * `clerk:instances.<name>.apiUrl` / `CLERK_API_URL_<NAME>` (see instances.ts).
 */
export function settingKeys(setting: SettingName, instance?: string): { config: string; env: string } {
  const env = SETTING_ENV[setting];
  if (instance === undefined) return { config: `clerk:${setting}`, env };
  return { config: `clerk:instances.${instance}.${setting}`, env: `${env}_${envSuffix(instance)}` };
}

/** Each setting of an instance and its environment variable (named instances: `<VAR>_<NAME>`). */
export const SETTING_ENV = {
  secretKey: "CLERK_SECRET_KEY",
  apiUrl: "CLERK_API_URL",
  apiVersion: "CLERK_API_VERSION",
  requestTimeoutMs: "CLERK_REQUEST_TIMEOUT_MS",
  platformApiKey: "CLERK_PLATFORM_API_KEY",
  applicationId: "CLERK_APPLICATION_ID",
  environment: "CLERK_ENVIRONMENT",
} as const;

export type SettingName = keyof typeof SETTING_ENV;

/** The environment-variable suffix of an instance name: upper case, `-` as `_` (`eu-prod` → `EU_PROD`). */
export function envSuffix(instance: string): string {
  return instance.toUpperCase().replace(/-/g, "_");
}

export class MissingSecretKeyError extends Error {
  constructor(instance?: string) {
    const { config, env } = settingKeys("secretKey", instance);
    const how =
      instance === undefined
        ? `pulumi config set --secret ${config} sk_...`
        : `pulumi config set --secret --path '${config}' sk_...`;
    super(
      `Clerk secret key${instance === undefined ? "" : ` of instance "${instance}"`} is not set. Set it for the ` +
        `stack with \`${how}\` or in the environment as ${env}.`,
    );
    this.name = "MissingSecretKeyError";
  }
}

export class InvalidApiUrlError extends Error {
  constructor(url: string, problem: string, instance?: string) {
    const { config, env } = settingKeys("apiUrl", instance);
    super(
      `${config} (or ${env}) "${url}" ${problem}. Use Clerk's Backend API URL, ` +
        "https://api.clerk.com/v1, or leave it unset for that default.",
    );
    this.name = "InvalidApiUrlError";
  }
}

export class InvalidRequestTimeoutError extends Error {
  constructor(value: string, instance?: string) {
    const { config, env } = settingKeys("requestTimeoutMs", instance);
    super(
      `${config} (or ${env}) "${value}" is not a whole number of ` +
        "milliseconds between 1 and 600000. Leave it unset for the default of 30000 (30 s).",
    );
    this.name = "InvalidRequestTimeoutError";
  }
}

/** The timeout in ms, or undefined when the value is not a whole number in 1..600000 (ten minutes). */
export function parseRequestTimeout(value: string): number | undefined {
  if (!/^\d+$/.test(value)) return undefined;
  const ms = Number(value);
  return ms >= 1 && ms <= 600_000 ? ms : undefined;
}

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * What is wrong with an API URL, or undefined. Checked before the first request, so a typo costs
 * nothing and the key is never sent in plaintext over the network: plain http only to this machine
 * (the emulator), and Clerk's Backend API lives under /v1.
 */
export function apiUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    return `uses ${parsed.protocol}, not https:`;
  if (parsed.protocol === "http:" && !LOOPBACK_HOSTS.test(parsed.hostname)) {
    return "uses plain http to another machine, which would send the secret key unencrypted";
  }
  if (parsed.search || parsed.hash) return "has a query or fragment";
  if (!/\/v1\/?$/.test(parsed.pathname)) return "does not end in /v1, where Clerk's Backend API lives";
  return undefined;
}

/** The default instance's settings: stack config first, then the environment; empty strings count as unset. */
export function resolveSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv): ClerkSettings {
  const settings: ClerkSettings = {};
  for (const [setting, envName] of Object.entries(SETTING_ENV) as [SettingName, string][]) {
    const value = nonEmpty(config?.get(`clerk:${setting}`)) ?? nonEmpty(env[envName]);
    if (value !== undefined) settings[setting] = value;
  }
  return settings;
}

export function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/**
 * Holds the settings of one instance in this process and builds the client lazily, so that check and diff
 * (which never call Clerk) work without a key, and a missing key is one clear error at the first
 * operation that needs it.
 */
export class ClientHolder {
  private settings: ClerkSettings;
  private client: ClerkClient | undefined;

  /** @param logger where the client says what it does (requests, retries, rate-limit waits) */
  constructor(
    settings: ClerkSettings = resolveSettings(undefined, process.env),
    private readonly logger?: ClerkLogger,
  ) {
    this.settings = settings;
  }

  configure(settings: ClerkSettings): void {
    // The host configures once per resource type with the same stack config: keep the client (and its
    // shared rate-limit state) unless the settings really changed.
    if (JSON.stringify(settings) === JSON.stringify(this.settings)) return;
    this.settings = settings;
    this.client = undefined;
  }

  get(): ClerkClient {
    if (!this.client) {
      const { instance, secretKey, apiUrl, apiVersion, requestTimeoutMs } = this.settings;
      if (!secretKey) throw new MissingSecretKeyError(instance);
      const problem = apiUrl === undefined ? undefined : apiUrlProblem(apiUrl);
      if (apiUrl !== undefined && problem !== undefined)
        throw new InvalidApiUrlError(apiUrl, problem, instance);
      const timeoutMs = requestTimeoutMs === undefined ? undefined : parseRequestTimeout(requestTimeoutMs);
      if (requestTimeoutMs !== undefined && timeoutMs === undefined) {
        throw new InvalidRequestTimeoutError(requestTimeoutMs, instance);
      }
      this.client = lazyClient({
        secretKey,
        ...(apiUrl ? { apiUrl } : {}),
        ...(apiVersion ? { apiVersion } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(this.logger ? { logger: this.logger } : {}),
      });
    }
    return this.client;
  }
}

/**
 * A client whose sdk (transport, ofetch, response schemas) is loaded at its first call: check and diff,
 * all of a preview, never call Clerk, and every provider process starts cold (about 100 ms of CPU
 * saved per preview; bench/require-time.mjs). Every endpoint method is async, so `client.group.method`
 * can hand back a function that loads first. `import()`, not `require`, so the tests' loader sees it too.
 */
function lazyClient(options: ClerkClientOptions): ClerkClient {
  let real: Promise<ClerkClient> | undefined;
  const load = () => {
    real ??= import("../../sdk/client.js").then((m) => m.createClerkClient(options));
    return real;
  };
  const group = (name: string) =>
    new Proxy(
      {},
      {
        get: (_, method) =>
          typeof method !== "string"
            ? undefined
            : async (...args: unknown[]) => {
                const target = (await load())[name as keyof ClerkClient] as Record<
                  string,
                  (...a: unknown[]) => Promise<unknown>
                >;
                return (
                  target[method]?.(...args) ??
                  Promise.reject(new TypeError(`${name}.${method} is not a function`))
                );
              },
      },
    );
  return new Proxy({} as ClerkClient, {
    get: (_, name) => (typeof name === "string" ? group(name) : undefined),
  });
}
