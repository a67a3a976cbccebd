import { z } from "zod";

/**
 * One public key of the instance's JSON Web Key Set (`GET /jwks`). Clerk's own client reads `use`,
 * `kty`, `kid`, `alg`, `n`, `e` (RSA); the spec also allows EC and OKP keys, so every member but `kid`
 * and `kty` is optional and unknown members are kept: the set is handed on as Clerk sent it.
 */
export const JwksKeySchema = z.looseObject({
  kid: z.string(),
  kty: z.string(),
  alg: z.string().optional(),
  use: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
});
export type JwksKey = z.infer<typeof JwksKeySchema>;

/** The instance's JSON Web Key Set: the public keys that verify its session tokens. */
export const JwksSchema = z.looseObject({ keys: z.array(JwksKeySchema).default([]) });
export type JwksObject = z.infer<typeof JwksSchema>;
