import { z } from "zod";
import type { InstanceObject, UpdateInstanceBody } from "../../sdk/schemas";
import { hasControlCharacter, noControlCharacters } from "../inputs";
import { INSTANCE_SETTINGS_WRITE_ONLY, type InstanceSettingsArgs } from "../resources/instance-settings";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody } from "../runtime/singleton";

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
  .superRefine(noControlCharacters)
  .refine((v) => hasControlCharacter(v) || (ORIGIN.test(v) && canParse(v)), {
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
    .superRefine(noControlCharacters)
    .refine((v) => v === "" || hasControlCharacter(v) || EMAIL.test(v), {
      message: 'must be an email address, such as support@example.com, or "" to clear it',
    })
    .optional(),
  clerkJsVersion: z.string().trim().max(64).superRefine(noControlCharacters).optional(),
  developmentOrigin: z
    .string()
    .trim()
    .superRefine(noControlCharacters)
    .refine((v) => hasControlCharacter(v) || (/^https?:\/\/[^\s/?#]+\/?$/.test(v) && canParse(v)), {
      message: "must be an http(s) origin, such as http://localhost:3000",
    })
    .optional(),
  urlBasedSessionSyncing: z.boolean().optional(),
  preferredSignInStrategyWhenPasswordRequired: z.enum(["password", "otp", ""]).optional(),
});

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
  writeOnly: [...INSTANCE_SETTINGS_WRITE_ONLY],
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
