import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

/** How members of an organization's verified domains join it. */
export type DomainsEnrollmentMode = "manual_invitation" | "automatic_invitation" | "automatic_suggestion";

/**
 * Arguments of {@link OrganizationSettings}. Every argument is optional: one left out is left as Clerk
 * has it (removing an argument later does not reset it either).
 */
export interface OrganizationSettingsArgs extends InstanceArgs {
  /** Whether organizations are enabled for the instance. */
  enabled?: pulumi.Input<boolean>;
  /** Maximum number of members per organization. */
  maxAllowedMemberships?: pulumi.Input<number>;
  /** Whether organization admins may delete their organization. */
  adminDeleteEnabled?: pulumi.Input<boolean>;
  /** Whether organizations may verify email domains. */
  domainsEnabled?: pulumi.Input<boolean>;
  /** Hide organization slugs (organizations are then addressed by id only). */
  slugDisabled?: pulumi.Input<boolean>;
  /**
   * Enrollment modes offered for verified domains, compared as a set:
   * `"automatic_invitation"`, `"automatic_suggestion"` (and `"manual_invitation"`).
   */
  domainsEnrollmentModes?: pulumi.Input<pulumi.Input<DomainsEnrollmentMode>[]>;
  /**
   * **Key** of the role given to an organization's creator, e.g. `"org:admin"`. Clerk takes a role id
   * here; the provider looks the key up among the instance's organization roles before writing and
   * fails, listing the existing keys, if there is no such role. The role must carry the
   * `org:sys_memberships:manage` permission (Clerk checks).
   */
  creatorRole?: pulumi.Input<string>;
  /** **Key** of the role given to members who join through a verified domain, e.g. `"org:member"`. */
  domainsDefaultRole?: pulumi.Input<string>;
}

/**
 * The instance's organization settings (`/instance/organization_settings`), a singleton: one per Clerk
 * instance.
 *
 * - **Create** adopts the existing settings and PATCHes only the arguments you declare; the id is
 *   always `organization_settings`. Every setting is an output, whether declared or not.
 * - **Roles by key**: `creatorRole` and `domainsDefaultRole` take role keys (`"org:admin"`). Clerk's
 *   PATCH wants role ids, so each write that declares a role first lists the organization roles and
 *   maps key → id (an unknown key fails before anything is written); Clerk reads roles back as keys.
 * - **Refresh** reads `GET /instance/organization_settings`: every writable setting is visible, so a
 *   dashboard change is drift (`domainsEnrollmentModes` compared as a set). `slugDisabled` is optional
 *   in Clerk's answer; when Clerk leaves it out, refresh keeps the recorded value.
 * - **Outputs only**: `maxAllowedRoles`, `maxAllowedDomains`, `maxRoleSetsAllowed`,
 *   `initialRoleSetKey` (set through role sets, not here).
 * - **Destroy** forgets the settings: no request is sent and Clerk keeps its current values.
 */
export class OrganizationSettings extends ClerkResource {
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly maxAllowedMemberships: pulumi.Output<number>;
  declare readonly adminDeleteEnabled: pulumi.Output<boolean>;
  declare readonly domainsEnabled: pulumi.Output<boolean>;
  declare readonly slugDisabled: pulumi.Output<boolean | undefined>;
  declare readonly domainsEnrollmentModes: pulumi.Output<DomainsEnrollmentMode[]>;
  declare readonly creatorRole: pulumi.Output<string>;
  declare readonly domainsDefaultRole: pulumi.Output<string>;
  /** Read-only: the plan's limit on custom roles. */
  declare readonly maxAllowedRoles: pulumi.Output<number>;
  /** Read-only: the plan's limit on verified domains per organization. */
  declare readonly maxAllowedDomains: pulumi.Output<number>;
  /** Read-only: the plan's limit on role sets (when Clerk reports it). */
  declare readonly maxRoleSetsAllowed: pulumi.Output<number | undefined>;
  /** Read-only: key of the role set new organizations start with (managed through role sets). */
  declare readonly initialRoleSetKey: pulumi.Output<string | undefined>;

  constructor(name: string, args: OrganizationSettingsArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<OrganizationSettings>()([
      "enabled",
      "maxAllowedMemberships",
      "adminDeleteEnabled",
      "domainsEnabled",
      "slugDisabled",
      "domainsEnrollmentModes",
      "creatorRole",
      "domainsDefaultRole",
      "maxAllowedRoles",
      "maxAllowedDomains",
      "maxRoleSetsAllowed",
      "initialRoleSetKey",
    ]);
    // Named: check refuses a setting also declared through the configuration document, naming both.
    super("OrganizationSettings", name, args, opts, outputs, [], true);
  }
}
