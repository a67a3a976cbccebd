import { z } from "zod";
import { reservedClaimMessage, reservedClaimsIn } from "../../provider/reserved-claims";
import { combine, identifierExists, notFound, paramMissing, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import type { Route } from "../router";
import type { JwtTemplateRecord } from "../types";
import { parseBody } from "../validate";
import { arrayOrPagedList, deleted, mustFind, ok } from "./common";

// Create and PATCH share one body, and both require name + claims (PATCH is a full replace of those).
const Body = z.object({
  name: z.string().min(1),
  claims: z.record(z.string(), z.unknown()),
  lifetime: z.number().int().min(30).max(315360000).nullable().optional(),
  allowed_clock_skew: z.number().int().min(0).max(300).nullable().optional(),
  custom_signing_key: z.boolean().optional(),
  signing_algorithm: z.string().nullable().optional(),
  signing_key: z.string().nullable().optional(),
});

const DEFAULTS = { lifetime: 60, allowed_clock_skew: 5, signing_algorithm: "RS256" };
const ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512", "EdDSA"];

/** Renders without `signing_key`, which Clerk never returns. */
const render = (r: JwtTemplateRecord) => ({
  object: "jwt_template",
  id: r.id,
  name: r.name,
  claims: r.claims,
  lifetime: r.lifetime,
  allowed_clock_skew: r.allowed_clock_skew,
  custom_signing_key: r.custom_signing_key,
  signing_algorithm: r.signing_algorithm,
  created_at: r.created_at,
  updated_at: r.updated_at,
});

function resolve(input: z.output<typeof Body>, prev: JwtTemplateRecord | undefined) {
  // Clerk refuses a template declaring a claim it sets itself, naming the claim (docs/resources/jwt-template.md).
  const reserved = reservedClaimsIn(input.claims);
  if (reserved.length > 0) {
    throw combine(reserved.map((claim) => paramValueInvalid("claims", reservedClaimMessage(claim))));
  }
  const custom = input.custom_signing_key ?? prev?.custom_signing_key ?? false;
  // A custom key carries its own algorithm and key over PATCHes; leaving custom mode reverts to Clerk's key.
  const keepCustom = custom && prev?.custom_signing_key === true;
  const algorithm =
    input.signing_algorithm ??
    (custom ? (keepCustom ? prev?.signing_algorithm : undefined) : DEFAULTS.signing_algorithm);
  const key = input.signing_key ?? (keepCustom ? prev?.signing_key : null) ?? null;
  if (custom) {
    const missing = [];
    if (!algorithm) missing.push(paramMissing("signing_algorithm"));
    if (!key) missing.push(paramMissing("signing_key"));
    if (missing.length > 0) throw combine(missing);
  }
  if (algorithm && !ALGORITHMS.includes(algorithm)) {
    throw paramValueInvalid(
      "signing_algorithm",
      `signing_algorithm must be one of ${ALGORITHMS.join(", ")}.`,
    );
  }
  return {
    name: input.name,
    claims: input.claims,
    lifetime: input.lifetime ?? prev?.lifetime ?? DEFAULTS.lifetime,
    allowed_clock_skew: input.allowed_clock_skew ?? prev?.allowed_clock_skew ?? DEFAULTS.allowed_clock_skew,
    custom_signing_key: custom,
    signing_algorithm: algorithm ?? DEFAULTS.signing_algorithm,
    signing_key: custom ? key : null,
  };
}

export const jwtTemplateRoutes: Route[] = [
  {
    method: "GET",
    path: "/jwt_templates",
    handler: ({ store, query }) => arrayOrPagedList(store.jwtTemplates.list(), query, render),
  },
  {
    method: "POST",
    path: "/jwt_templates",
    handler: ({ store, body }) => {
      const fields = resolve(parseBody(Body, body), undefined);
      if (store.jwtTemplates.find((t) => t.name === fields.name)) throw identifierExists("name");
      const now = Date.now();
      return ok(
        render(
          store.jwtTemplates.insert({
            id: newId(ID_PREFIX.jwtTemplate),
            ...fields,
            created_at: now,
            updated_at: now,
          }),
        ),
      );
    },
  },
  {
    method: "GET",
    path: "/jwt_templates/{template_id}",
    handler: ({ store, params }) =>
      ok(render(mustFind(store.jwtTemplates.get(params.template_id as string), "JWT template"))),
  },
  {
    method: "PATCH",
    path: "/jwt_templates/{template_id}",
    handler: ({ store, params, body }) => {
      const id = params.template_id as string;
      const prev = mustFind(store.jwtTemplates.get(id), "JWT template");
      const input = parseBody(Body, body);
      const fields = resolve(input, prev);
      if (store.jwtTemplates.find((t) => t.name === fields.name && t.id !== id))
        throw identifierExists("name");
      return ok(
        render(store.jwtTemplates.update(id, { ...fields, updated_at: Date.now() }) as JwtTemplateRecord),
      );
    },
  },
  {
    method: "DELETE",
    path: "/jwt_templates/{template_id}",
    handler: ({ store, params }) => {
      const id = params.template_id as string;
      if (!store.jwtTemplates.delete(id)) throw notFound("JWT template");
      return deleted("jwt_template", id);
    },
  },
];
