import { z } from "zod";

/** A temporary link that signs its holder into the instance's Svix dashboard. */
export const SvixUrlSchema = z.object({ svix_url: z.string() });
export type SvixUrlObject = z.infer<typeof SvixUrlSchema>;
