import type { ConfigDocument } from "../provider/runtime/config-document";
import { defaultPlatformClient, Instances } from "../provider/runtime/instances";
import { DocumentHolder, platformProblem } from "../provider/runtime/platform";
import type { ConfigSource } from "../provider/runtime/settings";
import { apiUrlProblem, settingKeys } from "../provider/runtime/settings";
import { type ClerkClient, createClerkClient } from "../sdk";

export interface ConnectOptions {
  /** `--api-url`: over the stack config and the environment, for the instance connected to. */
  apiUrl?: string | undefined;
  /** A named instance (`clerk:instances.<name>`, `CLERK_SECRET_KEY_<NAME>`); undefined: the default one. */
  instance?: string | undefined;
  /** The stack's config (drift); without it, the environment alone. */
  config?: ConfigSource | undefined;
  /** Called once per HTTP request sent (progress, counting). */
  onRequest?: (method: string, url: URL) => void;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

/**
 * Key and URL as the provider resolves them (provider/runtime/instances.ts: stack config, then the
 * environment, per instance), with `--api-url` over both.
 */
export function resolveConnection(
  o: Pick<ConnectOptions, "apiUrl" | "instance" | "config">,
  env: NodeJS.ProcessEnv,
): { secretKey: string; apiUrl?: string; apiVersion?: string } {
  let settings: ReturnType<Instances["settings"]>;
  try {
    settings = new Instances(o.config, env).settings(o.instance);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const { config, env: variable } = settingKeys("secretKey", o.instance);
  if (!settings.secretKey) {
    throw new CliError(
      `no Clerk secret key${o.instance === undefined ? "" : ` for instance "${o.instance}"`}: set ${variable}` +
        `${o.config ? ` or the stack's ${config}` : ""} (never pass a key on the command line: it ends up in shell history)`,
    );
  }
  const apiUrl = nonEmpty(o.apiUrl) ?? settings.apiUrl;
  const problem = apiUrl === undefined ? undefined : apiUrlProblem(apiUrl);
  if (apiUrl !== undefined && problem !== undefined) {
    const where = settingKeys("apiUrl", o.instance);
    throw new CliError(`--api-url, ${where.config} or ${where.env} "${apiUrl}" ${problem}`);
  }
  const apiVersion = settings.apiVersion;
  return {
    secretKey: settings.secretKey,
    ...(apiUrl ? { apiUrl } : {}),
    ...(apiVersion ? { apiVersion } : {}),
  };
}

export function connect(o: ConnectOptions, env: NodeJS.ProcessEnv = process.env): ClerkClient {
  const { secretKey, apiUrl, apiVersion } = resolveConnection(o, env);
  const onRequest = o.onRequest;
  const base = globalThis.fetch;
  const fetch: typeof globalThis.fetch | undefined = onRequest
    ? (input, init) => {
        const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        const method =
          init?.method ?? (typeof input === "object" && "method" in input ? input.method : "GET");
        onRequest(method.toUpperCase(), new URL(href));
        return base(input, init);
      }
    : undefined;
  return createClerkClient({ secretKey, apiUrl, apiVersion, fetch });
}

/**
 * The instance's configuration document (Platform API) when a Platform API key, application and
 * environment are configured for it (as the provider resolves them); otherwise what is missing.
 */
export function connectDocument(
  o: Pick<ConnectOptions, "apiUrl" | "instance" | "config">,
  env: NodeJS.ProcessEnv,
): { document: ConfigDocument } | { missing: string } {
  let settings: ReturnType<Instances["settings"]>;
  try {
    settings = new Instances(o.config, env).settings(o.instance);
  } catch (e) {
    return { missing: e instanceof Error ? e.message : String(e) };
  }
  const apiUrl = nonEmpty(o.apiUrl) ?? settings.apiUrl;
  const resolved = { ...settings, ...(apiUrl ? { apiUrl } : {}) };
  const problem = platformProblem(resolved);
  if (problem !== undefined) return { missing: problem };
  return { document: new DocumentHolder(resolved, defaultPlatformClient).get() };
}
