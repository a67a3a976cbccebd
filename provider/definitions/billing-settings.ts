import { z } from "zod";
import type { BillingSettingsArgs } from "../resources/billing-settings";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<BillingSettingsArgs, typeof inputs>>;

const inputs = z.strictObject({ userEnabled: flag, organizationEnabled: flag });

/** @internal */
export const billingSettingsDefinition = configResource({
  type: "BillingSettings",
  inputs,
  section: { key: "billing" },
  fields: { userEnabled: "user_enabled", organizationEnabled: "organization_enabled" },
  onDelete: "forget",
  title: "Billing settings",
});
