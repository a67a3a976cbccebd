import pRetry from "p-retry";
import type { z } from "zod";
import { ClerkApiError, ClerkResponseValidationError } from "./errors";
import type { ClerkLogger } from "./logger";
import { redactString } from "./redact";
import {
  backoffDelay,
  decideRetry,
  isRateLimited,
  type RetryConfig,
  rateLimitDelay,
  resolveRetryConfig,
} from "./retry";
import { collectUnknownEnumValues, type UnknownEnumValue } from "./schemas/common";
import type { HttpMethod, Transport, TransportRequest } from "./transport";
import { unknownFields } from "./unknowns";

/** Per-call options accepted by every endpoint method. */
export interface RequestOptions {
  /** Overrides the client's retry config for this call; `false` sends exactly one attempt. */
  retry?: Partial<RetryConfig> | false;
  /** Allows retrying a POST after an ambiguous failure (the caller knows a repeat is harmless). */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

export type ResponseValidation = "error" | "warn" | "off";

export interface RequestSpec<T> {
  method: HttpMethod;
  path: string;
  query?: TransportRequest["query"];
  headers?: TransportRequest["headers"];
  body?: unknown;
  /** Schema of a 2xx body; omit for a 204 answer (the result is then `undefined`). */
  schema?: z.ZodType<T>;
}

export type Requester = <T>(spec: RequestSpec<T>, options?: RequestOptions) => Promise<T>;

export interface RequesterConfig {
  transport: Transport;
  retry?: Partial<RetryConfig> | false | undefined;
  responseValidation?: ResponseValidation | undefined;
  logger?: ClerkLogger | undefined;
  /** Test seam: how to wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Sends a request with retries, turns non-2xx answers into ClerkApiError and validates 2xx bodies. */
export function createRequester(config: RequesterConfig): Requester {
  const validation = config.responseValidation ?? "error";
  const sleep = config.sleep ?? abortableSleep;
  // Shared by every call of this client (the dynamic-provider process serves all resources of an `up`
  // at once): after a 429, no call sends anything before Clerk's Retry-After has passed, so a burst
  // does not keep hammering the limit.
  let pausedUntil = 0;

  return async <T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<T> => {
    const retry = resolveRetryConfig(config.retry, options.retry);
    const startedAt = Date.now();
    let backoffs = 0;

    const attempt = async (): Promise<T> => {
      const paused = pausedUntil - Date.now();
      if (paused > 0 && retry.retries > 0) await sleep(rateLimitDelay(paused), options.signal);
      const res = await config.transport({
        method: spec.method,
        path: spec.path,
        query: spec.query,
        headers: spec.headers,
        body: spec.body,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
      });
      if (res.status < 200 || res.status >= 300) {
        throw new ClerkApiError({
          status: res.status,
          method: spec.method,
          path: spec.path,
          headers: res.headers,
          rawBody: res.text,
        });
      }
      return parseBody(spec, res.status, res.text);
    };

    const parseBody = (s: RequestSpec<T>, status: number, text: string): T => {
      if (!s.schema) return undefined as T;
      let json: unknown;
      try {
        json = text === "" ? undefined : JSON.parse(text);
      } catch {
        json = text;
      }
      if (validation === "off") return json as T;
      const schema = s.schema;
      const { result: parsed, unknown } = collectUnknownEnumValues(() => schema.safeParse(json));
      if (parsed.success) {
        if (config.logger?.debug) logUnknowns(config.logger.debug, s, json, parsed.data, unknown);
        return parsed.data;
      }
      const error = new ClerkResponseValidationError({
        method: s.method,
        path: s.path,
        status,
        issues: parsed.error.issues,
        body: json,
      });
      if (validation === "error") throw error;
      (config.logger?.warn ?? console.warn)(error.message, { issues: error.issues.length });
      return json as T;
    };

    return pRetry(attempt, {
      retries: retry.retries,
      // Delays are computed and slept in shouldRetry, so Retry-After can be honoured exactly.
      minTimeout: 0,
      maxTimeout: 0,
      maxRetryTime: Math.max(retry.maxElapsedMs, retry.maxRateLimitedMs),
      signal: options.signal,
      // Waiting out a 429 is not a failed try: only the time budget below bounds it.
      shouldConsumeRetry: ({ error }) => !isRateLimited(error),
      shouldRetry: async ({ error, attemptNumber }) => {
        const decision = decideRetry(error, { method: spec.method, idempotent: options.idempotent });
        if (!decision.retry) return false;
        const limited = isRateLimited(error);
        if (!limited) backoffs++;
        const delay = limited
          ? rateLimitDelay(decision.delayMs ?? backoffDelay(1, retry))
          : (decision.delayMs ?? backoffDelay(backoffs, retry));
        if (limited) pausedUntil = Math.max(pausedUntil, Date.now() + delay);
        const budget = limited ? Math.max(retry.maxElapsedMs, retry.maxRateLimitedMs) : retry.maxElapsedMs;
        const remaining = budget - (Date.now() - startedAt);
        if (delay > remaining) {
          config.logger?.debug?.(
            `clerk: not retrying ${spec.method} ${spec.path}: wait ${delay} ms exceeds budget`,
          );
          return false;
        }
        config.logger?.debug?.(
          `clerk: retrying ${spec.method} ${spec.path} in ${delay} ms (${decision.reason}, ${limited ? `rate limited, attempt ${attemptNumber + 1}` : `retry ${backoffs} of ${retry.retries}`})`,
        );
        await sleep(delay, options.signal);
        return true;
      },
    });
  };
}

/**
 * A field or enum value this client does not know is not an error (Clerk adds them over time): it is
 * ignored, and said at debug level so a user chasing a difference can see it.
 */
function logUnknowns(
  debug: NonNullable<ClerkLogger["debug"]>,
  spec: { method: string; path: string },
  raw: unknown,
  parsed: unknown,
  enums: UnknownEnumValue[],
): void {
  const fields = unknownFields(raw, parsed);
  if (fields.length === 0 && enums.length === 0) return;
  const values = [...new Set(enums.map((e) => e.value))];
  const parts = [
    ...(fields.length > 0 ? [`fields ${fields.join(", ")}`] : []),
    ...(values.length > 0 ? [`enum values ${values.map((v) => JSON.stringify(v)).join(", ")}`] : []),
  ];
  debug(
    redactString(
      `clerk: ${spec.method} ${spec.path}: ignoring what this client does not know: ${parts.join("; ")}`,
    ),
    { unknownFields: fields, unknownEnumValues: values.map(redactString) },
  );
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
