import { z } from "zod";
import { jsonObject } from "../inputs";
import { RESERVED_CLAIMS, reservedClaimsIn } from "../reserved-claims";
import type { SessionTokenArgs } from "../resources/session-token";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { int } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SessionTokenArgs, typeof inputs>>;

const inputs = z.strictObject({
  claims: jsonObject
    .superRefine((claims, ctx) => {
      for (const claim of reservedClaimsIn(claims)) {
        ctx.addIssue({
          code: "custom",
          path: [claim],
          message: `"${claim}" is a claim Clerk sets itself (reserved: ${RESERVED_CLAIMS.join(", ")})`,
        });
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
