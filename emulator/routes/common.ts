import { notFound, paramFormatInvalid, paramValueInvalid } from "../errors";
import type { IdentifierType } from "../types";
import { boolParam, paginate, parsePage } from "../validate";

export const deleted = (object: string, id: string) => ({ status: 200, body: { object, id, deleted: true } });

export const ok = (body: unknown) => ({ status: 200, body });

export function mustFind<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}

/** `{data, total_count}` paged by `limit` (default 10, as at Clerk) and `offset`. */
export function pagedList<T, R>(items: T[], query: URLSearchParams, render: (v: T) => R) {
  const page = parsePage(query);
  return ok({ data: paginate(items, page).map(render), total_count: items.length });
}

/**
 * Allowlist, redirect URLs, JWT templates: without `paginated` a plain array of everything; with
 * `paginated=true` Clerk answers `{data, total_count}` paged by `limit`/`offset` (its official Node and
 * Go clients both send `paginated=true` and read that envelope; the spec only shows the array).
 */
export function arrayOrPagedList<T, R>(items: T[], query: URLSearchParams, render: (v: T) => R) {
  if (boolParam(query, "paginated")) return pagedList(items, query, render);
  parsePage(query); // a malformed limit/offset is refused even where it has no effect
  return ok(items.map(render));
}

/**
 * Clerk lists allow-list identifiers, redirect URLs, domains, enterprise connections, SAML connections
 * and OAuth applications newest first. The store keeps creation order, so reversing it is newest first
 * even for objects created within the same millisecond.
 */
export const newestFirst = <T>(items: T[]): T[] => [...items].reverse();

/** What a list sorts on, given an item and its place in creation order. */
export type SortKeys<T> = Record<string, (item: T, position: number) => string | number>;

/**
 * Reads `order_by` (one of `keys`, optionally prefixed with + or -; default `-created_at`) and refuses
 * a bad value now, where the route checks it; returns the sort to apply once the list is filtered.
 * Items must come in creation order. Ties follow the direction (`"direction"`, so newest first holds
 * for objects created within the same millisecond) or keep creation order either way (`"creation"`).
 */
export function orderBy<T>(
  query: URLSearchParams,
  keys: SortKeys<T>,
  ties: "direction" | "creation" = "direction",
): (items: T[]) => T[] {
  const m = /^([+-]?)(.*)$/.exec(query.get("order_by") ?? "-created_at");
  const field = m?.[2];
  if (m === null || field === undefined || !Object.hasOwn(keys, field)) {
    const names = Object.keys(keys);
    const choices = `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
    throw paramValueInvalid("order_by", `order_by must be ${choices}, optionally prefixed with + or -.`);
  }
  const keyOf = keys[field] as (item: T, position: number) => string | number;
  const dir = m[1] === "-" ? -1 : 1;
  return (items) =>
    items
      .map((item, i) => ({ item, i, k: keyOf(item, i) }))
      .sort((a, b) =>
        a.k < b.k ? -dir : a.k > b.k ? dir : ties === "creation" ? a.i - b.i : (a.i - b.i) * dir,
      )
      .map(({ item }) => item);
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
