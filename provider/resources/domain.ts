import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface DomainArgs extends InstanceArgs {
  /**
   * The domain name, without scheme or path (`app.example.com`; a development instance may add a port:
   * `localhost:3000`). Lowercased. Updated in place; renaming the primary domain also moves the
   * instance's home origin (expect downtime until DNS follows).
   */
  name: pulumi.Input<string>;
  /**
   * An https proxy URL in front of Clerk's Frontend API (production instances only). Leave it out to keep
   * what Clerk has; set `""` to switch back to DNS (CNAME) verification.
   */
  proxyUrl?: pulumi.Input<string>;
  /**
   * Secondary app on the same root domain (the subdomain is significant). Write-only at Clerk: kept from
   * state, refresh cannot see it change.
   */
  isSecondary?: pulumi.Input<boolean>;
  /**
   * Adopt an existing domain with this Clerk id instead of creating one. This is the only way to manage
   * the instance's **primary** domain (Clerk cannot create or delete one).
   */
  importId?: pulumi.Input<string>;
}

/**
 * A domain of the Clerk instance: a satellite domain (the default: created and deleted by Pulumi), or
 * the primary domain (adopted with `importId` only).
 *
 * Every argument updates in place. Destroying an adopted primary domain sends no request: it is only
 * removed from the stack, and the provider prints a line saying so (shown by `pulumi` among the
 * diagnostics). Refresh sees `name` and `proxyUrl` changes and deleted satellites; it cannot see
 * `isSecondary`, which Clerk never returns. Refreshing many domains lists them once.
 */
export class Domain extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly proxyUrl: pulumi.Output<string | undefined>;
  declare readonly isSecondary: pulumi.Output<boolean | undefined>;
  /** False for the primary domain (only by adoption), true for satellites. */
  declare readonly isSatellite: pulumi.Output<boolean>;
  declare readonly frontendApiUrl: pulumi.Output<string>;
  /** Unset for satellite domains. */
  declare readonly accountsPortalUrl: pulumi.Output<string | undefined>;
  declare readonly developmentOrigin: pulumi.Output<string>;
  /** DNS records to create (`host` CNAME `value`), when the domain does not use a proxy. */
  declare readonly cnameTargets: pulumi.Output<
    { host: string; value: string; required: boolean }[] | undefined
  >;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<Domain>()([
      "name",
      "proxyUrl",
      "isSecondary",
      "isSatellite",
      "frontendApiUrl",
      "accountsPortalUrl",
      "developmentOrigin",
      "cnameTargets",
    ]);
    super("Domain", name, args, opts, outputs);
  }
}
