import { ClerkApiError } from "../../sdk/errors";
import { redactString } from "../../sdk/redact";

/**
 * One line a user can act on: what we tried, on which resource, and Clerk's own words (code, message,
 * trace id, which ClerkApiError's message already carries).
 */
export function describeFailure(e: unknown, verb: string, type: string, id: string | undefined): Error {
  const what = `${verb} ${type}${id ? ` "${id}"` : ""}`;
  let detail = e instanceof Error ? e.message : String(e);
  if (e instanceof ClerkApiError && e.status === 402) {
    detail += " (this feature is not available on the Clerk plan of this instance)";
  }
  if (e instanceof ClerkApiError && e.status === 401) {
    // A refresh uses the settings recorded at the last update, so a freshly rotated key needs one plain
    // `pulumi up` before refreshes work again (docs/configuration.md).
    detail +=
      " (Clerk rejected the secret key: check clerk:secretKey or CLERK_SECRET_KEY; after changing it, " +
      "run a plain `pulumi up` before refreshing)";
  }
  // Defence in depth: the sdk's messages are redacted already, other errors may not be.
  const err = new Error(redactString(`${what} failed: ${detail}`), { cause: e });
  err.name = e instanceof Error ? e.name : "Error";
  // The dynamic-provider host prints the stack; keep it free of the original (possibly long) one.
  err.stack = `${err.name}: ${err.message}`;
  return err;
}
