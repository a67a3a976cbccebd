import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

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

/**
 * Everything but allowedOrigins: Clerk accepts these and never shows them again (the definition's
 * `writeOnly`; here so that the class lists its outputs without loading the definition).
 * @internal
 */
export const INSTANCE_SETTINGS_WRITE_ONLY = [
  "testMode",
  "hibp",
  "supportEmail",
  "clerkJsVersion",
  "developmentOrigin",
  "urlBasedSessionSyncing",
  "preferredSignInStrategyWhenPasswordRequired",
] as const;

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
    const outputs = outputNames<InstanceSettings>()([
      "allowedOrigins",
      "testMode",
      "hibp",
      "supportEmail",
      "clerkJsVersion",
      "developmentOrigin",
      "urlBasedSessionSyncing",
      "preferredSignInStrategyWhenPasswordRequired",
      "environmentType",
    ]);
    super("InstanceSettings", name, args, opts, outputs);
  }
}
