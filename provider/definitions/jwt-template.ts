import { z } from "zod";
import type { JwtTemplateObject, UpdateJwtTemplateBody } from "../../sdk/schemas";
import { jsonObject, nonEmptyString } from "../inputs";
import { RESERVED_CLAIMS, reservedClaimsIn } from "../reserved-claims";
import type { JwtTemplateArgs } from "../resources/jwt-template";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<JwtTemplateArgs, typeof inputs>>;

const inputs = z
  .strictObject({
    name: nonEmptyString(256),
    claims: jsonObject,
    lifetime: z.number().int().min(30).max(315_360_000).optional(),
    allowedClockSkew: z.number().int().min(0).max(300).optional(),
    signingAlgorithm: nonEmptyString(32).optional(),
    signingKey: z.string().min(1).optional(),
  })
  .superRefine((v, ctx) => {
    // Clerk refuses a template declaring a claim it sets itself (docs/resources/jwt-template.md).
    for (const claim of typeof v.claims === "object" ? reservedClaimsIn(v.claims) : []) {
      ctx.addIssue({
        code: "custom",
        path: ["claims", claim],
        message:
          `is a claim Clerk sets itself in every token (reserved: ${RESERVED_CLAIMS.join(", ")}), and Clerk ` +
          "refuses a template that declares one; remove it (the token carries Clerk's own value)",
      });
    }
    if (v.signingKey !== undefined && v.signingAlgorithm === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["signingAlgorithm"],
        message: "is required when signingKey is set",
      });
    }
    // Without a key Clerk signs with the instance's own algorithm: a declared one would never apply.
    if (v.signingAlgorithm !== undefined && v.signingKey === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["signingKey"],
        message: "is required when signingAlgorithm is set",
      });
    }
  });

function body(news: Inputs, olds: Partial<Inputs>): UpdateJwtTemplateBody {
  // Clerk's PATCH replaces the whole template (name and claims are required), so inputs the user left
  // out are sent with their current values rather than reset.
  const lifetime = news.lifetime ?? olds.lifetime;
  const skew = news.allowedClockSkew ?? olds.allowedClockSkew;
  return {
    name: news.name,
    claims: news.claims,
    ...(lifetime !== undefined ? { lifetime } : {}),
    ...(skew !== undefined ? { allowed_clock_skew: skew } : {}),
    custom_signing_key: news.signingKey !== undefined,
    ...(news.signingKey !== undefined
      ? { signing_algorithm: news.signingAlgorithm, signing_key: news.signingKey }
      : {}),
  };
}

/** @internal */
export const jwtTemplateDefinition: ResourceDefinition<Inputs, JwtTemplateObject> = {
  type: "JwtTemplate",
  inputs,
  replaceOnChange: [],
  writeOnly: ["signingKey"],
  clearable: ["signingKey"],
  id: (api) => api.id,
  toInputs: (api) => ({
    name: api.name,
    claims: api.claims,
    lifetime: api.lifetime,
    allowedClockSkew: api.allowed_clock_skew,
    signingAlgorithm: api.signing_algorithm,
  }),
  toComputed: (api) => ({
    customSigningKey: api.custom_signing_key,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client }, news) => client.jwtTemplates.create(body(news, {})),
  // Clerk keeps template names unique.
  findExisting: async ({ client }, news) =>
    onlyMatch(await client.jwtTemplates.list(), (t) => t.name === news.name),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.jwtTemplates.get(id)),
  update: ({ client }, id, news, olds) => client.jwtTemplates.update(id, body(news, olds)),
  delete: async ({ client }, id) => {
    await client.jwtTemplates.delete(id);
  },
  export: {
    title: "JWT templates",
    list: ({ client }) => client.jwtTemplates.list(),
    key: (api) => api.name,
    args: (api, args, secret) => {
      const { signingAlgorithm, ...rest } = args;
      // Without the key in the program, the next update of this template would switch it back to
      // Clerk's key (the PATCH replaces the whole template): so it must be declared, from config.
      // Clerk's own key: the algorithm is Clerk's, not an argument worth pinning.
      return api.custom_signing_key
        ? { ...rest, signingAlgorithm, signingKey: secret("signingKey", "jwtSigningKey") }
        : rest;
    },
    // Either the key comes from config, or the template signs with Clerk's key: nothing is lost.
    unexported: () => [],
  },
};
