import type { z } from "zod";
import { collectPages, type ListPage } from "../pagination";
import type { Requester, RequestOptions } from "../request";
import type { TransportRequest } from "../transport";

type Page = { limit: number; offset: number };
type PageQuery = (page: Page) => TransportRequest["query"];

/** `limit`/`offset`: the lists the spec declares as `{ data, total_count }`. */
export const limitOffset: PageQuery = ({ limit, offset }) => ({ limit, offset });

/**
 * `paginated=true` with `limit`/`offset`, as Clerk's own clients ask for the allow-list, redirect URLs,
 * JWT templates and the block-list: without it some of these answer everything at once, or a first page.
 */
export const paginated: PageQuery = ({ limit, offset }) => ({ paginated: true, limit, offset });

/**
 * No paging parameters on the first call (the spec declares none for this list, and Clerk's Node
 * client sends none); `limit`/`offset` only if the answer's `total_count` says there is more.
 */
export const unpagedFirst: PageQuery = ({ limit, offset }) => (offset === 0 ? undefined : { limit, offset });

/** Every item of a list endpoint, whatever shape its pages come in. */
export function listAll<T extends { id: string }>(
  request: Requester,
  path: string,
  schema: z.ZodType<ListPage<T>>,
  query: PageQuery,
  opts?: RequestOptions,
): Promise<T[]> {
  return collectPages<T>(
    (page) => request({ method: "GET", path, query: query(page), schema }, opts),
    `GET ${path}`,
  );
}
