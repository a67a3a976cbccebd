import { z } from "zod";
import type { BillingPlanArgs } from "../resources/billing-plan";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { sameSet } from "../runtime/equality";
import { flag, int, slug } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<BillingPlanArgs, typeof inputs>>;

const inputs = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(256).optional(),
  description: z.string().max(4096).optional(),
  amount: int(0, 100_000_000),
  annualMonthlyAmount: int(0, 100_000_000),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code in upper case, e.g. "USD"' })
    .optional(),
  features: z
    .array(slug)
    .refine((l) => new Set(l).size === l.length, { message: "must not list a feature twice" })
    .optional(),
  freeTrialEnabled: flag,
  freeTrialDays: int(1, 365),
  isRecurring: flag,
  payerType: z.enum(["user", "org"]).optional(),
  publiclyVisible: flag,
});

const MAP = "billing.plans";

/** @internal */
export const billingPlanDefinition = configResource({
  type: "BillingPlan",
  inputs,
  section: {
    nameInput: "slug",
    path: (s) => `${MAP}.${s}`,
    nameOf: (path) => (path.startsWith(`${MAP}.`) ? path.slice(MAP.length + 1) : undefined),
  },
  fields: {
    name: "name",
    description: "description",
    amount: "amount",
    annualMonthlyAmount: "annual_monthly_amount",
    currency: "currency",
    features: "features",
    freeTrialEnabled: "free_trial_enabled",
    freeTrialDays: "free_trial_days",
    isRecurring: "is_recurring",
    payerType: "payer_type",
    publiclyVisible: "publicly_visible",
  },
  equals: { features: sameSet },
  onDelete: "delete",
  title: "Billing plans",
  entries: (doc) => entriesOf(doc, "plans"),
});

/** The slugs of a `billing` map (`plans`, `features`). */
export function entriesOf(doc: Record<string, unknown>, map: string): string[] {
  const billing = doc.billing;
  if (billing === null || typeof billing !== "object") return [];
  const entries = (billing as Record<string, unknown>)[map];
  return entries !== null && typeof entries === "object" ? Object.keys(entries) : [];
}
