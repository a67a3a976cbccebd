// Clerk lists come in two shapes: a plain array (allowlist, redirect URLs, JWT templates; paged with
// `paginated=true&limit&offset`) and `{ data, total_count }`. Both helpers fetch every page.

/** Clerk's largest page. */
export const MAX_PAGE_SIZE = 500;
// A safety stop: 2,000 pages of 500 is far beyond any configuration list.
const MAX_PAGES = 2_000;

export type PageFetcher<P> = (page: { limit: number; offset: number }) => Promise<P>;

/** Pages a plain-array list until a short page. */
export async function collectArrayPages<T>(
  fetchPage: PageFetcher<T[]>,
  pageSize = MAX_PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const items = await fetchPage({ limit: pageSize, offset: all.length });
    // A server that ignores `paginated` sends the whole list at once: more than asked for means done.
    if (items.length > pageSize) return page === 0 ? items : all.concat(items);
    all.push(...items);
    if (items.length < pageSize) return all;
  }
  throw new Error(`pulumi-clerk: gave up listing after ${MAX_PAGES} pages`);
}

/** Pages a `{ data, total_count }` list until `total_count` items are collected or a page is empty. */
export async function collectCountedPages<T>(
  fetchPage: PageFetcher<{ data: T[]; total_count: number }>,
  pageSize = MAX_PAGE_SIZE,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, total_count } = await fetchPage({ limit: pageSize, offset: all.length });
    all.push(...data);
    if (data.length === 0 || all.length >= total_count) return all;
  }
  throw new Error(`pulumi-clerk: gave up listing after ${MAX_PAGES} pages`);
}
