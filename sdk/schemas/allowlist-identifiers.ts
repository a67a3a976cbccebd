import { z } from "zod";
import { openEnum, paginatedListSchema, TimestampSchema } from "./common";

const IdentifierTypeSchema = openEnum(["email_address", "phone_number", "web3_wallet"]);

// The spec lists no required fields for this object (see docs/architecture.md, "Clerk's spec, where it is wrong"); `id` and `identifier` are
// required here because an identifier without them is useless to a caller.
export const AllowlistIdentifierSchema = z.object({
  object: z.literal("allowlist_identifier").optional(),
  id: z.string(),
  invitation_id: z.string().nullish(),
  identifier: z.string(),
  identifier_type: IdentifierTypeSchema.optional(),
  instance_id: z.string().nullish(),
  created_at: TimestampSchema.optional(),
  updated_at: TimestampSchema.optional(),
});
export type AllowlistIdentifierObject = z.infer<typeof AllowlistIdentifierSchema>;

export const AllowlistIdentifierListSchema = paginatedListSchema(AllowlistIdentifierSchema);

export const CreateAllowlistIdentifierBodySchema = z.strictObject({
  identifier: z.string(),
  notify: z.boolean().optional(),
});
export type CreateAllowlistIdentifierBody = z.infer<typeof CreateAllowlistIdentifierBodySchema>;
