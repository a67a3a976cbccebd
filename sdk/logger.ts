/**
 * Receives the client's log output. Every message and detail object has already been redacted:
 * no secret key, Authorization header, client secret or signing key reaches it. `console` fits.
 *
 * Levels: `debug` for each request and answer; `info` for a wait the caller is held up by (a retry
 * after a failure, Clerk's rate limit); `warn` when the client gives up waiting.
 */
export interface ClerkLogger {
  debug?: (message: string, details?: Record<string, unknown>) => void;
  info?: (message: string, details?: Record<string, unknown>) => void;
  warn?: (message: string, details?: Record<string, unknown>) => void;
}
