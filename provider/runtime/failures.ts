import { ClerkApiError, ClerkNetworkError } from "../../sdk/errors";
import { redactString } from "../../sdk/redact";
import { settingKeys } from "./settings";

/** Codes Clerk answers when an object with the same key exists (Clerk's clients know both). */
const DUPLICATE_CODES = new Set(["form_identifier_exists", "duplicate_record"]);

/**
 * Clerk refused a write because an object with the same key already exists. Nothing confirms whether
 * Clerk answers 409 or 422 for a given endpoint, so both count; a 409 is a conflict whatever its code.
 */
export function isDuplicate(e: unknown): boolean {
  if (!(e instanceof ClerkApiError)) return false;
  if (e.status === 409) return true;
  return e.status === 422 && e.errors.some((x) => DUPLICATE_CODES.has(x.code));
}

/**
 * Clerk's duplicate refusal, extended with the existing object's id and how to adopt it. Adopting is
 * only right when no other stack manages that object: two stacks managing one object each delete it
 * on destroy.
 */
export function conflictError(e: Error, type: string, existingId: string): Error {
  const err = new Error(
    `${e.message}. A ${type} with the same key already exists in Clerk as "${existingId}", made outside ` +
      `this stack (by hand, or by another stack). If no other stack manages it, adopt it: add ` +
      `importId: "${existingId}" to this resource's arguments and run \`pulumi up\` again. If another ` +
      "stack manages it, remove it from this program (or change its key). If this program moved the key " +
      `here from a resource it removes, ${REMOVED_HOLDER}`,
    { cause: e },
  );
  err.name = e.name;
  return err;
}

/**
 * A server error on the create of a type without a natural key: Clerk may have made the object, and
 * nothing can find it to adopt it, so the user is told to check before running `up` again.
 */
export function mayHoldStrayError(e: Error, type: string): Error {
  const err = new Error(
    `${e.message}; the request may have reached Clerk, which may hold a new ${type} that Pulumi does ` +
      "not track: look for it in the dashboard and delete it (or adopt it with importId) before running " +
      "`pulumi up` again",
    { cause: e },
  );
  err.name = e.name;
  return err;
}

/**
 * What to do when the key's holder is a resource the program removes: the engine deletes removed objects
 * after every create, and not at all once one failed (`--continue-on-error` included), so repeating
 * `pulumi up` cannot help.
 */
const REMOVED_HOLDER =
  "delete the old resource first (`pulumi destroy --target <its URN>`, or a `pulumi up` without the new " +
  "resource), then run `pulumi up`; to keep the object under a new resource name, use " +
  '`aliases: [{ name: "<old name>" }]` instead';

/**
 * The key is held by another resource of this same stack that did not let go of it in time: typically a
 * program that moves a key from a resource it removes to a new one.
 */
export function heldInStackError(e: Error | unknown, type: string, holderId: string): Error {
  const message = e instanceof Error ? e.message : String(e);
  const err = new Error(
    `${message}. The key is held by ${type} "${holderId}", another resource of this stack, which did not ` +
      `let go of it in time (the engine deletes removed objects last): ${REMOVED_HOLDER}`,
    { cause: e },
  );
  err.name = e instanceof Error ? e.name : "Error";
  return err;
}

/**
 * One line a user can act on: what we tried, on which resource, and Clerk's own words (code, message,
 * trace id, which ClerkApiError's message already carries).
 */
export function describeFailure(
  e: unknown,
  verb: string,
  type: string,
  id: string | undefined,
  instance?: string,
  platform?: boolean,
): Error {
  const what = `${verb} ${type}${id ? ` "${id}"` : ""}${instance === undefined ? "" : ` in Clerk instance "${instance}"`}`;
  const key = settingKeys("secretKey", instance);
  const url = settingKeys("apiUrl", instance);
  const timeout = settingKeys("requestTimeoutMs", instance);
  let detail = e instanceof Error ? e.message : String(e);
  if (e instanceof ClerkApiError && e.status === 402) {
    detail += " (this feature is not available on the Clerk plan of this instance)";
  }
  if (platform && e instanceof ClerkApiError && (e.status === 401 || e.status === 403)) {
    const platformKey = settingKeys("platformApiKey", instance);
    detail +=
      ` (Clerk rejected the Platform API key: check ${platformKey.config} or ${platformKey.env}; it must be an ` +
      "ak_… key with the applications:manage scope, for the workspace of the configured application)";
  } else if (e instanceof ClerkApiError && e.status === 401) {
    // A refresh uses the settings recorded at the last update, so a freshly rotated key needs one plain
    // `pulumi up` before refreshes work again (docs/configuration.md).
    detail +=
      ` (Clerk rejected the secret key: check ${key.config} or ${key.env}; after changing it, ` +
      "run a plain `pulumi up` before refreshing)";
  }
  if (e instanceof ClerkNetworkError && !e.mayHaveReachedServer) {
    detail +=
      ` (Clerk could not be reached: check ${url.config} or ${url.env}, and this machine's network ` +
      "and DNS; nothing was changed, so `pulumi up` can simply run again)";
  } else if (e instanceof ClerkNetworkError && e.kind === "timeout") {
    detail +=
      ` (Clerk did not answer in time: check the network, or raise ${timeout.config} (${timeout.env}); ` +
      "run `pulumi refresh` if a write may have been applied)";
  }
  // Defence in depth: the sdk's messages are redacted already, other errors may not be.
  const err = new Error(redactString(`${what} failed: ${detail}`), { cause: e });
  err.name = e instanceof Error ? e.name : "Error";
  // The dynamic-provider host prints the stack; keep it free of the original (possibly long) one.
  err.stack = `${err.name}: ${err.message}`;
  return err;
}

/** A failure after which Clerk may have made the object: no answer, or a server error. */
export function mayHaveCreated(e: unknown): boolean {
  if (e instanceof ClerkNetworkError) return e.mayHaveReachedServer && e.kind !== "aborted";
  return e instanceof ClerkApiError && e.status >= 500;
}
