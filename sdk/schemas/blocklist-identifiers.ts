import { z } from "zod";
import { openEnum, paginatedListSchema, TimestampSchema } from "./common";

// The spec lists no required fields for this object; see allowlist-identifiers.ts.
export const BlocklistIdentifierSchema = z.object({
  object: z.literal("blocklist_identifier").optional(),
  id: z.string(),
  identifier: z.string(),
  identifier_type: openEnum(["email_address", "phone_number", "web3_wallet"]).optional(),
  instance_id: z.string().nullish(),
  created_at: TimestampSchema.optional(),
  updated_at: TimestampSchema.optional(),
});
export type BlocklistIdentifierObject = z.infer<typeof BlocklistIdentifierSchema>;

export const BlocklistIdentifierListSchema = paginatedListSchema(BlocklistIdentifierSchema);

export const CreateBlocklistIdentifierBodySchema = z.strictObject({
  identifier: z.string(),
});
export type CreateBlocklistIdentifierBody = z.infer<typeof CreateBlocklistIdentifierBodySchema>;
