import { z } from "zod";

/**
 * Shared input validators. Each reports a message a user can act on without echoing the value.
 * They run in `check`, before any request is sent.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const WALLET = /^0x[0-9a-fA-F]{40}$/;

export function nonEmptyString(max = 1024) {
  return z.string().trim().min(1).max(max);
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
  .refine(
    (v) => {
      if (v === "") return true; // reported once, by min(1)
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
