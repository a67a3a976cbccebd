import { z } from "zod";
import { roleKey } from "../authz-keys";
import { jsonObject } from "../inputs";
import type { OrganizationConfigArgs } from "../resources/organization-config";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { sameSet } from "../runtime/equality";
import { flag, int } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationConfigArgs, typeof inputs>>;

const inputs = z.strictObject({
  enabled: flag,
  forceOrganizationSelection: flag,
  maxAllowedMemberships: int(0),
  domainsEnabled: flag,
  domainsEnrollmentModes: z
    .array(z.enum(["manual_invitation", "automatic_invitation", "automatic_suggestion"]))
    .refine((m) => new Set(m).size === m.length, { message: "must not list a mode twice" })
    .optional(),
  domainsDefaultRole: roleKey.optional(),
  slugDisabled: flag,
  organizationCreationDefaults: jsonObject.optional(),
});

/** @internal */
export const organizationConfigDefinition = configResource({
  type: "OrganizationConfig",
  inputs,
  section: { key: "organization_settings" },
  fields: {
    enabled: "enabled",
    forceOrganizationSelection: "force_organization_selection",
    maxAllowedMemberships: "max_allowed_memberships",
    domainsEnabled: "domains_enabled",
    domainsEnrollmentModes: "domains_enrollment_modes",
    domainsDefaultRole: "domains_default_role",
    slugDisabled: "slug_disabled",
    organizationCreationDefaults: "organization_creation_defaults",
  },
  equals: { domainsEnrollmentModes: sameSet },
  exportedElsewhere: {
    fields: [
      "enabled",
      "maxAllowedMemberships",
      "domainsEnabled",
      "domainsEnrollmentModes",
      "domainsDefaultRole",
      "slugDisabled",
    ],
    by: "OrganizationSettings",
  },
  onDelete: "forget",
  title: "Organization configuration",
});
