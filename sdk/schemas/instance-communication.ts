import { z } from "zod";

export const InstanceCommunicationSchema = z.object({
  object: z.literal("instance_communication"),
  blocked_country_codes: z.array(z.string()),
});
export type InstanceCommunicationObject = z.infer<typeof InstanceCommunicationSchema>;

export const UpdateInstanceCommunicationBodySchema = z.strictObject({
  /**
   * Whole-list replacement; omitting it is a no-op. Clerk silently drops codes it does not treat as
   * SMS-tier countries, so the list read back can be shorter than the one sent.
   */
  blocked_country_codes: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .refine((codes) => new Set(codes).size === codes.length, { message: "country codes must be unique" })
    .nullable()
    .optional(),
});
export type UpdateInstanceCommunicationBody = z.infer<typeof UpdateInstanceCommunicationBodySchema>;
