import { z } from "zod";
import { ClerkErrorAnswer, notFound, paramFormatInvalid } from "../errors";
import { newConfigVersion, readDocument, writeDocument } from "../platform/config-state";
import type { ApplicationInstance, Platform } from "../platform/registry";
import type { Route, RouteContext } from "../router";
import { isFqdn, parseBody } from "../validate";
import { ok } from "./common";
import { renderPlatformDomain } from "./platform-domains";

// The Platform API's instance operations: a production instance for an application that has none
// (optionally cloning the development instance's configuration), and secret key rotation.

function platformOf(ctx: RouteContext): Platform {
  if (!ctx.platform) throw new Error("platform routes need the platform in the route context");
  return ctx.platform;
}

const CreateInstanceBody = z.strictObject({
  domain: z.string(),
  environment_type: z.literal("production").optional(),
  clone_instance_id: z.string().nullable().optional(),
});

const RotateBody = z.strictObject({
  delay_old_secrets_expiration_hours: z.number().int().min(0).max(720).optional(),
  reason: z.string().max(1024).optional(),
});

const conflict = (code: string, message: string, longMessage: string) =>
  new ClerkErrorAnswer(409, [{ code, message, long_message: longMessage }]);

function createInstance(ctx: RouteContext) {
  const platform = platformOf(ctx);
  const appId = ctx.params.applicationID as string;
  const app = platform.application(appId);
  if (!app) throw notFound("application");
  const input = parseBody(CreateInstanceBody, ctx.body);
  const domain = input.domain.trim().toLowerCase();
  if (!isFqdn(domain)) throw paramFormatInvalid("domain", "domain must be a fully qualified domain name.");
  if (app.instances.some((i) => i.environment_type === "production")) {
    throw conflict(
      "production_instance_exists",
      "production instance exists",
      "This application already has a production instance.",
    );
  }
  let clone: ReturnType<typeof readDocument> | undefined;
  if (input.clone_instance_id != null) {
    const source = app.instances.find((i) => i.instance_id === input.clone_instance_id);
    if (source?.environment_type !== "development") {
      throw paramFormatInvalid(
        "clone_instance_id",
        "clone_instance_id must be a development instance of this application.",
      );
    }
    clone = readDocument(platform.instance(appId, source.instance_id)!);
  }
  const inst = platform.addProductionInstance(appId, domain, (store) => {
    if (clone) writeDocument(store, clone, newConfigVersion());
  }) as ApplicationInstance;
  const store = platform.instance(appId, inst.instance_id)!;
  const primary = store.domains.list().find((d) => !d.is_satellite);
  return {
    status: 201,
    body: {
      object: "instance",
      id: inst.instance_id,
      environment_type: "production",
      active_domain: renderPlatformDomain(store, inst)(primary!),
      secret_key: inst.secret_key,
      publishable_key: inst.publishable_key,
      created_at: inst.created_at,
      updated_at: inst.updated_at,
    },
  };
}

function rotate(ctx: RouteContext, envOrId: string | undefined) {
  const platform = platformOf(ctx);
  const appId = ctx.params.applicationID as string;
  if (!platform.application(appId)) throw notFound("application");
  const input = parseBody(RotateBody, ctx.body ?? {});
  const result = platform.rotateSecretKeys(appId, envOrId, input.delay_old_secrets_expiration_hours ?? 0);
  if (!result) throw notFound("instance");
  return ok({
    application_id: result.app.id,
    name: result.app.name,
    instances: result.rotated.map((i) => ({
      instance_id: i.instance_id,
      environment_type: i.environment_type,
      secret_key: i.secret_key,
    })),
  });
}

export const platformInstanceRoutes: Route[] = [
  { method: "POST", path: "/platform/applications/{applicationID}/instances", handler: createInstance },
  {
    method: "POST",
    path: "/platform/applications/{applicationID}/rotate_secret_keys",
    handler: (ctx) => rotate(ctx, undefined),
  },
  {
    method: "POST",
    path: "/platform/applications/{applicationID}/instances/{envOrInsID}/rotate_secret_keys",
    handler: (ctx) => rotate(ctx, ctx.params.envOrInsID as string),
  },
];
