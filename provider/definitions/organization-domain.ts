import { z } from "zod";
import type { ClerkClient } from "../../sdk";
import {
  ORGANIZATION_ENROLLMENT_MODES,
  type OrganizationDomainObject,
  type UpdateOrganizationDomainBody,
} from "../../sdk/schemas";
import type { OrganizationDomainArgs } from "../resources/organization-domain";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<OrganizationDomainArgs, typeof inputs>>;

/** Clerk has no GET by id for organization domains: reads share one listing per provider process. */
const COLLECTION = "organization_domains";

const FQDN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

const inputs = z.strictObject({
  organizationId: z
    .string()
    .trim()
    .regex(/^org_\w+$/, { message: "must be an organization id (org_…)" }),
  name: z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.toLowerCase())
    .refine((v) => FQDN.test(v), {
      message: "must be a domain name without scheme or path, e.g. example.com",
    }),
  enrollmentMode: z.enum(ORGANIZATION_ENROLLMENT_MODES).optional(),
  verified: z.boolean().optional(),
  ownershipVerified: z
    .boolean()
    .refine((v) => v, {
      message: "cannot be false: Clerk cannot undo an ownership verification; leave it out",
    })
    .optional(),
});

/** The affiliation verification: `affiliation_verification`, or its deprecated alias on older answers. */
const affiliationOf = (api: OrganizationDomainObject) => api.affiliation_verification ?? api.verification;

function updateBody(news: Inputs, olds: Partial<Inputs>): UpdateOrganizationDomainBody {
  const b: UpdateOrganizationDomainBody = {};
  if (news.enrollmentMode !== undefined && news.enrollmentMode !== olds.enrollmentMode)
    b.enrollment_mode = news.enrollmentMode;
  if (news.verified !== undefined && news.verified !== olds.verified) b.verified = news.verified;
  return b;
}

async function verifyOwnershipIfAsked(client: ClerkClient, api: OrganizationDomainObject, news: Inputs) {
  if (news.ownershipVerified !== true || api.ownership_verification?.status === "verified") return api;
  return client.organizationDomains.verifyOwnership(api.organization_id, api.id);
}

/** @internal */
export const organizationDomainDefinition: ResourceDefinition<Inputs, OrganizationDomainObject> = {
  type: "OrganizationDomain",
  inputs,
  replaceOnChange: ["organizationId", "name"],
  // A new name: the new domain is made first. The same name moved to another organization would exist
  // twice for a moment, and whether Clerk allows a name in two organizations is not known: the old one
  // goes first then.
  uniqueKey: ["name"],
  id: (api) => api.id,
  toInputs: (api) => ({
    organizationId: api.organization_id,
    name: api.name,
    enrollmentMode: api.enrollment_mode as Inputs["enrollmentMode"],
    verified: affiliationOf(api) ? affiliationOf(api)?.status === "verified" : undefined,
    ownershipVerified: api.ownership_verification?.status === "verified" ? true : undefined,
  }),
  toComputed: (api) => ({
    verificationStatus: affiliationOf(api)?.status ?? undefined,
    ownershipVerificationStatus: api.ownership_verification?.status ?? undefined,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client, lists }, news) =>
    lists.write(COLLECTION, async () => {
      const created = await client.organizationDomains.create(news.organizationId, {
        name: news.name,
        ...(news.enrollmentMode !== undefined ? { enrollment_mode: news.enrollmentMode } : {}),
        ...(news.verified !== undefined ? { verified: news.verified } : {}),
      });
      return verifyOwnershipIfAsked(client, created, news);
    }),
  // (organization, name) is unique. A fresh, filtered listing, not the shared one.
  findExisting: async ({ client }, news) =>
    onlyMatch(
      await client.organizationDomains.listAll({ organizationId: news.organizationId, name: news.name }),
      (d) => d.organization_id === news.organizationId && d.name === news.name,
    ),
  read: async ({ client, lists }, id) =>
    (await lists.get(COLLECTION, () => client.organizationDomains.listAll())).find((d) => d.id === id),
  update: ({ client, lists }, id, news, olds) =>
    lists.write(COLLECTION, async () => {
      const b = updateBody(news, olds);
      const api =
        Object.keys(b).length > 0
          ? await client.organizationDomains.update(news.organizationId, id, b)
          : // Nothing to PATCH (only ownership asked for): answer with the live object.
            (await client.organizationDomains.listAll({ organizationId: news.organizationId })).find(
              (d) => d.id === id,
            );
      if (api === undefined)
        throw new Error(`organization domain "${id}" is no longer in organization ${news.organizationId}`);
      return verifyOwnershipIfAsked(client, api, news);
    }),
  delete: async ({ client, lists }, id, olds) => {
    const organizationId = olds.organizationId;
    if (typeof organizationId !== "string")
      throw new Error(`organization domain "${id}": no organizationId in state`);
    await lists.write(COLLECTION, () => client.organizationDomains.delete(organizationId, id));
  },
  export: {
    title: "Organization domains",
    optIn: "organizations",
    list: ({ client }) => client.organizationDomains.listAll(),
    key: (api) => `${api.public_organization_data?.slug ?? api.organization_id}-${api.name}`,
  },
};
