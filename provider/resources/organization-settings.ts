import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { OrganizationSettingsObject, UpdateOrganizationSettingsBody } from "../../sdk/schemas";
import { roleKey } from "../authz-keys";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

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

type Inputs = z.output<typeof inputs>;
type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationSettingsArgs, typeof inputs>>;

const inputs = z.strictObject({
  enabled: z.boolean().optional(),
  maxAllowedMemberships: z.number().int().min(0).optional(),
  adminDeleteEnabled: z.boolean().optional(),
  domainsEnabled: z.boolean().optional(),
  slugDisabled: z.boolean().optional(),
  domainsEnrollmentModes: z
    .array(z.enum(["manual_invitation", "automatic_invitation", "automatic_suggestion"]))
    .refine((m) => new Set(m).size === m.length, { message: "must not list a mode twice" })
    .optional(),
  creatorRole: roleKey.optional(),
  domainsDefaultRole: roleKey.optional(),
});

/**
 * The fields sent and read back as they are; the roles are not here: Clerk's PATCH takes role ids and
 * its answer gives role keys. `slug_disabled` is optional in Clerk's answer: when absent, the declared
 * value is kept.
 */
const FIELDS: FieldTable<Omit<Inputs, "creatorRole" | "domainsDefaultRole">, OrganizationSettingsObject> = {
  enabled: "enabled",
  maxAllowedMemberships: "max_allowed_memberships",
  adminDeleteEnabled: "admin_delete_enabled",
  domainsEnabled: "domains_enabled",
  slugDisabled: "slug_disabled",
  domainsEnrollmentModes: "domains_enrollment_modes",
};

/** The fixed id of the one organization settings object (Clerk's own `object` name for it). */
export const ORGANIZATION_SETTINGS_ID = "organization_settings";

/**
 * The PATCH body: declared fields, with role keys turned into the role ids Clerk's PATCH takes. Roles
 * are listed only when a role is declared; an unknown key fails here, before anything is written.
 * @internal
 */
export async function organizationSettingsBody(
  { client }: OperationContext,
  news: Inputs,
): Promise<UpdateOrganizationSettingsBody> {
  const { creatorRole, domainsDefaultRole, ...rest } = news;
  const body: UpdateOrganizationSettingsBody = declaredBody(rest, FIELDS);
  if (creatorRole === undefined && domainsDefaultRole === undefined) return body;
  const roles = await client.organizationRoles.list();
  const idOf = (field: string, key: string): string => {
    const role = roles.find((r) => r.key === key);
    if (role) return role.id;
    const available = roles.map((r) => r.key).sort();
    throw new Error(
      `${field}: no organization role has the key "${key}"; the instance's role keys are: ` +
        (available.length > 0 ? available.join(", ") : "(none)"),
    );
  };
  if (creatorRole !== undefined) body.creator_role_id = idOf("creatorRole", creatorRole);
  if (domainsDefaultRole !== undefined)
    body.domains_default_role_id = idOf("domainsDefaultRole", domainsDefaultRole);
  return body;
}

/** PATCHes the declared fields; with none declared, a GET gives the same answer without a write. */
async function write(ctx: OperationContext, news: Inputs): Promise<OrganizationSettingsObject> {
  const body = await organizationSettingsBody(ctx, news);
  return Object.keys(body).length === 0
    ? ctx.client.organizationSettings.get()
    : ctx.client.organizationSettings.update(body);
}

/** @internal */
export const organizationSettingsDefinition: ResourceDefinition<Inputs, OrganizationSettingsObject> = {
  type: "OrganizationSettings",
  inputs,
  replaceOnChange: [],
  equals: { domainsEnrollmentModes: sameSet },
  id: () => ORGANIZATION_SETTINGS_ID,
  toInputs: (api) => ({
    ...wireInputs(api, FIELDS),
    // Clerk reads roles back by key: the same form the user writes, so diff compares like with like.
    creatorRole: api.creator_role,
    domainsDefaultRole: api.domains_default_role,
  }),
  toComputed: (api) => ({
    maxAllowedRoles: api.max_allowed_roles,
    maxAllowedDomains: api.max_allowed_domains,
    maxRoleSetsAllowed: api.max_role_sets_allowed,
    initialRoleSetKey: api.initial_role_set_key,
  }),
  // A singleton: create adopts it and PATCHes only the declared fields.
  create: (ctx, news) => write(ctx, news),
  read: ({ client }) => client.organizationSettings.get(),
  update: (ctx, _id, news) => write(ctx, news),
  // Forget only: there is nothing to delete, and no reset nobody asked for.
  delete: async () => {},
  export: {
    title: "Organization settings",
    singleton: true,
    list: async ({ client }) => [await client.organizationSettings.get()],
    key: () => "organization-settings",
  },
};

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
  /** @internal */
  static override readonly definition = organizationSettingsDefinition;
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
    const outputs = [
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
    ];
    super("OrganizationSettings", name, args, opts, outputs);
  }
}
