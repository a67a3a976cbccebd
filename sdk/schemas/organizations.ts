import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

/** Free-form metadata; Clerk may answer `null` for metadata it never stored. */
const MetadataSchema = z.record(z.string(), z.unknown()).nullable();

// `private_metadata` is optional in the spec although the Backend API returns it (@clerk/backend types
// it as optional too): a response without it must still parse.
export const OrganizationSchema = z.object({
  object: z.literal("organization"),
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  image_url: z.string().nullish(),
  has_image: z.boolean(),
  members_count: z.number().int().nullish(),
  pending_invitations_count: z.number().int().nullish(),
  max_allowed_memberships: z.number().int(),
  admin_delete_enabled: z.boolean(),
  public_metadata: MetadataSchema,
  private_metadata: MetadataSchema.optional(),
  created_by: z.string().nullish(),
  role_set_key: z.string().nullish(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type OrganizationObject = z.infer<typeof OrganizationSchema>;

export const OrganizationListSchema = paginatedListSchema(OrganizationSchema);

// No `additionalProperties: false` on create in the spec; PATCH has it, and as of API version 2026-05-12
// PATCH no longer takes metadata (written with PUT /organizations/{id}/metadata instead).
export const CreateOrganizationBodySchema = z.object({
  name: z.string(),
  slug: z.string().nullable().optional(),
  created_by: z.string().nullable().optional(),
  max_allowed_memberships: z.number().int().min(0).nullable().optional(),
  public_metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  private_metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBodySchema>;

export const UpdateOrganizationBodySchema = z.strictObject({
  name: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  max_allowed_memberships: z.number().int().min(0).nullable().optional(),
  admin_delete_enabled: z.boolean().nullable().optional(),
  role_set_key: z.string().nullable().optional(),
});
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBodySchema>;

/** PUT replaces each field it carries wholesale and leaves an absent one alone. */
export const OrganizationMetadataBodySchema = z.strictObject({
  public_metadata: z.record(z.string(), z.unknown()).optional(),
  private_metadata: z.record(z.string(), z.unknown()).optional(),
});
export type OrganizationMetadataBody = z.infer<typeof OrganizationMetadataBodySchema>;
