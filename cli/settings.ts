import { type ClerkClient, createClerkClient } from "../sdk";

export interface ConnectOptions {
  secretKey?: string | undefined;
  apiUrl?: string | undefined;
  apiVersion?: string | undefined;
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

/** Key and URL as everywhere else: explicit values (flags), then CLERK_SECRET_KEY / CLERK_API_URL. */
export function resolveConnection(
  o: { secretKey?: string | undefined; apiUrl?: string | undefined; apiVersion?: string | undefined },
  env: NodeJS.ProcessEnv,
): { secretKey: string; apiUrl?: string; apiVersion?: string } {
  const secretKey = nonEmpty(o.secretKey) ?? nonEmpty(env.CLERK_SECRET_KEY);
  if (!secretKey) {
    throw new CliError(
      "no Clerk secret key: set CLERK_SECRET_KEY (never pass a key on the command line: it ends up in shell history)",
    );
  }
  const apiUrl = nonEmpty(o.apiUrl) ?? nonEmpty(env.CLERK_API_URL);
  const apiVersion = nonEmpty(o.apiVersion) ?? nonEmpty(env.CLERK_API_VERSION);
  return { secretKey, ...(apiUrl ? { apiUrl } : {}), ...(apiVersion ? { apiVersion } : {}) };
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
