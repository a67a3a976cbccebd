import type { z } from "zod";
import { redactString } from "./redact";
import { type ClerkError, ClerkErrorsSchema, pathInBody } from "./schemas/common";

export interface ClerkApiErrorInit {
  status: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** Clerk answered with a non-2xx status. */
export class ClerkApiError extends Error {
  override readonly name = "ClerkApiError";
  readonly status: number;
  /** Clerk's `errors[]` (empty when the body was not a ClerkErrors document). */
  readonly errors: ClerkError[];
  readonly clerkTraceId: string | undefined;
  readonly headers: Record<string, string>;
  readonly rawBody: string;
  readonly method: string;
  readonly path: string;

  constructor(init: ClerkApiErrorInit) {
    const parsed = parseClerkErrors(init.rawBody);
    const traceId = parsed.traceId ?? traceIdFromHeaders(init.headers);
    super(formatApiErrorMessage(init, parsed.errors, traceId));
    this.status = init.status;
    this.errors = parsed.errors;
    this.clerkTraceId = traceId;
    this.headers = init.headers;
    this.rawBody = init.rawBody;
    this.method = init.method;
    this.path = init.path;
  }

  /** The first error's code, e.g. `form_identifier_exists`. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/**
 * Clerk puts the trace id in the error body (`clerk_trace_id`) and in a response header: answers carry
 * `x-clerk-trace-id`, and Clerk's Go client reads `Clerk-Trace-Id`. Cloudflare's ray id is the last
 * resort, as in Clerk's Node client. Header names are lower-case here.
 */
function traceIdFromHeaders(headers: Record<string, string>): string | undefined {
  for (const name of ["clerk-trace-id", "x-clerk-trace-id", "cf-ray"]) {
    const value = headers[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

function parseClerkErrors(rawBody: string): { errors: ClerkError[]; traceId?: string } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { errors: [] };
  }
  const strict = ClerkErrorsSchema.safeParse(json);
  if (strict.success) return { errors: strict.data.errors, traceId: strict.data.clerk_trace_id };
  // Some endpoints (API keys, M2M) omit parts of ClerkErrors; keep whatever is usable.
  const loose = json as { errors?: unknown; clerk_trace_id?: unknown } | null;
  const errors = Array.isArray(loose?.errors)
    ? loose.errors
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === "object")
        .map((e) => ({
          code: typeof e.code === "string" ? e.code : "unknown",
          message: typeof e.message === "string" ? e.message : "",
          long_message: typeof e.long_message === "string" ? e.long_message : "",
          ...(e.meta && typeof e.meta === "object" ? { meta: e.meta as Record<string, unknown> } : {}),
        }))
    : [];
  const traceId = typeof loose?.clerk_trace_id === "string" ? loose.clerk_trace_id : undefined;
  return traceId === undefined ? { errors } : { errors, traceId };
}

function formatApiErrorMessage(init: ClerkApiErrorInit, errors: ClerkError[], traceId: string | undefined) {
  let detail: string;
  if (errors.length > 0) {
    detail = errors
      .map((e) => {
        const text = e.long_message || e.message;
        return text ? `${e.code}: ${text}` : e.code;
      })
      .join("; ");
  } else {
    const body = init.rawBody.replace(/\s+/g, " ").trim();
    detail = body ? (body.length > 200 ? `${body.slice(0, 200)}…` : body) : "(empty body)";
  }
  const trace = traceId ? ` (trace ${traceId})` : "";
  return redactString(`Clerk API ${init.status} ${init.method} ${init.path}: ${detail}${trace}`);
}

export type NetworkErrorKind = "dns" | "refused" | "reset" | "timeout" | "aborted" | "other";

/** The request got no HTTP answer: DNS failure, connection refused or reset, timeout, abort. */
export class ClerkNetworkError extends Error {
  override readonly name = "ClerkNetworkError";
  readonly kind: NetworkErrorKind;
  /**
   * False only when the request certainly never reached Clerk (DNS failure, connection refused), so
   * even a POST may be sent again. True when Clerk may have acted on it (timeout, reset mid-request).
   */
  readonly mayHaveReachedServer: boolean;
  readonly method: string;
  readonly path: string;
  /** The low-level error code, e.g. ECONNREFUSED, when there was one. */
  readonly causeCode: string | undefined;
  /** The API URL the request was sent to (without credentials), when the transport knew it. */
  readonly apiUrl: string | undefined;

  constructor(init: {
    kind: NetworkErrorKind;
    mayHaveReachedServer: boolean;
    method: string;
    path: string;
    apiUrl?: string | undefined;
    causeCode?: string | undefined;
    detail?: string;
    cause?: unknown;
  }) {
    const code = init.causeCode ? ` (${init.causeCode})` : "";
    const detail = init.detail ? `: ${init.detail}` : "";
    const at = init.apiUrl ? ` at ${init.apiUrl}` : "";
    const reached = init.mayHaveReachedServer
      ? "; the request may have reached Clerk"
      : "; nothing was sent to Clerk";
    super(
      redactString(
        `Clerk API ${init.method} ${init.path}${at} failed: ${init.kind}${code}${detail}${reached}`,
      ),
      {
        cause: init.cause,
      },
    );
    this.kind = init.kind;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
    this.method = init.method;
    this.path = init.path;
    this.causeCode = init.causeCode;
    this.apiUrl = init.apiUrl;
  }
}

/** A 2xx answer whose body does not match the schema this client expects. */
export class ClerkResponseValidationError extends Error {
  override readonly name = "ClerkResponseValidationError";
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly issues: z.core.$ZodIssue[];
  /** The first failing field, e.g. `data.0.lifetime` (empty for the top level). */
  readonly fieldPath: string;
  readonly body: unknown;

  constructor(init: {
    method: string;
    path: string;
    status: number;
    issues: z.core.$ZodIssue[];
    body: unknown;
  }) {
    const first = init.issues[0];
    const path = first ? pathInBody(init.body, first.path) : [];
    const fieldPath = formatIssuePath(path);
    const more = init.issues.length > 1 ? ` (+${init.issues.length - 1} more)` : "";
    // A field this client needs that Clerk did not send says so plainly; anything else gives zod's words.
    const problem =
      fieldPath && isMissing(init.body, path)
        ? `required field ${fieldPath} is missing`
        : `${fieldPath ? `at ${fieldPath}` : "at the top level"}: ${first?.message ?? "invalid"}`;
    super(
      redactString(`Clerk API ${init.method} ${init.path} returned an unexpected body: ${problem}${more}`),
    );
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.issues = init.issues;
    this.fieldPath = fieldPath;
    this.body = init.body;
  }
}

/** True when the body has the parent of `path` but not its last key. */
function isMissing(body: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1];
  return node !== null && typeof node === "object" && last !== undefined && !(last in node);
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}

export function isClerkApiError(e: unknown): e is ClerkApiError {
  return e instanceof ClerkApiError;
}

/** True for a 404 from Clerk: the object is gone (read should drop it; delete can treat it as done). */
export function isNotFound(e: unknown): boolean {
  return e instanceof ClerkApiError && e.status === 404;
}
