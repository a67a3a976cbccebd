import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, outputNames } from "../resource-base";

export interface ApplicationArgs {
  /** The application's name (1 to 256 characters). Changing it replaces the application (see deletionProtection). */
  name: pulumi.Input<string>;
  /** Which instances to create: `development`, `production` or both (default `["development"]`). Replaces on change. */
  environmentTypes?: pulumi.Input<pulumi.Input<"development" | "production">[]>;
  /** Clerk's starting configuration: `b2b-saas`, `b2c-saas` or `waitlist`. Create-time; replaces on change. */
  template?: pulumi.Input<"b2b-saas" | "b2c-saas" | "waitlist">;
  /** The production instance's domain (e.g. `example.com`); required with a production instance. Replaces on change. */
  domain?: pulumi.Input<string>;
  /**
   * Default true: destroying or replacing the application is refused (it deletes its users). Set it
   * false and run `pulumi up` before a destroy; set it false in the same change as a replacement.
   */
  deletionProtection?: pulumi.Input<boolean>;
  /** Rotation trigger: whenever it differs from the value in state, `pulumi up` rotates every instance's secret key. */
  rotateSecretKeys?: pulumi.Input<number | string>;
}

export interface ApplicationInstanceOutput {
  instanceId: string;
  environmentType: "development" | "production";
  publishableKey: string;
  frontendApiUrl: string;
}

/**
 * A Clerk application created through the Platform API (`clerk:platformApiKey`), with its development
 * and/or production instance. Secret keys are secret outputs, read with `include_secret_keys`.
 */
export class Application extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly environmentTypes: pulumi.Output<("development" | "production")[]>;
  declare readonly deletionProtection: pulumi.Output<boolean>;
  declare readonly applicationId: pulumi.Output<string>;
  declare readonly instances: pulumi.Output<ApplicationInstanceOutput[]>;
  /** The development instance's secret key (a secret output). */
  declare readonly developmentSecretKey: pulumi.Output<string | undefined>;
  /** The production instance's secret key (a secret output). */
  declare readonly productionSecretKey: pulumi.Output<string | undefined>;

  constructor(name: string, args: ApplicationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<Application>()([
      "name",
      "environmentTypes",
      "deletionProtection",
      "applicationId",
      "instances",
      "developmentSecretKey",
      "productionSecretKey",
    ]);
    super("Application", name, args, opts, outputs, ["developmentSecretKey", "productionSecretKey"]);
  }
}
