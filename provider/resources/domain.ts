import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { DomainObject, UpdateDomainBody } from "../../sdk/schemas";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

export interface DomainArgs extends InstanceArgs {
  /**
   * The domain name, without scheme or path (`app.example.com`; a development instance may add a port:
   * `localhost:3000`). Lowercased. Updated in place; renaming the primary domain also moves the
   * instance's home origin (expect downtime until DNS follows).
   */
  name: pulumi.Input<string>;
  /**
   * An https proxy URL in front of Clerk's Frontend API (production instances only). Leave it out to keep
   * what Clerk has; set `""` to switch back to DNS (CNAME) verification.
   */
  proxyUrl?: pulumi.Input<string>;
  /**
   * Secondary app on the same root domain (the subdomain is significant). Write-only at Clerk: kept from
   * state, refresh cannot see it change.
   */
  isSecondary?: pulumi.Input<boolean>;
  /**
   * Adopt an existing domain with this Clerk id instead of creating one. This is the only way to manage
   * the instance's **primary** domain (Clerk cannot create or delete one).
   */
  importId?: pulumi.Input<string>;
}

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
      .refine((v) => v === "" || isHttpsUrl(v), {
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

/**
 * A domain of the Clerk instance: a satellite domain (the default: created and deleted by Pulumi), or
 * the primary domain (adopted with `importId` only).
 *
 * Every argument updates in place. Destroying an adopted primary domain sends no request: it is only
 * removed from the stack, and the provider prints a line saying so (shown by `pulumi` among the
 * diagnostics). Refresh sees `name` and `proxyUrl` changes and deleted satellites; it cannot see
 * `isSecondary`, which Clerk never returns. Refreshing many domains lists them once.
 */
export class Domain extends ClerkResource {
  /** @internal */
  static override readonly definition = domainDefinition;
  declare readonly name: pulumi.Output<string>;
  declare readonly proxyUrl: pulumi.Output<string | undefined>;
  declare readonly isSecondary: pulumi.Output<boolean | undefined>;
  /** False for the primary domain (only by adoption), true for satellites. */
  declare readonly isSatellite: pulumi.Output<boolean>;
  declare readonly frontendApiUrl: pulumi.Output<string>;
  /** Unset for satellite domains. */
  declare readonly accountsPortalUrl: pulumi.Output<string | undefined>;
  declare readonly developmentOrigin: pulumi.Output<string>;
  /** DNS records to create (`host` CNAME `value`), when the domain does not use a proxy. */
  declare readonly cnameTargets: pulumi.Output<
    { host: string; value: string; required: boolean }[] | undefined
  >;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "proxyUrl",
      "isSatellite",
      "frontendApiUrl",
      "accountsPortalUrl",
      "developmentOrigin",
      "cnameTargets",
    ];
    super("Domain", name, args, opts, outputs);
  }
}
