import { ClerkErrorAnswer, notFound } from "../errors";
import { valueInvalid } from "../platform/config-errors";
import { CONFIG_SCHEMA } from "../platform/config-schema";
import { currentVersion, readDocument, renderDocument } from "../platform/config-state";
import { checkKnownKeys, writeConfig } from "../platform/config-write";
import type { Platform } from "../platform/registry";
import type { Route, RouteContext } from "../router";
import type { ApplicationRecord } from "../types";
import { ok } from "./common";

// The Platform API (`/v1/platform/…`): applications with their instances, and each instance's
// configuration document. Authentication (a Platform API key, not a secret key) is the server's.

function platformOf(ctx: RouteContext): Platform {
  if (!ctx.platform) throw new Error("platform routes need the platform in the route context");
  return ctx.platform;
}

function boolQuery(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === "false") return false;
  if (raw === "true") return true;
  throw new ClerkErrorAnswer(400, [valueInvalid(name, "must be true or false")]);
}

/** `keys=a&keys=b` (a comma-separated value is split too); undefined when absent. */
function keysQuery(query: URLSearchParams): string[] | undefined {
  const all = query
    .getAll("keys")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (all.length === 0) return undefined;
  checkKnownKeys(all);
  return [...new Set(all)];
}

function renderApplication(app: ApplicationRecord, withSecrets: boolean) {
  return {
    application_id: app.id,
    name: app.name,
    instances: app.instances.map((i) => ({
      instance_id: i.instance_id,
      environment_type: i.environment_type,
      publishable_key: i.publishable_key,
      ...(withSecrets ? { secret_key: i.secret_key } : {}),
    })),
  };
}

function instanceStore(ctx: RouteContext) {
  const platform = platformOf(ctx);
  const appId = ctx.params.applicationID as string;
  if (!platform.application(appId)) throw notFound("application");
  const store = platform.instance(appId, ctx.params.envOrInsID as string);
  if (!store) throw notFound("instance");
  return store;
}

function configWrite(method: "PATCH" | "PUT") {
  return (ctx: RouteContext) => {
    const store = instanceStore(ctx);
    const result = writeConfig(store, {
      method,
      body: (ctx.body ?? {}) as Record<string, unknown>,
      dryRun: boolQuery(ctx.query, "dry_run"),
      destructive: boolQuery(ctx.query, "destructive"),
      keys: keysQuery(ctx.query),
      ifMatch: ctx.headers?.["if-match"]?.trim() || undefined,
    });
    return ok(result);
  };
}

const CONFIG = "/platform/applications/{applicationID}/instances/{envOrInsID}/config";

export const platformRoutes: Route[] = [
  {
    method: "GET",
    path: "/platform/applications",
    handler: (ctx) => {
      const secrets = boolQuery(ctx.query, "include_secret_keys");
      return ok(
        platformOf(ctx)
          .applications()
          .map((a) => renderApplication(a, secrets)),
      );
    },
  },
  {
    method: "GET",
    path: "/platform/applications/{applicationID}",
    handler: (ctx) => {
      const secrets = boolQuery(ctx.query, "include_secret_keys");
      const app = platformOf(ctx).application(ctx.params.applicationID as string);
      if (!app) throw notFound("application");
      return ok(renderApplication(app, secrets));
    },
  },
  {
    method: "GET",
    path: CONFIG,
    handler: (ctx) => {
      const store = instanceStore(ctx);
      const keys = keysQuery(ctx.query);
      const version = currentVersion(store);
      return ok({ config_version: version, ...renderDocument(readDocument(store), keys) });
    },
  },
  { method: "PATCH", path: CONFIG, handler: configWrite("PATCH") },
  { method: "PUT", path: CONFIG, handler: configWrite("PUT") },
  {
    method: "GET",
    path: `${CONFIG}/schema`,
    handler: (ctx) => {
      instanceStore(ctx);
      const keys = keysQuery(ctx.query);
      if (!keys) return ok(CONFIG_SCHEMA);
      return ok({
        ...CONFIG_SCHEMA,
        properties: Object.fromEntries(keys.map((k) => [k, CONFIG_SCHEMA.properties[k]])),
        required: keys,
      });
    },
  },
];
