import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface RedirectUrlArgs extends InstanceArgs {
  /** The URL Clerk may redirect to after OAuth or sign-in: `https://…` or a custom scheme (`myapp://callback`). Changing it replaces the object. */
  url: pulumi.Input<string>;
  /** Adopt an existing redirect URL with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * A URL Clerk allows as a redirect target (OAuth callbacks of native apps, sign-in redirects).
 *
 * Clerk cannot edit a redirect URL, so a change of `url` replaces it. Refresh sees deletions.
 */
export class RedirectUrl extends ClerkResource {
  declare readonly url: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: RedirectUrlArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<RedirectUrl>()(["url", "createdAt", "updatedAt"]);
    super("RedirectUrl", name, args, opts, outputs);
  }
}
