export { type ClerkClient, type ClerkClientOptions, createClerkClient } from "./client";
export {
  ClerkApiError,
  ClerkNetworkError,
  ClerkResponseValidationError,
  isClerkApiError,
  isNotFound,
  type NetworkErrorKind,
} from "./errors";
export type { ClerkLogger } from "./logger";
export { collectPages, type ListPage, MAX_PAGE_SIZE, toListPage } from "./pagination";
export * from "./platform";
export { redactBody, redactHeaders, redactString } from "./redact";
export type { RequestOptions, ResponseValidation } from "./request";
export { DEFAULT_RETRY, decideRetry, parseRetryAfter, type RetryConfig } from "./retry";
export * from "./schemas";
export { DEFAULT_API_URL, DEFAULT_API_VERSION } from "./transport";
export { SDK_VERSION } from "./version";
