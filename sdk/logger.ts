/**
 * Receives the client's debug output. Every message and detail object has already been redacted:
 * no secret key, Authorization header, client secret or signing key reaches it. `console` fits.
 */
export interface ClerkLogger {
  debug?: (message: string, details?: Record<string, unknown>) => void;
  warn?: (message: string, details?: Record<string, unknown>) => void;
}
