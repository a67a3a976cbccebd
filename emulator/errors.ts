import { randomBytes } from "node:crypto";

/** One entry of Clerk's `ClerkErrors.errors[]`. */
export interface ClerkErrorItem {
  code: string;
  message: string;
  long_message: string;
  meta?: Record<string, unknown>;
}

/** Thrown by route handlers; the server turns it into a `ClerkErrors` body with a trace id. */
export class ClerkErrorAnswer extends Error {
  readonly status: number;
  readonly errors: ClerkErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: ClerkErrorItem[], headers: Record<string, string> = {}) {
    super(errors[0]?.long_message ?? `HTTP ${status}`);
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function errorBody(errors: ClerkErrorItem[], traceId: string) {
  return { errors, clerk_trace_id: traceId };
}

const err = (
  status: number,
  code: string,
  message: string,
  longMessage: string,
  meta?: Record<string, unknown>,
) => new ClerkErrorAnswer(status, [{ code, message, long_message: longMessage, ...(meta ? { meta } : {}) }]);

export const notFound = (what = "resource") =>
  err(404, "resource_not_found", "not found", `The requested ${what} could not be found.`);

export const unauthenticated = (what = "an active API key") =>
  err(
    401,
    "authentication_invalid",
    "Invalid authentication",
    `Unable to authenticate the request, you need to supply ${what}`,
  );

export const routeNotFound = (method: string, path: string) =>
  err(404, "resource_not_found", "not found", `No route matches ${method} ${path}.`);

export const methodNotAllowed = (method: string, path: string, allowed: string[]) =>
  new ClerkErrorAnswer(
    405,
    [
      {
        code: "method_not_allowed",
        message: "method not allowed",
        long_message: `${method} is not supported on ${path}; allowed: ${allowed.join(", ")}.`,
      },
    ],
    { allow: allowed.join(", ") },
  );

export const tooManyRequests = (retryAfterSeconds: number) =>
  new ClerkErrorAnswer(
    429,
    [
      {
        code: "too_many_requests",
        message: "Too many requests",
        long_message: `Too many requests, retry after ${retryAfterSeconds} seconds.`,
      },
    ],
    { "retry-after": String(retryAfterSeconds) },
  );

export const malformedBody = (detail: string) =>
  err(
    400,
    "malformed_request_body",
    "malformed request body",
    `The request body could not be parsed: ${detail}`,
  );

export const unsupportedMediaType = (contentType: string) =>
  err(
    415,
    "unsupported_content_type",
    "unsupported content type",
    `Content-Type ${JSON.stringify(contentType)} is not supported; send application/json.`,
  );

export const payloadTooLarge = (limit: number) =>
  err(413, "request_body_too_large", "request body too large", `The request body exceeds ${limit} bytes.`);

export const paramMissing = (param: string) =>
  err(422, "form_param_missing", "missing required parameter", `${param} must be included.`, {
    param_name: param,
  });

export const paramFormatInvalid = (param: string, detail?: string) =>
  err(422, "form_param_format_invalid", "is invalid", detail ?? `${param} is invalid.`, {
    param_name: param,
  });

export const paramValueInvalid = (param: string, detail?: string) =>
  err(422, "form_param_value_invalid", "is invalid", detail ?? `${param} has an invalid value.`, {
    param_name: param,
  });

export const paramUnknown = (param: string) =>
  err(422, "form_param_unknown", "unknown parameter", `${param} is not a valid parameter for this request.`, {
    param_name: param,
  });

/** Duplicates: 422 where the spec declares no 409 for the operation, 409 where it does. */
export const identifierExists = (param: string, status: 409 | 422 = 422) =>
  err(status, "form_identifier_exists", "already exists", `A resource with this ${param} already exists.`, {
    param_name: param,
  });

export const forbidden = (code: string, longMessage: string) => err(403, code, "forbidden", longMessage);

/** Combines several 422s into one response, as Clerk reports every failing parameter at once. */
export function combine(errors: ClerkErrorAnswer[]): ClerkErrorAnswer {
  const first = errors[0];
  if (!first) throw new Error("combine() needs at least one error");
  return new ClerkErrorAnswer(
    first.status,
    errors.flatMap((e) => e.errors),
    first.headers,
  );
}
