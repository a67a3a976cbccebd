import type { ClerkLogger } from "../logger";
import { createRequester, type ResponseValidation } from "../request";
import type { RetryConfig } from "../retry";
import { createTransport } from "../transport";
import { applicationsApi } from "./applications";
import { configApi } from "./config";
import { domainsApi } from "./domains";
import { instancesApi } from "./instances";

export interface PlatformClientOptions {
  /**
   * A Platform API key (`ak_…`, from the Clerk dashboard's workspace settings) or an OAuth access token.
   * Never logged and never part of an error message. An instance secret key (`sk_…`) does not work here.
   */
  apiKey: string;
  /** Default `https://api.clerk.com/v1`; point it at the emulator in tests. */
  apiUrl?: string | undefined;
  /** Replaces the default `pulumi-clerk/<version>`. */
  userAgent?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number | undefined;
  /** Defaults for every call (each call may override); `false` disables retries. */
  retry?: Partial<RetryConfig> | false | undefined;
  logger?: ClerkLogger | undefined;
  /** What a 2xx body that does not match its schema does: throw (default), warn and pass it on, or nothing. */
  responseValidation?: ResponseValidation | undefined;
}

/**
 * A client of Clerk's Platform API (workspace level: applications, instances and each instance's
 * configuration document). Same transport, retries, errors and redaction as the Backend API client.
 */
export function createPlatformClient(options: PlatformClientOptions) {
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new Error(
      "pulumi-clerk: a Clerk Platform API key is required (an `ak_…` key from the Clerk dashboard, workspace settings)",
    );
  }
  const transport = createTransport({
    secretKey: options.apiKey,
    apiUrl: options.apiUrl,
    // The Platform API is versioned by its path (beta) and declares no version header.
    apiVersion: null,
    userAgent: options.userAgent,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
  });
  const request = createRequester({
    transport,
    retry: options.retry,
    responseValidation: options.responseValidation,
    logger: options.logger,
  });
  return {
    applications: applicationsApi(request),
    config: configApi(request),
    domains: domainsApi(request),
    instances: instancesApi(request),
  };
}

export type PlatformClient = ReturnType<typeof createPlatformClient>;
