import { z } from "zod";
import { isNotFound } from "../../sdk/errors";
import {
  type IdpCertificate,
  type SamlConnectionObject,
  SamlProviderSchema,
  type UpdateSamlConnectionBody,
} from "../../sdk/schemas";
import { singularCertificate } from "../certificates";
import { hasControlCharacter, noControlCharacters, nonEmptyString } from "../inputs";
import {
  type AttributeMapping,
  type LoginHint,
  SAML_CONNECTION_FLAGS,
  type SamlConnectionArgs,
} from "../resources/saml-connection";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { changedInputs } from "../runtime/diff";
import { sameSet } from "../runtime/equality";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

// Validators and helpers shared with enterprise-connection.ts (its `saml` block has the same fields).

/** @internal */
export const attributeMapping = z.strictObject({
  userId: nonEmptyString().optional(),
  emailAddress: nonEmptyString().optional(),
  firstName: nonEmptyString().optional(),
  lastName: nonEmptyString().optional(),
});

/** @internal */
export function attributeMappingBody(m: AttributeMapping) {
  return {
    ...(m.userId !== undefined ? { user_id: m.userId } : {}),
    ...(m.emailAddress !== undefined ? { email_address: m.emailAddress } : {}),
    ...(m.firstName !== undefined ? { first_name: m.firstName } : {}),
    ...(m.lastName !== undefined ? { last_name: m.lastName } : {}),
  };
}

/** @internal */
export const loginHint = z
  .strictObject({
    mode: z.enum(["email_address", "custom_attribute", "off"]),
    source: nonEmptyString().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "custom_attribute" && v.source === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: 'is required when mode is "custom_attribute"',
      });
  });

/** Certificates differ only by line breaks and spaces depending on who pasted them. */
const pemKey = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v);

/** The certificates Clerk trusts, in any order, each compared ignoring whitespace. @internal */
export function sameCertificates(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  const norm = (l: unknown[]) => [...new Set(l.map(pemKey))].sort();
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** A list of PEM certificates, none twice. @internal */
export const pemCertificates = z
  .array(z.string().trim().min(1))
  .min(1)
  .refine((l) => new Set(l.map(pemKey)).size === l.length, { message: "must not list a certificate twice" });

/** The validity of each trusted certificate as Clerk read it (Unix ms), in Clerk's order. @internal */
export function certificatesValidity(list: IdpCertificate[] | null | undefined) {
  return list?.map((c) => ({
    ...(c.issued_at != null ? { issuedAt: c.issued_at } : {}),
    ...(c.expires_at != null ? { expiresAt: c.expires_at } : {}),
  }));
}

/** The certificates Clerk trusts (the singular field when an older answer has no list); undefined for none. @internal */
export function certificatesOf(api: {
  idp_certificate?: string | null;
  idp_certificates?: IdpCertificate[] | null;
}): string[] | undefined {
  const list =
    api.idp_certificates?.map((c) => c.certificate) ?? (api.idp_certificate ? [api.idp_certificate] : []);
  return list.length > 0 ? list : undefined;
}

/** @internal */
export const httpUrl = z
  .string()
  .trim()
  .min(1)
  .superRefine(noControlCharacters)
  .refine(
    (v) => {
      if (hasControlCharacter(v)) return true; // reported once, by the check above
      try {
        return ["https:", "http:"].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: "must be a full http(s) URL, e.g. https://idp.example.com/sso" },
  );

const FQDN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Email domains of an SSO connection: at least one, lowercased as Clerk stores them. @internal */
export const ssoDomains = z
  .array(
    z
      .string()
      .trim()
      .transform((v) => v.toLowerCase())
      .refine((v) => FQDN.test(v), { message: "must be a domain name such as example.com" }),
  )
  .min(1);

/**
 * Apply what Clerk only accepts after creation; if that fails, delete the new object so that no
 * connection exists in Clerk without being in the stack, and say so.
 * @internal
 */
export async function withRollback<T>(
  label: string,
  id: string,
  fields: string[],
  ops: { patch: () => Promise<T>; remove: () => Promise<unknown> },
): Promise<T> {
  try {
    return await ops.patch();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const what = `the ${label} "${id}" was created, but setting ${fields.join(", ")} on it failed`;
    try {
      await ops.remove();
    } catch (e2) {
      // Already gone is as good as deleted.
      if (isNotFound(e2))
        throw new Error(`${what}, and it no longer exists (nothing to roll back). Cause: ${why}`, {
          cause: e,
        });
      const why2 = e2 instanceof Error ? e2.message : String(e2);
      throw new Error(
        `${what}, and deleting it again failed too (${why2}): it is left in Clerk outside the stack; ` +
          `delete it by hand or adopt it with importId "${id}". Cause: ${why}`,
        { cause: e },
      );
    }
    throw new Error(`${what}, so it was deleted again (rolled back). Cause: ${why}`, { cause: e });
  }
}

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SamlConnectionArgs, typeof inputs>>;

const inputs = z
  .strictObject({
    name: nonEmptyString(256),
    domains: ssoDomains,
    provider: SamlProviderSchema,
    idpEntityId: nonEmptyString(2048).optional(),
    idpSsoUrl: httpUrl.optional(),
    idpCertificate: z.string().trim().min(1).optional(),
    idpCertificates: pemCertificates.optional(),
    idpMetadataUrl: httpUrl.optional(),
    idpMetadata: z.string().trim().min(1).optional(),
    organizationId: nonEmptyString(64).optional(),
    attributeMapping: attributeMapping.optional(),
    forceAuthn: z.boolean().optional(),
    loginHint: loginHint.optional(),
    active: z.boolean().optional(),
    syncUserAttributes: z.boolean().optional(),
    allowSubdomains: z.boolean().optional(),
    allowIdpInitiated: z.boolean().optional(),
    disableAdditionalIdentifications: z.boolean().optional(),
    allowOrganizationAccountLinking: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.idpCertificate !== undefined && v.idpCertificates !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["idpCertificates"],
        message: "cannot be set together with idpCertificate (deprecated): list every certificate here",
      });
  })
  .transform(singularCertificate);

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The PATCH body for the given inputs (every key except `provider`, which Clerk cannot change). */
function patchBody(v: Partial<Inputs>): UpdateSamlConnectionBody {
  const b: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined || key === "provider") continue;
    if (key === "attributeMapping") b.attribute_mapping = attributeMappingBody(value as AttributeMapping);
    else b[snake(key)] = value;
  }
  return b as UpdateSamlConnectionBody;
}

