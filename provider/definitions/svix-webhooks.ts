import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import { ClerkApiError } from "../../sdk/errors";
import type { SvixWebhooksArgs } from "../resources/svix-webhooks";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { writeOrConfirm } from "../runtime/confirm";
import type { ResourceDefinition } from "../runtime/definition";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SvixWebhooksArgs, typeof inputs>>;

const inputs = z.strictObject({
  renewDashboardUrl: z
    .union([z.number(), z.string()], { message: "must be a number or a string" })
    .optional(),
});

/**
 * The instance's Svix app as the provider sees it: a fresh dashboard link, and whether the app was
 * already there when this resource was created (then destroy leaves it; see `delete`).
 */
interface Api {
  /** Absent after a read: the link in state stays (see `read`). */
  svix_url?: string;
  adopted?: boolean;
}

/** The fixed id of the one Svix app of an instance (Clerk gives it no id). */
export const SVIX_WEBHOOKS_ID = "svix";

/**
 * Clerk answers the Svix operations' failures with 400 only (the spec declares nothing else), and the
 * code for "this instance has no Svix app" is not documented: any 400 (or 404) from the dashboard-link
 * operation counts as "no app", which is the one thing a refused link request can mean here.
 */
const isNoApp = (e: unknown) => e instanceof ClerkApiError && (e.status === 400 || e.status === 404);

async function dashboard(client: ClerkClient): Promise<Api | undefined> {
  try {
    return await client.svix.dashboardUrl({ idempotent: true });
  } catch (e) {
    if (isNoApp(e)) return undefined;
    throw e;
  }
}

/** @internal */
export const svixWebhooksDefinition: ResourceDefinition<Inputs, Api> = {
  previewAdoption: false,
  type: "SvixWebhooks",
  inputs,
  replaceOnChange: [],
  writeOnly: ["renewDashboardUrl"],
  id: () => SVIX_WEBHOOKS_ID,
  toInputs: () => ({}),
  // `adopted` is known at create only: absent afterwards, state keeps it.
  toComputed: (api) => ({
    ...(api.svix_url !== undefined ? { dashboardUrl: api.svix_url } : {}),
    ...(api.adopted !== undefined ? { adopted: api.adopted } : {}),
  }),
  // Adopt the instance's app when it has one (whether Clerk would refuse a second one or answer as if it
  // made it is not documented: asking first makes `adopted` right either way); else enable.
  create: async ({ client }) => {
    const existing = await dashboard(client);
    if (existing !== undefined) return { ...existing, adopted: true };
    // After a lost answer, an app that is there now is the one this request made (there was none a
    // moment ago): this stack's, to disable on destroy.
    const made = await writeOrConfirm<Api>(
      () => client.svix.enable(),
      () => dashboard(client),
    );
    return { ...made, adopted: false };
  },
  // Clerk has no GET: asking for a dashboard link is the only read, and a refusal means the app is gone.
  // The new link is not kept: it differs on every request, and a refresh that changed state each time
  // would never be quiet (`pulumi preview --refresh --expect-no-changes` would always fail).
  read: async ({ client }) => {
    const live = await dashboard(client);
    return live === undefined ? undefined : {};
  },
  // Only the trigger can change: a new link (an update's outputs are rebuilt, so `adopted` is carried).
  update: async ({ client }, _id, _news, olds) => ({
    ...((await dashboard(client)) ?? (await client.svix.enable())),
    adopted: (olds as { adopted?: boolean }).adopted === true,
  }),
  delete: async ({ client }, _id, olds) => {
    // An app this stack found already there is someone else's to delete, with its endpoints.
    if ((olds as { adopted?: boolean }).adopted === true) return;
    try {
      await client.svix.disable();
    } catch (e) {
      // Already disabled behind our back: the goal is reached.
      if (!isNoApp(e)) throw e;
    }
  },
  export: {
    title: "Webhooks (Svix)",
    singleton: true,
    // The dashboard link request is the only way to see whether the app exists; it changes nothing.
    list: async ({ client }) => {
      const api = await dashboard(client);
      return api === undefined ? [] : [api];
    },
    key: () => "svix-webhooks",
  },
};
