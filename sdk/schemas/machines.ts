import { z } from "zod";
import { paginatedListSchema, TimestampSchema } from "./common";

/** A machine as listed in another machine's `scoped_machines` (Clerk nests it without its own scopes). */
export const MachineSummarySchema = z.object({
  object: z.literal("machine"),
  id: z.string(),
  name: z.string(),
  instance_id: z.string(),
  /** Not among the spec's required fields (its default is 3600). */
  default_token_ttl: z.number().int().optional(),
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
});
export type MachineSummaryObject = z.infer<typeof MachineSummarySchema>;

export const MachineSchema = MachineSummarySchema.extend({
  /** The machines this one may call (its scopes). */
  scoped_machines: z.array(MachineSummarySchema),
});
export type MachineObject = z.infer<typeof MachineSchema>;

/** Only the create answer carries `secret_key`; afterwards `GET /machines/{id}/secret_key` does. */
export const MachineCreatedSchema = MachineSchema.extend({ secret_key: z.string() });
export type MachineCreatedObject = z.infer<typeof MachineCreatedSchema>;

export const MachineListSchema = paginatedListSchema(MachineSchema);

export const MachineSecretKeySchema = z.object({
  object: z.literal("machine_secret_key"),
  secret: z.string(),
});
export type MachineSecretKeyObject = z.infer<typeof MachineSecretKeySchema>;

export const MachineScopeSchema = z.object({
  object: z.literal("machine_scope"),
  from_machine_id: z.string(),
  to_machine_id: z.string(),
  created_at: TimestampSchema.optional(),
  deleted: z.boolean().optional(),
});
export type MachineScopeObject = z.infer<typeof MachineScopeSchema>;

// Create and PATCH have no `additionalProperties: false` in the spec.
export const CreateMachineBodySchema = z.object({
  name: z.string().min(1).max(255),
  scoped_machines: z.array(z.string()).max(150).optional(),
  default_token_ttl: z.number().int().min(1).max(315_360_000).optional(),
});
export type CreateMachineBody = z.infer<typeof CreateMachineBodySchema>;

export const UpdateMachineBodySchema = z.object({
  name: z.string().min(1).max(255).optional(),
  default_token_ttl: z.number().int().min(1).max(315_360_000).optional(),
});
export type UpdateMachineBody = z.infer<typeof UpdateMachineBodySchema>;