async function create({ client }: OperationContext, news: Inputs): Promise<SamlConnectionObject> {
  const { provider, name, domains, ...rest } = news;
  const createFields = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !(SAML_CONNECTION_FLAGS as readonly string[]).includes(k)),
  );
  const flags = Object.fromEntries(
    SAML_CONNECTION_FLAGS.filter((k) => news[k] !== undefined).map((k) => [k, news[k]]),
  );
  const created = await client.samlConnections.create({
    name,
    domains,
    provider,
    ...(patchBody(createFields) as object),
  });
  if (Object.keys(flags).length === 0) return created;
  return withRollback("SAML connection", created.id, Object.keys(flags), {
    patch: () => client.samlConnections.update(created.id, patchBody(flags)),
    remove: () => client.samlConnections.delete(created.id),
  });
}

/** @internal */
export const samlConnectionDefinition: ResourceDefinition<Inputs, SamlConnectionObject> = {
  type: "SamlConnection",
  inputs,
  replaceOnChange: ["provider"],
  // Clerk refuses two connections claiming the same domain: the old one must go first.
  deleteBeforeReplace: true,
  partialObjects: ["attributeMapping"],
  equals: {
    domains: sameSet,
    idpCertificates: sameCertificates,
    // Only the declared attribute names count; Clerk fills the others.
    attributeMapping: (live, want) =>
      Object.entries((want ?? {}) as Record<string, string>).every(
        ([k, v]) => (live as Record<string, string> | undefined)?.[k] === v,
      ),
  },
  id: (api) => api.id,
  toInputs: (api) => ({
    name: api.name,
    domains: api.domains ?? (api.domain ? [api.domain] : []),
    provider: api.provider as Inputs["provider"],
    idpEntityId: api.idp_entity_id ?? undefined,
    idpSsoUrl: api.idp_sso_url ?? undefined,
    idpCertificates: certificatesOf(api),
    idpMetadataUrl: api.idp_metadata_url ?? undefined,
    idpMetadata: api.idp_metadata ?? undefined,
    organizationId: api.organization_id ?? undefined,
    attributeMapping: api.attribute_mapping && {
      userId: api.attribute_mapping.user_id,
      emailAddress: api.attribute_mapping.email_address,
      firstName: api.attribute_mapping.first_name,
      lastName: api.attribute_mapping.last_name,
    },
    forceAuthn: api.force_authn,
    loginHint: api.login_hint
      ? {
          mode: api.login_hint.mode as LoginHint["mode"],
          ...(api.login_hint.source ? { source: api.login_hint.source } : {}),
        }
      : undefined,
    active: api.active,
    syncUserAttributes: api.sync_user_attributes,
    allowSubdomains: api.allow_subdomains,
    allowIdpInitiated: api.allow_idp_initiated,
    disableAdditionalIdentifications: api.disable_additional_identifications,
    allowOrganizationAccountLinking: api.allow_organization_account_linking,
  }),
  toComputed: (api) => ({
    acsUrl: api.acs_url,
    spEntityId: api.sp_entity_id,
    spMetadataUrl: api.sp_metadata_url,
    userCount: api.user_count,
    idpCertificateIssuedAt: api.idp_certificate_issued_at ?? undefined,
    idpCertificateExpiresAt: api.idp_certificate_expires_at ?? undefined,
    idpCertificatesValidity: certificatesValidity(api.idp_certificates),
    enterpriseConnectionId: api.enterprise_connection_id ?? undefined,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create,
  // Clerk gives a domain to one connection only, so name, provider and domains identify it.
  findExisting: async ({ client }, news) =>
    onlyMatch(
      await client.samlConnections.list(),
      (c) =>
        c.name === news.name &&
        c.provider === news.provider &&
        sameSet(c.domains ?? (c.domain ? [c.domain] : []), news.domains),
    ),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.samlConnections.get(id)),
  update: async ({ client }, id, news, olds) => {
    // Only what changed: re-sending unchanged domains or flags can trip Clerk's checks for nothing.
    const changed = changedInputs(samlConnectionDefinition, olds, news) as (keyof Inputs)[];
    const body = patchBody(Object.fromEntries(changed.map((k) => [k, news[k]])) as Partial<Inputs>);
    return Object.keys(body).length > 0
      ? client.samlConnections.update(id, body)
      : client.samlConnections.get(id);
  },
  delete: async ({ client }, id) => {
    await client.samlConnections.delete(id);
  },
  export: {
    title: "SAML connections",
    list: ({ client }) => client.samlConnections.list(),
    key: (api) => api.name,
    args: (_api, args) => {
      // Clerk answers "" for attributes it maps by default; the argument wants only real names.
      const out = { ...args };
      const mapping = Object.fromEntries(
        Object.entries((out.attributeMapping ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ""),
      );
      if (Object.keys(mapping).length > 0) out.attributeMapping = mapping;
      else delete out.attributeMapping;
      return out;
    },
    note: () => "Deprecated at Clerk: consider moving to EnterpriseConnection.",
  },
};
