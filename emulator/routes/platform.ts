import { z } from "zod";
import { ClerkErrorAnswer, notFound, paramFormatInvalid, paramMissing } from "../errors";
import { valueInvalid } from "../platform/config-errors";
import { CONFIG_SCHEMA } from "../platform/config-schema";
import { currentVersion, readDocument, renderDocument } from "../platform/config-state";
import { checkKnownKeys, writeConfig } from "../platform/config-write";
import type { EnvironmentType, Platform } from "../platform/registry";
import type { Route, RouteContext } from "../router";
import type { ApplicationRecord } from "../types";
import { isFqdn, parseBody } from "../validate";
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

const TEMPLATES = ["b2b-saas", "b2c-saas", "waitlist"] as const;

const CreateApplicationBody = z.strictObject({
  name: z.string().trim().min(1).max(256),
  domain: z.string().optional(),
  proxy_path: z
    .string()
    .regex(/^\/[A-Za-z0-9_-]+$/)
    .optional(),
  environment_types: z
    .array(z.enum(["development", "production"]))
    .min(1)
    .optional(),
  template: z.enum(TEMPLATES).optional(),
});

/** What a template sets in each new instance's document (the rest keeps a fresh instance's defaults). */
const TEMPLATE_CONFIG: Record<(typeof TEMPLATES)[number], Record<string, unknown>> = {
  "b2b-saas": { organization_settings: { enabled: true } },
  "b2c-saas": {},
  waitlist: { auth_access_control: { sign_up_mode: "waitlist" } },
};

function createApplication(ctx: RouteContext) {
  const input = parseBody(CreateApplicationBody, ctx.body);
  const requested: EnvironmentType[] = input.environment_types ?? ["development"];
  const environmentTypes = [...new Set(requested)];
  if (input.domain !== undefined && !isFqdn(input.domain.toLowerCase())) {
    throw paramFormatInvalid("domain", "domain must be a fully qualified domain name.");
  }
  // A production instance serves a domain of yours; a development one gets a Clerk-made one.
  if (environmentTypes.includes("production") && input.domain === undefined) throw paramMissing("domain");
  const template = TEMPLATE_CONFIG[input.template ?? "b2c-saas"];
  const app = platformOf(ctx).createApplication({
    name: input.name,
    ...(input.domain ? { domain: input.domain.toLowerCase() } : {}),
    environmentTypes,
    configure: (store) => {
      if (Object.keys(template).length === 0) return;
      writeConfig(store, {
        method: "PATCH",
        body: template,
        dryRun: false,
        destructive: false,
        keys: undefined,
        ifMatch: undefined,
      });
    },
  });
  // The answer carries the keys; Clerk's own clients read them again with include_secret_keys=true.
  return ok(renderApplication(app, true));
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
  { method: "POST", path: "/platform/applications", handler: createApplication },
  {
    method: "DELETE",
    path: "/platform/applications/{applicationID}",
    handler: (ctx) => {
      const id = ctx.params.applicationID as string;
      if (!platformOf(ctx).deleteApplication(id)) throw notFound("application");
      return ok({ id, object: "application", deleted: true });
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
