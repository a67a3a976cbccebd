import { z } from "zod";
import { paginatedListSchema } from "./common";

export const CNameTargetSchema = z.object({
  host: z.string(),
  value: z.string(),
  required: z.boolean(),
});
export type CNameTarget = z.infer<typeof CNameTargetSchema>;

export const DomainSchema = z.object({
  object: z.literal("domain"),
  id: z.string(),
  name: z.string(),
  is_satellite: z.boolean(),
  frontend_api_url: z.string(),
  /** Null for satellite domains. */
  accounts_portal_url: z.string().nullish(),
  proxy_url: z.string().nullish(),
  development_origin: z.string(),
  cname_targets: z.array(CNameTargetSchema).nullish(),
});
export type DomainObject = z.infer<typeof DomainSchema>;

export const DomainListSchema = paginatedListSchema(DomainSchema);

// Only satellite domains can be created (`is_satellite` accepts only `true`). No
// `additionalProperties: false` in the spec.
export const CreateDomainBodySchema = z.object({
  name: z.string(),
  is_satellite: z.literal(true),
  proxy_url: z.string().nullable().optional(),
});
export type CreateDomainBody = z.infer<typeof CreateDomainBodySchema>;

export const UpdateDomainBodySchema = z.strictObject({
  name: z.string().nullable().optional(),
  /** Production only; null switches back to DNS. */
  proxy_url: z.string().nullable().optional(),
  /** Write-only: not part of the returned Domain. */
  is_secondary: z.boolean().nullable().optional(),
});
export type UpdateDomainBody = z.infer<typeof UpdateDomainBodySchema>;
