import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs } from "../resource-base";

/** How members of an organization's verified domains join it. */
export type DomainEnrollmentMode = "manual_invitation" | "automatic_invitation" | "automatic_suggestion";

/**
 * Arguments of {@link OrganizationConfig} (`organization_settings` in the instance's configuration document). Every argument is optional: one left out is Clerk's to keep, and the resource neither shows nor manages it.
 */
export interface OrganizationConfigArgs extends InstanceArgs {
  /** Organizations are enabled. */
  enabled?: pulumi.Input<boolean>;
  /** Users must pick an organization (no personal account). */
  forceOrganizationSelection?: pulumi.Input<boolean>;
  /** Maximum members per organization (0: unlimited). */
  maxAllowedMemberships?: pulumi.Input<number>;
  /** Organizations may verify email domains. */
  domainsEnabled?: pulumi.Input<boolean>;
  /** How verified-domain members join (a set). */
  domainsEnrollmentModes?: pulumi.Input<pulumi.Input<DomainEnrollmentMode>[]>;
  /** Key of the role verified-domain members get, e.g. `"org:member"` (an existing role). */
  domainsDefaultRole?: pulumi.Input<string>;
  /** Organizations have no slug. */
  slugDisabled?: pulumi.Input<boolean>;
  /** Defaults for new organizations (`organization_creation_defaults`), merged into Clerk's. */
  organizationCreationDefaults?: pulumi.Input<Record<string, unknown>>;
}

/**
 * Organizations, through the configuration document: the `organization_settings` section of the instance's configuration document, written through Clerk's
 * Platform API (a Platform API key is needed: see docs/configuration.md, "Platform API").
 *
 * - **Create** adopts the section and writes only the declared arguments that differ from Clerk's values.
 * - **Refresh** shows a dashboard change of a declared argument, and nothing else.
 * - **Destroy** forgets the resource: Clerk keeps its current values (nothing is reset).
 *
 * The same settings are reachable through the Backend API's `OrganizationSettings`: declare each
 * field through one resource only (check refuses a field declared through both, naming both). This
 * one also reaches `forceOrganizationSelection` and `organizationCreationDefaults`, which the Backend
 * API does not. Enabling organizations makes Clerk seed defaults for the settings not sent with it.
 */
export class OrganizationConfig extends ClerkResource {
  declare readonly enabled: pulumi.Output<boolean | undefined>;
  declare readonly forceOrganizationSelection: pulumi.Output<boolean | undefined>;
  declare readonly maxAllowedMemberships: pulumi.Output<number | undefined>;
  declare readonly domainsEnabled: pulumi.Output<boolean | undefined>;
  declare readonly domainsEnrollmentModes: pulumi.Output<DomainEnrollmentMode[] | undefined>;
  declare readonly domainsDefaultRole: pulumi.Output<string | undefined>;
  declare readonly slugDisabled: pulumi.Output<boolean | undefined>;
  declare readonly organizationCreationDefaults: pulumi.Output<Record<string, unknown> | undefined>;

  constructor(name: string, args: OrganizationConfigArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(
      "OrganizationConfig",
      name,
      args,
      opts,
      [
        "enabled",
        "forceOrganizationSelection",
        "maxAllowedMemberships",
        "domainsEnabled",
        "domainsEnrollmentModes",
        "domainsDefaultRole",
        "slugDisabled",
        "organizationCreationDefaults",
      ],
      [],
      true,
    );
  }
}
