import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

export const JwtTemplateSchema = z.object({
  object: z.literal("jwt_template"),
  id: z.string(),
  name: z.string(),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int(),
  allowed_clock_skew: z.number().int(),
  custom_signing_key: z.boolean(),
  signing_algorithm: z.string(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type JwtTemplateObject = z.infer<typeof JwtTemplateSchema>;

export const JwtTemplateListSchema = paginatedListSchema(JwtTemplateSchema);

// Create and update share one body, and the spec requires `name` and `claims` on PATCH too: an update
// is a full replace. No `additionalProperties: false` in the spec.
const jwtTemplateBodyShape = {
  name: z.string(),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int().min(30).max(315360000).nullable().optional(),
  allowed_clock_skew: z.number().int().min(0).max(300).nullable().optional(),
  custom_signing_key: z.boolean().optional(),
  signing_algorithm: z.string().nullable().optional(),
  /** Write-only secret: Clerk never returns it. */
  signing_key: z.string().nullable().optional(),
};

export const CreateJwtTemplateBodySchema = z.object(jwtTemplateBodyShape);
export type CreateJwtTemplateBody = z.infer<typeof CreateJwtTemplateBodySchema>;

export const UpdateJwtTemplateBodySchema = z.object(jwtTemplateBodyShape);
export type UpdateJwtTemplateBody = z.infer<typeof UpdateJwtTemplateBodySchema>;
