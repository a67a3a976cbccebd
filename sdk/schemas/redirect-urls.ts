import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

export const RedirectUrlSchema = z.object({
  object: z.literal("redirect_url"),
  id: z.string(),
  url: z.string(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type RedirectUrlObject = z.infer<typeof RedirectUrlSchema>;

export const RedirectUrlListSchema = paginatedListSchema(RedirectUrlSchema);

// No `additionalProperties: false` in the spec: unknown keys are allowed (and ignored by Clerk).
export const CreateRedirectUrlBodySchema = z.object({
  url: z.string(),
});
export type CreateRedirectUrlBody = z.infer<typeof CreateRedirectUrlBodySchema>;
