import { z } from "zod";
import type { OrganizationSettingsObject, UpdateOrganizationSettingsBody } from "../../sdk/schemas";
import { roleKey } from "../authz-keys";
import type { OrganizationSettingsArgs } from "../resources/organization-settings";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { declaredBody, type FieldTable, wireInputs } from "../runtime/singleton";

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
  // The same settings as the configuration document's `organization_settings` (OrganizationConfig):
  // check refuses a field declared through both doors.
  documentPaths: (news) =>
    Object.entries({ ...FIELDS, creatorRole: "creator_role", domainsDefaultRole: "domains_default_role" })
      .filter(([input]) => news[input as keyof Inputs] !== undefined)
      .map(([, wire]) => `organization_settings.${wire}`),
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
