import { z } from "zod";
import type { SessionSettingsArgs } from "../resources/session-settings";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { configResource } from "../runtime/config-resource";
import { flag, int } from "./config-inputs";

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<SessionSettingsArgs, typeof inputs>>;

const inputs = z.strictObject({
  multiSessionEnabled: flag,
  inactivityTimeoutEnabled: flag,
  inactivityTimeoutSeconds: int(300, 315360000),
  maximumLifetimeEnabled: flag,
  maximumLifetimeSeconds: int(300, 315360000),
});

/** @internal */
export const sessionSettingsDefinition = configResource({
  type: "SessionSettings",
  inputs,
  section: { key: "session_settings" },
  fields: {
    multiSessionEnabled: "multi_session_enabled",
    inactivityTimeoutEnabled: "inactivity_timeout.enabled",
    inactivityTimeoutSeconds: "inactivity_timeout.duration_seconds",
    maximumLifetimeEnabled: "maximum_lifetime.enabled",
    maximumLifetimeSeconds: "maximum_lifetime.duration_seconds",
  },
  onDelete: "forget",
  title: "Session settings",
});
