import { notFound, paramFormatInvalid } from "../errors";
import type { IdentifierType } from "../types";
import { boolParam, type Page, paginate, parsePage } from "../validate";

export const deleted = (object: string, id: string) => ({ status: 200, body: { object, id, deleted: true } });

export const ok = (body: unknown) => ({ status: 200, body });

export function mustFind<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}

/** `{data, total_count}` with limit/offset. */
export function pagedList<T, R>(items: T[], query: URLSearchParams, render: (v: T) => R) {
  const page = parsePage(query);
  return ok({ data: paginate(items, page).map(render), total_count: items.length });
}

/**
 * The plain-array lists (allowlist, redirect URLs, JWT templates): all items unless `paginated=true`,
 * which applies `limit`/`offset` (the response stays a plain array, as the spec says).
 */
export function plainList<T, R>(items: T[], query: URLSearchParams, render: (v: T) => R) {
  const paginated = boolParam(query, "paginated");
  const page: Page = parsePage(query);
  return ok((paginated ? paginate(items, page) : items).map(render));
}

/**
 * Classifies and normalises an allow/block-list identifier: emails and wallets lowercased. Phone
 * numbers must already be E.164: Clerk's parameter notes ask for it and a formatted number may be
 * refused, so the stricter answer is the one a client must survive.
 */
export function classifyIdentifier(raw: string): { identifier: string; identifier_type: IdentifierType } {
  const s = raw.trim();
  if (s.includes("@")) {
    const email = s.toLowerCase();
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return { identifier: email, identifier_type: "email_address" };
  } else if (/^0x[0-9a-fA-F]{40}$/.test(s)) {
    return { identifier: s.toLowerCase(), identifier_type: "web3_wallet" };
  } else {
    if (/^\+[1-9]\d{6,14}$/.test(s)) return { identifier: s, identifier_type: "phone_number" };
  }
  throw paramFormatInvalid(
    "identifier",
    "identifier must be an email address, a phone number in E.164 format, or a web3 wallet address.",
  );
}
