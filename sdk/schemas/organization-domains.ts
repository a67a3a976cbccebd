import { z } from "zod";
import { openEnum, paginatedListSchema, TimestampSchema } from "./common";

export const ORGANIZATION_ENROLLMENT_MODES = [
  "manual_invitation",
  "automatic_invitation",
  "automatic_suggestion",
  "enterprise_sso",
] as const;

// The spec names the expiry `expire_at`, @clerk/backend's types `expires_at`: neither is required here.
export const OrganizationDomainVerificationSchema = z.object({
  status: openEnum(["unverified", "verified", "failed", "expired"]),
  strategy: z.string().nullish(),
  attempts: z.number().int().nullish(),
  expire_at: z.number().int().nullish(),
  verified_at: z.number().int().nullish(),
});
export type OrganizationDomainVerification = z.infer<typeof OrganizationDomainVerificationSchema>;

// `verification` is the deprecated alias of `affiliation_verification` (the only one @clerk/backend
// reads); both are optional here so that either one alone parses.
export const OrganizationDomainSchema = z.object({
  object: z.literal("organization_domain"),
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  enrollment_mode: openEnum(ORGANIZATION_ENROLLMENT_MODES),
  affiliation_email_address: z.string().nullish(),
  affiliation_verification: OrganizationDomainVerificationSchema.nullish(),
  ownership_verification: OrganizationDomainVerificationSchema.nullish(),
  verification: OrganizationDomainVerificationSchema.nullish(),
  total_pending_invitations: z.number().int().nullish(),
  total_pending_suggestions: z.number().int().nullish(),
  public_organization_data: z.object({ id: z.string(), slug: z.string().nullish() }).nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type OrganizationDomainObject = z.infer<typeof OrganizationDomainSchema>;

export const OrganizationDomainListSchema = paginatedListSchema(OrganizationDomainSchema);

export const CreateOrganizationDomainBodySchema = z.strictObject({
  name: z.string(),
  enrollment_mode: z.string().optional(),
  verified: z.boolean().nullable().optional(),
});
export type CreateOrganizationDomainBody = z.infer<typeof CreateOrganizationDomainBodySchema>;

export const UpdateOrganizationDomainBodySchema = z.object({
  enrollment_mode: z.string().nullable().optional(),
  verified: z.boolean().nullable().optional(),
});
export type UpdateOrganizationDomainBody = z.infer<typeof UpdateOrganizationDomainBodySchema>;
