import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/**
 * Arguments of {@link ApplicationPaths} (`paths` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface ApplicationPathsArgs extends InstanceArgs {
  /** The sign-in page, e.g. `"/sign-in"`. */
  signIn?: pulumi.Input<string>;
  /** The sign-up page. */
  signUp?: pulumi.Input<string>;
  /** The application's home. */
  home?: pulumi.Input<string>;
  /** Where users land after signing out of every account. */
  afterSignOutAll?: pulumi.Input<string>;
  /** Where users land when a sign-in is refused. */
  unauthorizedSignIn?: pulumi.Input<string>;
  /** The waitlist page. */
  waitlist?: pulumi.Input<string>;
  /** The OAuth consent page. */
  oauthConsent?: pulumi.Input<string>;
}

/**
 * Where Clerk's hosted pages send users in the application: the `paths` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 *
 * Each path is relative to the application: it starts with `/`, `?` or `#`, or is empty.
 */
export class ApplicationPaths extends ClerkResource {
  declare readonly signIn: pulumi.Output<string | undefined>;
  declare readonly signUp: pulumi.Output<string | undefined>;
  declare readonly home: pulumi.Output<string | undefined>;
  declare readonly afterSignOutAll: pulumi.Output<string | undefined>;
  declare readonly unauthorizedSignIn: pulumi.Output<string | undefined>;
  declare readonly waitlist: pulumi.Output<string | undefined>;
  declare readonly oauthConsent: pulumi.Output<string | undefined>;

  constructor(name: string, args: ApplicationPathsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "ApplicationPaths",
      name,
      args,
      opts,
      ["signIn", "signUp", "home", "afterSignOutAll", "unauthorizedSignIn", "waitlist", "oauthConsent"],
      [],
      true,
    );
  }
}
