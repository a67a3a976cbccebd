import { z } from "zod";

/**
 * Shared input validators. Each reports a message a user can act on without echoing the value.
 * They run in `check`, before any request is sent.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const WALLET = /^0x[0-9a-fA-F]{40}$/;

/**
 * Control characters (C0 such as NUL and bell, DEL, C1): invisible in a terminal, a diff or Clerk's
 * dashboard, so a name, key, identifier or URL holding one looks like another. Trimming removes only
 * the whitespace ones at either end.
 */
const CONTROL = /\p{Cc}/u;

export function hasControlCharacter(v: string): boolean {
  return CONTROL.test(v);
}

/**
 * A zod refinement for every single-line value (names, keys, identifiers, URLs): refuses a control
 * character, naming its code point and position, never the value.
 */
export function noControlCharacters(v: string, ctx: z.RefinementCtx<string>): void {
  const found = CONTROL.exec(v);
  if (!found) return;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  ctx.addIssue({
    code: "custom",
    message: `must not contain control characters (found U+${code} at character ${found.index + 1})`,
  });
}

/** A name, key or other single-line value: trimmed, 1..max characters, no control characters. */
export function nonEmptyString(max = 1024) {
  return z.string().trim().min(1).max(max).superRefine(noControlCharacters);
}

/** What a phone number looks like before it is checked: digits, maybe a +, spaces, dots, dashes, brackets. */
const PHONE_LIKE = /^[+\d\s().-]*\d[\d\s().-]*$/;

/**
 * An allow-list or block-list identifier: an email address, a phone number in E.164 format or a web3
 * wallet (what the spec's create operations accept). Emails are compared case-insensitively by Clerk,
 * so they are lowercased here to keep state equal to what Clerk returns. Clerk may refuse a formatted
 * phone number (`+1 (555) 555-5555`), so only E.164 passes, with a message saying so.
 */
export const identifier = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .transform((v) => (v.startsWith("0x") ? v : v.toLowerCase()))
  .superRefine((v, ctx) => {
    if (v === "") return; // reported once, by min(1)
    if (hasControlCharacter(v)) return noControlCharacters(v, ctx);
    if (v.includes("@") ? EMAIL.test(v) : PHONE.test(v) || WALLET.test(v)) return;
    const message =
      !v.includes("@") && PHONE_LIKE.test(v)
        ? "must be a phone number in E.164 format: + then the country code and number, digits only " +
          "(e.g. +15555555555)"
        : "must be an email address (name@example.com), a phone number in E.164 format (+15551234567) " +
          "or a web3 wallet address (0x followed by 40 hex digits)";
    ctx.addIssue({ code: "custom", message });
  });

/** A redirect URL: `https://…`, `http://localhost…` for development, or a custom scheme (`myapp://…`). */
export const redirectUrl = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .superRefine(noControlCharacters)
  .refine(
    (v) => {
      // Reported once each: by min(1), by the control-character check.
      if (v === "" || hasControlCharacter(v)) return true;
      if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/\S+$/.test(v)) return false;
      try {
        new URL(v);
        return true;
      } catch {
        return false;
      }
    },
    {
      message:
        "must be a full URL with a scheme, such as https://app.example.com/callback or myapp://callback",
    },
  );

/**
 * One OAuth scope as RFC 6749 defines a scope token: printable ASCII without space, `"` or `\`
 * (so no control character either).
 */
const oauthScope = z
  .string()
  .trim()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, {
    message:
      "must be one OAuth scope, such as profile (printable characters; no spaces, quotes or backslashes)",
  });

/**
 * A list of OAuth scopes, each once. Clerk keeps a scope list as a set (it drops repeats and sorts), so a
 * repeat in a program can only be a slip; it is refused, naming the scope, rather than silently dropped.
 */
export const oauthScopes = z.array(oauthScope).superRefine((list, ctx) => {
  const twice = [...new Set(list.filter((s, i) => list.indexOf(s) !== i))];
  if (twice.length === 0) return;
  ctx.addIssue({
    code: "custom",
    message: `must not list a scope twice (${twice.map((s) => JSON.stringify(s)).join(", ")})`,
  });
});

/** A JSON object (not an array, not a string): what Clerk accepts for claims and metadata. */
export const jsonObject = z.record(z.string(), z.unknown()).refine((v) => isJson(v), {
  message: "must be a JSON object (strings, numbers, booleans, null, lists and objects only)",
});

function isJson(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v === "object") return Object.values(v as object).every(isJson);
  return false;
}
