// Clerk answers a list in one of two shapes, and which one depends on the endpoint and the query: a plain
// array (allow-list, redirect URLs, JWT templates without `paginated=true`) or `{ data, total_count }`
// (those three with `paginated=true`, and every other list). The spec and Clerk's clients disagree on
// some endpoints, so this reader accepts either shape wherever a list is read, and pages until it has
// everything whichever shape comes back.

/** Clerk's largest page. */
export const MAX_PAGE_SIZE = 500;
// A safety stop: 2,000 pages of 500 is far beyond any configuration list.
const MAX_PAGES = 2_000;

/** One page, normalised: `total_count` only when Clerk sent the `{ data, total_count }` envelope. */
export interface ListPage<T> {
  data: T[];
  total_count?: number | undefined;
}

export type PageFetcher = (page: { limit: number; offset: number }) => Promise<unknown>;

/** A list answer in either shape, or an error naming what came back instead. */
export function toListPage<T>(body: unknown, where: string): ListPage<T> {
  if (Array.isArray(body)) return { data: body as T[] };
  if (body !== null && typeof body === "object" && Array.isArray((body as { data?: unknown }).data)) {
    const { data, total_count } = body as { data: T[]; total_count?: unknown };
    return { data, total_count: typeof total_count === "number" ? total_count : undefined };
  }
  throw new TypeError(
    `pulumi-clerk: ${where} returned neither a list nor { data, total_count } (got ${describe(body)})`,
  );
}

/**
 * Fetches every page of a list. Stops when `total_count` items have been seen (envelope), on a short
 * page (plain array), on an empty page, or on a page that brings nothing new (a server ignoring
 * `offset`). Items are deduplicated by id: with offset paging, an object created meanwhile shifts the
 * list and repeats one item across two pages.
 */
export async function collectPages<T extends { id: string }>(
  fetchPage: PageFetcher,
  where: string,
  pageSize = MAX_PAGE_SIZE,
): Promise<T[]> {
  const seen = new Set<string>();
  const all: T[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, total_count } = toListPage<T>(await fetchPage({ limit: pageSize, offset }), where);
    let fresh = 0;
    for (const item of data) {
      const id = item?.id;
      if (typeof id === "string" && seen.has(id)) continue;
      if (typeof id === "string") seen.add(id);
      all.push(item);
      fresh++;
    }
    offset += data.length;
    if (data.length === 0 || fresh === 0) return all;
    if (total_count !== undefined) {
      if (all.length >= total_count) return all;
    } else if (data.length !== pageSize) {
      // Short page: the end. Longer than asked: a server that ignores paging sent everything.
      return all;
    }
  }
  throw new Error(`pulumi-clerk: gave up listing ${where} after ${MAX_PAGES} pages`);
}

function describe(body: unknown): string {
  if (body === null) return "null";
  if (typeof body !== "object") return typeof body;
  const keys = Object.keys(body).slice(0, 5);
  return keys.length === 0 ? "an empty object" : `an object with ${keys.join(", ")}`;
}
