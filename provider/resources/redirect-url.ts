import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { RedirectUrlObject } from "../../sdk/schemas";
import { redirectUrl } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

export interface RedirectUrlArgs extends InstanceArgs {
  /** The URL Clerk may redirect to after OAuth or sign-in: `https://…` or a custom scheme (`myapp://callback`). Changing it replaces the object. */
  url: pulumi.Input<string>;
  /** Adopt an existing redirect URL with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

const inputs = z.strictObject({ url: redirectUrl });
type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<RedirectUrlArgs, typeof inputs>>;

/** @internal */
export const redirectUrlDefinition: ResourceDefinition<Inputs, RedirectUrlObject> = {
  type: "RedirectUrl",
  inputs,
  replaceOnChange: ["url"],
  // The url is the key and the only replaceable input: the old object goes either way. Deleting it
  // first lets a program move the url to another of its resources in one `up` (docs/recovery.md).
  deleteBeforeReplace: true,
  id: (api) => api.id,
  toInputs: (api) => ({ url: api.url }),
  toComputed: (api) => ({ createdAt: api.created_at, updatedAt: api.updated_at }),
  create: ({ client }, inputs) => client.redirectUrls.create({ url: inputs.url }),
  findExisting: async ({ client }, inputs) =>
    onlyMatch(await client.redirectUrls.list(), (x) => x.url === inputs.url),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.redirectUrls.get(id)),
  delete: async ({ client }, id) => {
    await client.redirectUrls.delete(id);
  },
  export: { title: "Redirect URLs", list: ({ client }) => client.redirectUrls.list(), key: (api) => api.url },
};

/**
 * A URL Clerk allows as a redirect target (OAuth callbacks of native apps, sign-in redirects).
 *
 * Clerk cannot edit a redirect URL, so a change of `url` replaces it. Refresh sees deletions.
 */
export class RedirectUrl extends ClerkResource {
  /** @internal */
  static override readonly definition = redirectUrlDefinition;
  declare readonly url: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: RedirectUrlArgs, opts?: pulumi.CustomResourceOptions) {
    super("RedirectUrl", name, args, opts, ["createdAt", "updatedAt"]);
  }
}
