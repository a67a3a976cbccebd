import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface SvixWebhooksArgs extends InstanceArgs {
  /**
   * Trigger for a new dashboard link: any number or string. Whenever it differs from the value recorded
   * in state, `pulumi up` asks Clerk for a fresh `dashboardUrl` (links are short-lived). Never sent to Clerk.
   */
  renewDashboardUrl?: pulumi.Input<number | string>;
}

/**
 * Webhooks for the instance: Clerk's Svix app (`/webhooks/svix`), a singleton without arguments.
 *
 * - **Create** enables webhooks (creates the Svix app). If the instance already has one, it is adopted
 *   as it is (`adopted` is then true).
 * - **Refresh** asks Clerk for a dashboard link: a refusal means the app was deleted outside Pulumi,
 *   and refresh drops the resource. `dashboardUrl` (a secret output) is a short-lived sign-in link to
 *   the Svix dashboard, where endpoints and event types are managed: issued at create, and again when
 *   `renewDashboardUrl` changes (refresh does not replace it, so that a refresh stays quiet).
 * - **Destroy** disables webhooks (deletes the Svix app, with every endpoint configured in it) when
 *   this stack enabled them; an adopted app is only forgotten. `retainOnDelete: true` forgets in every case.
 */
export class SvixWebhooks extends ClerkResource {
  /** A temporary sign-in link to the instance's Svix dashboard (a secret output). */
  declare readonly dashboardUrl: pulumi.Output<string>;
  /** True when the Svix app existed before this resource was created (destroy then leaves it). */
  declare readonly adopted: pulumi.Output<boolean>;

  declare readonly renewDashboardUrl: pulumi.Output<number | string | undefined>;

  constructor(name: string, args: SvixWebhooksArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<SvixWebhooks>()(["dashboardUrl", "adopted", "renewDashboardUrl"]);
    super("SvixWebhooks", name, args, opts, outputs, ["dashboardUrl"]);
  }
}
