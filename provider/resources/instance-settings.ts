import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { InstanceObject, UpdateInstanceBody } from "../../sdk/schemas";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody } from "../runtime/singleton";

/**
 * Arguments of {@link InstanceSettings}. Every argument is optional: one left out is left as Clerk has
 * it (removing an argument later does not reset it either).
 *
 * Clerk's `GET /instance` shows only `allowed_origins`. Every other argument is **write-only**: Clerk
 * never returns it, so the provider keeps the value you declared in state, and refresh cannot see a
 * change made in the dashboard. Each update re-sends every declared argument, which re-asserts them.
 */
export interface InstanceSettingsArgs extends InstanceArgs {
  /**
   * Extra origins allowed to call Clerk from a browser: browser extensions, Electron, Capacitor
   * (e.g. `"chrome-extension://abcdefghijklmnop"`, `"capacitor://localhost"`). Each is a scheme and a
   * host (and port), with no path or trailing slash; compared as a set. Readable: refresh sees changes.
   */
  allowedOrigins?: pulumi.Input<pulumi.Input<string>[]>;
  /** Whether test mode (fixed test phone numbers and emails, code 424242) is on. Write-only. */
  testMode?: pulumi.Input<boolean>;
  /** Whether passwords are checked against the HaveIBeenPwned breach list. Write-only. */
  hibp?: pulumi.Input<boolean>;
  /**
   * Support email address shown in Clerk's components and emails; `""` clears it (removing the argument
   * leaves Clerk's value). Write-only.
   */
  supportEmail?: pulumi.Input<string>;
  /**
   * Clerk.js major version (or exact version) the instance's hosted pages load, e.g. `"5"`; `""` clears
   * the pin (removing the argument leaves Clerk's value). Write-only.
   */
  clerkJsVersion?: pulumi.Input<string>;
  /** Development instances: the origin of your local app, e.g. `"http://localhost:3000"`. Write-only. */
  developmentOrigin?: pulumi.Input<string>;
  /** Development instances: sync sessions through the URL instead of third-party cookies. Write-only. */
  urlBasedSessionSyncing?: pulumi.Input<boolean>;
  /**
   * Sign-in strategy when a password is required: `"password"` (Clerk's default) or `"otp"`; `""`
   * clears the override. Write-only.
   */
  preferredSignInStrategyWhenPasswordRequired?: pulumi.Input<"password" | "otp" | "">;
}

type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<InstanceSettingsArgs, typeof inputs>>;

const ORIGIN = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s/?#]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

const canParse = (v: string) => {
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
};

const origin = z
  .string()
  .trim()
  .refine((v) => ORIGIN.test(v) && canParse(v), {
    message:
      "must be an origin: a scheme and host with no path or trailing slash, such as https://app.example.com or chrome-extension://abcdefghijklmnop",
  });

const inputs = z.strictObject({
  allowedOrigins: z
    .array(origin)
    .refine((o) => new Set(o).size === o.length, { message: "must not list an origin twice" })
    .optional(),
  testMode: z.boolean().optional(),
  hibp: z.boolean().optional(),
  // "" clears the value at Clerk.
  supportEmail: z
    .string()
    .trim()
    .max(320)
    .refine((v) => v === "" || EMAIL.test(v), {
      message: 'must be an email address, such as support@example.com, or "" to clear it',
    })
    .optional(),
  clerkJsVersion: z.string().trim().max(64).optional(),
  developmentOrigin: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/?#]+\/?$/.test(v) && canParse(v), {
      message: "must be an http(s) origin, such as http://localhost:3000",
    })
    .optional(),
  urlBasedSessionSyncing: z.boolean().optional(),
  preferredSignInStrategyWhenPasswordRequired: z.enum(["password", "otp", ""]).optional(),
});

/** Everything but allowedOrigins: Clerk accepts these and never shows them again. */
const WRITE_ONLY = [
  "testMode",
  "hibp",
  "supportEmail",
  "clerkJsVersion",
  "developmentOrigin",
  "urlBasedSessionSyncing",
  "preferredSignInStrategyWhenPasswordRequired",
] as const;

const body = (news: Inputs): UpdateInstanceBody =>
  declaredBody(news, {
    allowedOrigins: "allowed_origins",
    testMode: "test_mode",
    hibp: "hibp",
    supportEmail: "support_email",
    clerkJsVersion: "clerk_js_version",
    developmentOrigin: "development_origin",
    urlBasedSessionSyncing: "url_based_session_syncing",
    preferredSignInStrategyWhenPasswordRequired: "preferred_sign_in_strategy_when_password_required",
  });

