import { z } from "zod";
import { identifierExists, notFound, paramFormatInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { RedirectUrlRecord } from "../types";
import { isUrl, parseBody } from "../validate";
import { arrayOrPagedList, deleted, mustFind, newestFirst, ok } from "./common";

// No `additionalProperties: false` in the spec: unknown fields are ignored.
const CreateBody = z.object({ url: z.string() });

const render = (r: RedirectUrlRecord) => ({
  object: "redirect_url",
  id: r.id,
  url: r.url,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

export const redirectUrlRoutes: Route[] = [
  {
    method: "GET",
    path: "/redirect_urls",
    handler: ({ store, query }) => arrayOrPagedList(newestFirst(store.redirectUrls.list()), query, render),
  },
  {
    method: "POST",
    path: "/redirect_urls",
    handler: ({ store, body }) => {
      const { url } = parseBody(CreateBody, body);
      if (!isUrl(url, { customScheme: true })) {
        throw paramFormatInvalid(
          "url",
          "url must be a full URL, e.g. https://my-app.com/callback or my-app://callback.",
        );
      }
      if (store.redirectUrls.find((r) => r.url === url)) throw identifierExists("url");
      const now = Date.now();
      return ok(
        render(
          store.redirectUrls.insert({
            id: newId(ID_PREFIX.redirectUrl),
            url,
            created_at: now,
            updated_at: now,
          }),
        ),
      );
    },
  },
  {
    method: "GET",
    path: "/redirect_urls/{id}",
    handler: ({ store, params }) =>
      ok(render(mustFind(store.redirectUrls.get(params.id as string), "redirect URL"))),
  },
  {
    method: "DELETE",
    path: "/redirect_urls/{id}",
    handler: ({ store, params }) => {
      const id = params.id as string;
      if (!store.redirectUrls.delete(id)) throw notFound("redirect URL");
      return deleted("redirect_url", id);
    },
  },
];
