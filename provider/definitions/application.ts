import { z } from "zod";
import type { PlatformApplicationObject } from "../../sdk/platform";
import { nonEmptyString } from "../inputs";
import type { ApplicationArgs } from "../resources/application";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { orUndefined } from "../runtime/not-found";
import { platformClient } from "../runtime/platform-client";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<ApplicationArgs, typeof inputs>>;

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const inputs = z
  .strictObject({
    name: nonEmptyString(256),
    environmentTypes: z
      .array(z.enum(["development", "production"]), { message: "must list development and/or production" })
      .min(1)
      .refine((v) => new Set(v).size === v.length, { message: "must not name an environment twice" })
      .default(["development"]),
    template: z.enum(["b2b-saas", "b2c-saas", "waitlist"]).optional(),
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => HOSTNAME.test(v), {
        message: "must be a domain name such as example.com (no scheme, path, port or wildcard)",
      })
      .optional(),
    deletionProtection: z.boolean().default(true),
    rotateSecretKeys: z
      .union([z.number(), z.string()], { message: "must be a number or a string" })
      .optional(),
  })
  .refine((v) => !v.environmentTypes.includes("production") || v.domain !== undefined, {
    message: "a production instance needs a domain: set domain",
    path: ["domain"],
  });

type Api = PlatformApplicationObject;

const REPLACING = ["name", "environmentTypes", "template", "domain"] as const;

/** The Frontend API URL a publishable key names (`pk_<env>_` + base64 of `<host>$`). */
function frontendApiUrl(publishableKey: string | undefined): string | undefined {
  const b64 = publishableKey?.replace(/^pk_(test|live)_/, "");
  if (!b64) return undefined;
  const host = Buffer.from(b64, "base64").toString("utf8").replace(/\$$/, "");
  return host ? `https://${host}` : undefined;
}

const keyOf = (api: Api, env: string) => api.instances.find((i) => i.environment_type === env)?.secret_key;

function lossOf(olds: Partial<Inputs>): string {
  const envs = (olds.environmentTypes ?? ["development"]).join(" and ");
  return `it would delete Clerk application "${olds.name ?? "?"}" with its ${envs} instance(s), their users, organizations and settings, and nothing brings them back`;
}

const get = async (type: string, id: string) =>
  (await platformClient(type)).applications.get(id, { includeSecretKeys: true });

/** @internal */
export const applicationDefinition: ResourceDefinition<Inputs, Api> = {
  type: "Application",
  inputs: inputs as unknown as z.ZodType<Inputs>,
  replaceOnChange: [...REPLACING],
  writeOnly: ["template", "domain", "deletionProtection", "rotateSecretKeys"],
  equals: {
    environmentTypes: (a, b) =>
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x) => b.includes(x)),
  },
  refuseChange: (olds, news) => {
    if (news.deletionProtection === false) return undefined;
    const changed = REPLACING.filter(
      (k) => olds[k] !== undefined && JSON.stringify(olds[k]) !== JSON.stringify(news[k]),
    );
    if (changed.length === 0) return undefined;
    return `changing ${changed.join(", ")} replaces the application: ${lossOf(olds)}. Set deletionProtection: false in the same change if that is what you want.`;
  },
  id: (api) => api.application_id,
  toInputs: (api) => ({
    name: api.name,
    environmentTypes: api.instances.map((i) => i.environment_type as "development" | "production"),
  }),
  toComputed: (api) => ({
    applicationId: api.application_id,
    instances: api.instances.map((i) => ({
      instanceId: i.instance_id,
      environmentType: i.environment_type,
      publishableKey: i.publishable_key,
      frontendApiUrl: frontendApiUrl(i.publishable_key),
    })),
    ...(keyOf(api, "development") ? { developmentSecretKey: keyOf(api, "development") } : {}),
    ...(keyOf(api, "production") ? { productionSecretKey: keyOf(api, "production") } : {}),
  }),
  create: async ({ type }, news) => {
    const client = await platformClient(type);
    // Not repeated after an ambiguous failure, and no lookup by name (names are not unique): a lost
    // answer is reported as it is rather than adopting someone else's application.
    const made = await client.applications.create({
      name: news.name,
      environment_types: news.environmentTypes,
      ...(news.domain ? { domain: news.domain } : {}),
      ...(news.template ? { template: news.template } : {}),
    });
    // Clerk's own clients read the keys again rather than trusting the create answer's.
    return get(type, made.application_id);
  },
  read: ({ type }, id) => orUndefined(get(type, id)),
  update: async ({ type }, id, news, olds) => {
    if (news.rotateSecretKeys !== undefined && news.rotateSecretKeys !== olds.rotateSecretKeys) {
      await (await platformClient(type)).instances.rotateSecretKeys(id, undefined, {
        reason: "pulumi rotateSecretKeys",
      });
    }
    return get(type, id);
  },
  delete: async ({ type }, id, olds) => {
    if (olds.deletionProtection !== false) {
      throw new Error(
        `${type} ${id}: deletion protection is on: ${lossOf(olds)}. To delete it, set deletionProtection: false, run \`pulumi up\`, then destroy.`,
      );
    }
    await (await platformClient(type)).applications.delete(id);
  },
};
