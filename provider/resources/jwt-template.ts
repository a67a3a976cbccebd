import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { JwtTemplateObject, UpdateJwtTemplateBody } from "../../sdk/schemas";
import { jsonObject, nonEmptyString } from "../inputs";
import { ClerkResource, type InstanceArgs } from "../resource-base";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

export interface JwtTemplateArgs extends InstanceArgs {
  /** Template name; what `getToken({ template })` uses. Updated in place. */
  name: pulumi.Input<string>;
  /** The claims of tokens made from this template (a JSON object; Clerk shortcodes such as `{{user.id}}` allowed). */
  claims: pulumi.Input<Record<string, unknown>>;
  /** Token lifetime in seconds, 30 to 315360000. Clerk's default when left out. */
  lifetime?: pulumi.Input<number>;
  /** Allowed clock skew in seconds, 0 to 300. Clerk's default when left out. */
  allowedClockSkew?: pulumi.Input<number>;
  /** Signing algorithm of the custom signing key (e.g. `RS256`, `HS256`); set together with `signingKey`. */
  signingAlgorithm?: pulumi.Input<string>;
  /** A custom signing private key. Kept as a secret in state; Clerk never returns it, so refresh cannot see it change. Removing it switches back to Clerk's key. */
  signingKey?: pulumi.Input<string>;
  /** Adopt an existing JWT template with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

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

/**
 * A JWT template: the claims, lifetime and signing of session tokens minted for an integration
 * (Supabase, Hasura, your own API).
 *
 * Every argument updates in place. `signingKey` is write-only at Clerk: it is kept encrypted in state,
 * and refresh cannot tell whether someone changed it in the dashboard.
 */
export class JwtTemplate extends ClerkResource {
  /** @internal */
  static override readonly definition = jwtTemplateDefinition;
  declare readonly name: pulumi.Output<string>;
  declare readonly claims: pulumi.Output<Record<string, unknown>>;
  declare readonly lifetime: pulumi.Output<number>;
  declare readonly allowedClockSkew: pulumi.Output<number>;
  declare readonly signingAlgorithm: pulumi.Output<string>;
  declare readonly signingKey: pulumi.Output<string | undefined>;
  /** True when the template signs with `signingKey` rather than the instance's key. */
  declare readonly customSigningKey: pulumi.Output<boolean>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: JwtTemplateArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "lifetime",
      "allowedClockSkew",
      "signingAlgorithm",
      "customSigningKey",
      "createdAt",
      "updatedAt",
    ];
    super("JwtTemplate", name, args, opts, outputs, ["signingKey"]);
  }
}