/** Re-reads after a PATCH until allowed_origins shows what was written: at most this many more reads... */
export const SETTLE_READS = 6;
/** ...this far apart. */
export const SETTLE_DELAY_MS = 500;

/**
 * PATCH answers 204 with no body, so the instance (its id, allowed_origins) is read afterwards. Right
 * after the PATCH Clerk may still show the previous allowed_origins for a moment: recording that would
 * make the next preview undo nothing and redo the PATCH, so the read is repeated (bounded) until it shows
 * what was written. When the first read already matches, nothing waits.
 */
async function write({ client }: OperationContext, news: Inputs): Promise<InstanceObject> {
  const b = body(news);
  if (Object.keys(b).length > 0) await client.instance.update(b);
  let live = await client.instance.get();
  const wanted = b.allowed_origins;
  if (wanted === undefined) return live;
  for (let i = 0; i < SETTLE_READS && !sameSet(live.allowed_origins ?? [], wanted); i++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
    live = await client.instance.get();
  }
  return live;
}

/** @internal */
export const instanceSettingsDefinition: ResourceDefinition<Inputs, InstanceObject> = {
  type: "InstanceSettings",
  inputs,
  replaceOnChange: [],
  writeOnly: [...WRITE_ONLY],
  equals: { allowedOrigins: sameSet },
  // The instance id (ins_…): state then records which Clerk instance these settings belong to.
  id: (api) => api.id,
  // Clerk shows "never set" as null; it means no extra origins, the same as [].
  toInputs: (api) => ({ allowedOrigins: api.allowed_origins ?? [] }),
  toComputed: (api) => ({ environmentType: api.environment_type }),
  // A singleton: create adopts the instance and PATCHes only the declared fields.
  create: (ctx, news) => write(ctx, news),
  // The credentials now reach another instance: the one these settings were applied to is out of reach,
  // so refresh reports it gone rather than silently switching state to another instance.
  read: async ({ client }, id) => {
    const live = await client.instance.get();
    return live.id === id ? live : undefined;
  },
  update: (ctx, _id, news) => write(ctx, news),
  // Forget only: there is nothing to delete, and no reset nobody asked for.
  delete: async () => {},
  export: {
    title: "Instance settings",
    singleton: true,
    list: async ({ client }) => [await client.instance.get()],
    key: () => "instance-settings",
    instanceId: (api) => api.id,
  },
};

/**
 * The instance's own settings (`/instance`), a singleton: one per Clerk instance. Its id is the Clerk
 * instance id (`ins_…`).
 *
 * - **Create** adopts the instance and PATCHes only the arguments you declare (then reads the instance,
 *   since Clerk's PATCH answers with no body).
 * - **Refresh** reads `GET /instance`, which shows only `allowedOrigins`: a dashboard change there is
 *   drift. `testMode`, `hibp`, `supportEmail`, `clerkJsVersion`, `developmentOrigin`,
 *   `urlBasedSessionSyncing` and `preferredSignInStrategyWhenPasswordRequired` are write-only: they are
 *   carried over from state, and a change made outside Pulumi cannot be seen (the next update that
 *   touches this resource writes the declared values again). If the configured key reaches a different
 *   instance than the one in state, refresh reports the resource as gone.
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps its current values.
 */
export class InstanceSettings extends ClerkResource {
  /** @internal */
  static override readonly definition = instanceSettingsDefinition;
  declare readonly allowedOrigins: pulumi.Output<string[]>;
  declare readonly testMode: pulumi.Output<boolean | undefined>;
  declare readonly hibp: pulumi.Output<boolean | undefined>;
  declare readonly supportEmail: pulumi.Output<string | undefined>;
  declare readonly clerkJsVersion: pulumi.Output<string | undefined>;
  declare readonly developmentOrigin: pulumi.Output<string | undefined>;
  declare readonly urlBasedSessionSyncing: pulumi.Output<boolean | undefined>;
  declare readonly preferredSignInStrategyWhenPasswordRequired: pulumi.Output<string | undefined>;
  /** Read-only: `development` or `production`. */
  declare readonly environmentType: pulumi.Output<string>;

  constructor(name: string, args: InstanceSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super("InstanceSettings", name, args, opts, ["allowedOrigins", ...WRITE_ONLY, "environmentType"]);
  }
}
