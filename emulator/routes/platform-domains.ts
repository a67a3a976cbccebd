import { z } from "zod";
import { ClerkErrorAnswer, identifierExists, notFound, paramFormatInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { ApplicationInstance, Platform } from "../platform/registry";
import type { Route, RouteContext } from "../router";
import type { Store } from "../store";
import type { DomainRecord } from "../types";
import { isFqdn, parseBody } from "../validate";
import { ok } from "./common";

// The Platform API's application domains: the production instance's primary domain and its satellites.
// The emulator sets up no DNS, so every domain's status stays incomplete, with the records to create.

const DomainBody = z.strictObject({
  name: z.string(),
  proxy_path: z
    .string()
    .regex(/^\/[A-Za-z0-9_-]+$/)
    .optional(),
  domain_intent_id: z.string().optional(),
});
const UpdateBody = DomainBody.omit({ domain_intent_id: true });

function platformOf(ctx: RouteContext): Platform {
  if (!ctx.platform) throw new Error("platform routes need the platform in the route context");
  return ctx.platform;
}

/** The CNAME records a production domain needs (a satellite only needs its Frontend API one). */
function cnameTargets(d: DomainRecord) {
  const all = [
    { host: `clerk.${d.name}`, value: "frontend-api.clerk.services", required: true },
    { host: `accounts.${d.name}`, value: "accounts.clerk.services", required: true },
    { host: `clkmail.${d.name}`, value: `mail.${d.name}.nam1.clerk.services`, required: true },
    { host: `clk._domainkey.${d.name}`, value: `dkim1.${d.name}.nam1.clerk.services`, required: true },
    { host: `clk2._domainkey.${d.name}`, value: `dkim2.${d.name}.nam1.clerk.services`, required: true },
  ];
  return d.is_satellite ? all.slice(0, 1) : all;
}

export const renderPlatformDomain = (_store: Store, inst: ApplicationInstance) => (d: DomainRecord) => {
  const at = new Date(inst.created_at ?? Date.now()).toISOString();
  return {
    object: "domain",
    id: d.id,
    name: d.name,
    is_satellite: d.is_satellite,
    is_provider_domain: false,
    frontend_api_url: `https://clerk.${d.name}`,
    development_origin: "",
    ...(d.is_satellite ? {} : { accounts_portal_url: `https://accounts.${d.name}` }),
    ...(d.proxy_url ? { proxy_url: d.proxy_url } : {}),
    cname_targets: cnameTargets(d),
    created_at: at,
    updated_at: at,
  };
};

/** The production instance of the path's application, with its store; 404 when either is missing. */
function production(ctx: RouteContext) {
  const platform = platformOf(ctx);
  const appId = ctx.params.applicationID as string;
  const app = platform.application(appId);
  if (!app) throw notFound("application");
  const inst = app.instances.find((i) => i.environment_type === "production");
  const store = inst && platform.instance(appId, inst.instance_id);
  if (!inst || !store) throw notFound("production instance");
  return { platform, appId, inst, store, render: renderPlatformDomain(store, inst) };
}

function findDomain(store: Store, idOrName: string): DomainRecord {
  const key = idOrName.toLowerCase();
  const d = store.domains.find((x) => x.id === idOrName || x.name === key);
  if (!d) throw notFound("domain");
  return d;
}

function domainName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (!isFqdn(name)) throw paramFormatInvalid("name", "name must be a fully qualified domain name.");
  return name;
}

const proxyUrl = (name: string, path: string | undefined) => (path ? `https://${name}${path}` : null);

function dnsStatus(d: DomainRecord) {
  const cnames: Record<string, unknown> = {};
  for (const t of cnameTargets(d)) {
    const label = t.host.slice(0, -(d.name.length + 1));
    cnames[label] = {
      clerk_subdomain: label,
      from: t.host,
      to: t.value,
      verified: false,
      required: t.required,
      failure_hints: null,
    };
  }
  return { status: "not_started", cnames };
}

const APP_DOMAINS = "/platform/applications/{applicationID}/domains";

export const platformDomainRoutes: Route[] = [
  {
    method: "GET",
    path: APP_DOMAINS,
    handler: (ctx) => {
      const { store, render } = production(ctx);
      const all = store.domains.list();
      return ok({ data: all.map(render), total_count: all.length });
    },
  },
  {
    method: "POST",
    path: APP_DOMAINS,
    handler: (ctx) => {
      const { store, render } = production(ctx);
      const input = parseBody(DomainBody, ctx.body);
      const name = domainName(input.name);
      if (store.domains.find((d) => d.name === name)) throw identifierExists("name", 409);
      const rec = store.domains.insert({
        id: newId(ID_PREFIX.domain),
        name,
        is_satellite: true,
        proxy_url: proxyUrl(name, input.proxy_path),
        is_secondary: null,
      });
      return { status: 201, body: render(rec) };
    },
  },
  {
    method: "PATCH",
    path: "/platform/applications/{applicationID}/domain",
    handler: (ctx) => {
      const { platform, appId, store, render } = production(ctx);
      const input = parseBody(UpdateBody, ctx.body);
      const name = domainName(input.name);
      const primary = store.domains.list().find((d) => !d.is_satellite);
      if (!primary) throw notFound("domain");
      if (store.domains.find((d) => d.name === name && d.id !== primary.id)) throw identifierExists("name");
      const next = store.domains.update(primary.id, { name, proxy_url: proxyUrl(name, input.proxy_path) });
      platform.renameProduction(appId, name);
      return ok(render(next!));
    },
  },
  {
    method: "GET",
    path: `${APP_DOMAINS}/{domainIDOrName}`,
    handler: (ctx) => {
      const { store, render } = production(ctx);
      return ok(render(findDomain(store, ctx.params.domainIDOrName as string)));
    },
  },
  {
    method: "DELETE",
    path: `${APP_DOMAINS}/{domainIDOrName}`,
    handler: (ctx) => {
      const { store } = production(ctx);
      const d = findDomain(store, ctx.params.domainIDOrName as string);
      if (!d.is_satellite) {
        throw new ClerkErrorAnswer(422, [
          {
            code: "primary_domain_cannot_be_deleted",
            message: "the primary domain cannot be deleted",
            long_message: "The primary domain cannot be deleted; change it with PATCH …/domain instead.",
          },
        ]);
      }
      store.domains.delete(d.id);
      return ok({ object: "domain", id: d.id, deleted: true });
    },
  },
  {
    method: "GET",
    path: `${APP_DOMAINS}/{domainIDOrName}/status`,
    handler: (ctx) => {
      const { store } = production(ctx);
      const d = findDomain(store, ctx.params.domainIDOrName as string);
      return ok({
        status: "incomplete",
        dns: dnsStatus(d),
        ssl: { status: "not_started", required: true, failure_hints: null },
        mail: { status: "not_started", required: !d.is_satellite },
        proxy: { status: d.proxy_url ? "not_started" : "complete", required: d.proxy_url !== null },
      });
    },
  },
];
