import { z } from "zod";
import type { DomainObject, UpdateDomainBody } from "../../sdk/schemas";
import { hasControlCharacter, noControlCharacters } from "../inputs";
import type { DomainArgs } from "../resources/domain";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<DomainArgs, typeof inputs, "isSatellite">>;

/** Clerk has no GET by id for domains: reads share one listing per provider process. */
const COLLECTION = "domains";

// A host name (labels of letters, digits and hyphens) with an optional port; `localhost` allowed.
const HOST =
  /^(?=[^:]{1,253}(:|$))[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/;

const inputs = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .transform((v) => v.toLowerCase())
      .refine((v) => HOST.test(v), {
        message: "must be a domain name without scheme or path, e.g. app.example.com or localhost:3000",
      }),
    proxyUrl: z
      .string()
      .trim()
      .superRefine(noControlCharacters)
      .refine((v) => v === "" || hasControlCharacter(v) || isHttpsUrl(v), {
        message: 'must be an https URL such as https://app.example.com/__clerk, or "" for no proxy',
      })
      .optional(),
    isSecondary: z.boolean().optional(),
    // An output; accepted by the schema only to answer with a message that explains the real options.
    isSatellite: z.unknown().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.isSatellite !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["isSatellite"],
        message:
          "is an output, not an argument: a new Domain is always a satellite (Clerk cannot create a primary " +
          "domain); to manage the primary domain, adopt it with importId",
      });
    }
  });

function isHttpsUrl(v: string): boolean {
  try {
    return new URL(v).protocol === "https:";
  } catch {
    return false;
  }
}

/** Clerk says null for "no proxy"; the user says "" or nothing. */
const sameProxy = (live: unknown, want: unknown) => (live ?? "") === (want ?? "");

function updateBody(news: Inputs, olds: Partial<Inputs>): UpdateDomainBody {
  const b: UpdateDomainBody = {};
  if (news.name !== olds.name) b.name = news.name;
  if (news.proxyUrl !== undefined && !sameProxy(olds.proxyUrl, news.proxyUrl))
    b.proxy_url = news.proxyUrl === "" ? null : news.proxyUrl;
  if (news.isSecondary !== undefined && news.isSecondary !== olds.isSecondary)
    b.is_secondary = news.isSecondary;
  return b;
}

/** @internal */
export const domainDefinition: ResourceDefinition<Inputs, DomainObject> = {
  type: "Domain",
  inputs,
  replaceOnChange: [],
  writeOnly: ["isSecondary"],
  equals: { proxyUrl: sameProxy },
  id: (api) => api.id,
  toInputs: (api) => ({ name: api.name, proxyUrl: api.proxy_url ?? undefined }),
  toComputed: (api) => ({
    isSatellite: api.is_satellite,
    frontendApiUrl: api.frontend_api_url,
    accountsPortalUrl: api.accounts_portal_url ?? undefined,
    developmentOrigin: api.development_origin,
    cnameTargets: api.cname_targets ?? undefined,
  }),
  create: ({ client, lists }, news) =>
    lists.write(COLLECTION, async () => {
      const created = await client.domains.create({
        name: news.name,
        is_satellite: true,
        ...(news.proxyUrl ? { proxy_url: news.proxyUrl } : {}),
      });
      // is_secondary is not accepted at creation.
      return news.isSecondary === undefined
        ? created
        : client.domains.update(created.id, { is_secondary: news.isSecondary });
    }),
  // Names are unique; only a satellite can be what a create made. A fresh listing, not the shared one.
  findExisting: async ({ client }, news) =>
    onlyMatch(await client.domains.list(), (d) => d.name === news.name && d.is_satellite),
  read: async ({ client, lists }, id) =>
    (await lists.get(COLLECTION, () => client.domains.list())).find((d) => d.id === id),
  update: ({ client, lists }, id, news, olds) =>
    lists.write(COLLECTION, async () => {
      const b = updateBody(news, olds);
      if (Object.keys(b).length > 0) return client.domains.update(id, b);
      // Nothing Clerk holds changed (e.g. only isSecondary removed): answer with the live object.
      const live = (await client.domains.list()).find((d) => d.id === id);
      return live ?? client.domains.update(id, {});
    }),
  delete: async ({ client, lists }, id, olds) => {
    if ((olds as Record<string, unknown>).isSatellite === false) {
      // The dynamic-provider host has no logging API; the engine shows its stderr lines as diagnostics.
      console.error(
        `pulumi-clerk: Domain "${id}" (${String(olds.name)}) is the instance's primary domain, which Clerk ` +
          "cannot delete: it was removed from the stack and left unchanged in Clerk.",
      );
      return;
    }
    await lists.write(COLLECTION, () => client.domains.delete(id));
  },
  export: {
    title: "Domains",
    list: ({ client }) => client.domains.list(),
    key: (api) => api.name,
    note: (api) =>
      api.is_satellite
        ? undefined
        : "The primary domain: adopted only; destroying it only removes it from the stack.",
  },
};
