import { createFetch } from "ofetch";
import { ClerkNetworkError, type NetworkErrorKind } from "./errors";
import type { ClerkLogger } from "./logger";
import { redactBody, redactHeaders, redactString } from "./redact";
import { SDK_VERSION } from "./version";

export const DEFAULT_API_URL = "https://api.clerk.com/v1";
export const DEFAULT_API_VERSION = "2026-05-12";
export const DEFAULT_TIMEOUT_MS = 30_000;

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface TransportOptions {
  /** The bearer credential: an instance secret key (Backend API) or a Platform API key. */
  secretKey: string;
  apiUrl?: string | undefined;
  /** `Clerk-API-Version`; `null` sends no version header (the Platform API declares none). */
  apiVersion?: string | null | undefined;
  /** Replaces the default `pulumi-clerk/<version>`. */
  userAgent?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  timeoutMs?: number | undefined;
  logger?: ClerkLogger | undefined;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Path below the API URL, e.g. `/jwt_templates/abc`. */
  path: string;
  /** An array value is sent as a repeated parameter (`keys=a&keys=b`). */
  query?: Record<string, string | number | boolean | string[] | undefined> | undefined;
  /** Per-request headers (e.g. `If-Match`); they cannot replace Authorization. */
  headers?: Record<string, string> | undefined;
  body?: unknown;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface TransportResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The raw body ("" when there is none). */
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** One HTTP exchange with Clerk: no retries, no status handling; network failures become ClerkNetworkError. */
export function createTransport(options: TransportOptions): Transport {
  if (!options.secretKey) throw new Error("pulumi-clerk: a Clerk secret key is required");
  const $fetch = createFetch({ fetch: options.fetch ?? globalThis.fetch });
  const baseURL = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, "");
  const shownUrl = withoutCredentials(baseURL);
  const apiVersion = options.apiVersion === undefined ? DEFAULT_API_VERSION : options.apiVersion;
  const baseHeaders: Record<string, string> = {
    "user-agent": options.userAgent ?? `pulumi-clerk/${SDK_VERSION}`,
    accept: "application/json",
    ...(apiVersion === null ? {} : { "clerk-api-version": apiVersion }),
  };
  const authorization = `Bearer ${options.secretKey}`;
  const logger = options.logger;

  return async (req) => {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const query = Object.fromEntries(Object.entries(req.query ?? {}).filter(([, v]) => v !== undefined));
    const headers = { ...baseHeaders, ...lowerCased(req.headers), authorization };
    const started = performance.now();
    logger?.debug?.(`clerk → ${req.method} ${req.path}`, {
      method: req.method,
      url: `${baseURL}${req.path}`,
      query,
      headers: redactHeaders(headers),
      ...(req.body === undefined ? {} : { body: redactBody(req.body) }),
    });

    let response: Awaited<ReturnType<typeof $fetch.raw<string, "text">>>;
    try {
      response = await $fetch.raw<string, "text">(req.path, {
        baseURL,
        method: req.method,
        query,
        headers,
        body: req.body as Record<string, unknown> | undefined,
        signal,
        responseType: "text",
        retry: false,
        ignoreResponseError: true,
      });
    } catch (error) {
      const failure = classifyNetworkError(error, {
        method: req.method,
        path: req.path,
        apiUrl: shownUrl,
        timedOut: timeout.aborted,
        aborted: req.signal?.aborted ?? false,
        timeoutMs,
      });
      logger?.debug?.(`clerk ✗ ${req.method} ${req.path}: ${failure.message}`, {
        kind: failure.kind,
        code: failure.causeCode,
        mayHaveReachedServer: failure.mayHaveReachedServer,
        durationMs: Math.round(performance.now() - started),
      });
      throw failure;
    }

    const result: TransportResponse = {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      text: typeof response._data === "string" ? response._data : "",
    };
    logger?.debug?.(`clerk ← ${response.status} ${req.method} ${req.path}`, {
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      headers: redactHeaders(result.headers),
      body: redactLoggedBody(result.text),
    });
    return result;
  };
}

function lowerCased(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The URL as errors may show it: user info (a password in the URL) never leaves this module. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/+$/, "");
  } catch {
    return "(the configured API URL)";
  }
}

function redactLoggedBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return redactBody(JSON.parse(text));
  } catch {
    return redactString(text.length > 500 ? `${text.slice(0, 500)}…` : text);
  }
}

// Connection never opened: the server cannot have seen the request.
const NOT_SENT: Record<string, NetworkErrorKind> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  EAI_NONAME: "dns",
  EHOSTUNREACH: "other",
  ENETUNREACH: "other",
  EADDRNOTAVAIL: "other",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
};
// Connection was open: the request may have been received and acted on.
const MAYBE_SENT: Record<string, NetworkErrorKind> = {
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  ETIMEDOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
};

export function classifyNetworkError(
  error: unknown,
  ctx: {
    method: string;
    path: string;
    apiUrl?: string;
    timedOut: boolean;
    aborted: boolean;
    timeoutMs?: number;
  },
): ClerkNetworkError {
  const base = { method: ctx.method, path: ctx.path, apiUrl: ctx.apiUrl, cause: error };
  if (ctx.aborted) return new ClerkNetworkError({ ...base, kind: "aborted", mayHaveReachedServer: true });
  if (ctx.timedOut) {
    return new ClerkNetworkError({
      ...base,
      kind: "timeout",
      mayHaveReachedServer: true,
      detail: ctx.timeoutMs === undefined ? undefined : `no answer within ${ctx.timeoutMs} ms`,
    });
  }
  const code = findErrorCode(error);
  if (code && code in NOT_SENT) {
    return new ClerkNetworkError({
      ...base,
      kind: NOT_SENT[code]!,
      mayHaveReachedServer: false,
      causeCode: code,
    });
  }
  if (code && code in MAYBE_SENT) {
    return new ClerkNetworkError({
      ...base,
      kind: MAYBE_SENT[code]!,
      mayHaveReachedServer: true,
      causeCode: code,
    });
  }
  // Unknown failure: assume the worst, so a POST is not sent twice.
  return new ClerkNetworkError({
    ...base,
    kind: "other",
    mayHaveReachedServer: true,
    causeCode: code,
    detail: deepestMessage(error),
  });
}

/** The first `code` along the cause chain (ofetch wraps fetch's TypeError, which wraps undici's error). */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof e.code === "string") return e.code;
    // Happy-eyeballs connects fail with an AggregateError holding one error per address.
    if (Array.isArray(e.errors)) {
      const inner = e.errors.map(findErrorCode).find((c) => c !== undefined);
      if (inner) return inner;
    }
    current = e.cause;
  }
  return undefined;
}

function deepestMessage(error: unknown): string | undefined {
  let current: unknown = error;
  let message: string | undefined;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    message = current.message;
    current = current.cause;
  }
  return message;
}
