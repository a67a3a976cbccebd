import { z } from "zod";
import type { BillingFeatureArgs } from "../resources/billing-feature";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { entriesOf } from "./billing-plan";
import { flag, httpsUrl, slug } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<BillingFeatureArgs, typeof inputs>>;

const inputs = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(256).optional(),
  description: z.string().max(4096).optional(),
  includeInJwt: flag,
  jwtValue: z.string().max(256).optional(),
  publiclyVisible: flag,
  avatarUrl: httpsUrl,
});

const MAP = "billing.features";

/** @internal */
export const billingFeatureDefinition = configResource({
  type: "BillingFeature",
  inputs,
  section: {
    nameInput: "slug",
    path: (s) => `${MAP}.${s}`,
    nameOf: (path) => (path.startsWith(`${MAP}.`) ? path.slice(MAP.length + 1) : undefined),
  },
  fields: {
    name: "name",
    description: "description",
    includeInJwt: "include_in_jwt",
    jwtValue: "jwt_value",
    publiclyVisible: "publicly_visible",
    avatarUrl: "avatar_url",
  },
  onDelete: "delete",
  title: "Billing features",
  entries: (doc) => entriesOf(doc, "features"),
});
