import { z } from "zod";
import { jsonObject } from "../inputs";
import type { SessionTokenArgs } from "../resources/session-token";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { int } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SessionTokenArgs, typeof inputs>>;

/** Claims Clerk sets in every session token itself; a template may not declare them. */
export const RESERVED_SESSION_CLAIMS = ["azp", "exp", "iat", "iss", "jti", "nbf", "sub"] as const;

const inputs = z.strictObject({
  claims: jsonObject
    .superRefine((claims, ctx) => {
      for (const claim of RESERVED_SESSION_CLAIMS) {
        if (claim in claims) {
          ctx.addIssue({
            code: "custom",
            path: [claim],
            message: `"${claim}" is a claim Clerk sets itself (reserved: ${RESERVED_SESSION_CLAIMS.join(", ")})`,
          });
        }
      }
    })
    .optional(),
  lifetime: int(30, 315_360_000),
  allowedClockSkew: int(0, 300),
});

/** @internal */
export const sessionTokenDefinition = configResource({
  type: "SessionToken",
  inputs,
  section: { key: "session" },
  fields: { claims: "claims", lifetime: "lifetime", allowedClockSkew: "allowed_clock_skew" },
  onDelete: "forget",
  title: "Session token",
});
