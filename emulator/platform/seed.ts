import { ID_PREFIX, stableId } from "../ids";
import { PRIMARY_DOMAIN_NAME, seedSnapshot } from "../seed";
import type { ApplicationRecord, StoreSnapshot } from "../types";

// The application the emulator starts with: the seeded development instance (the emulator's primary
// store, which any `sk_test_…` key reaches) and a production instance with a store of its own.
export const APPLICATION_ID = stableId("app", "emulator");
export const APPLICATION_NAME = "Clerk emulator";
export const PRODUCTION_INSTANCE_ID = stableId(ID_PREFIX.instance, "emulatorproduction");
export const PRODUCTION_DOMAIN_NAME = "clerk-emulator.com";
/** Listed as the development instance's key; any other `sk_test_…` key reaches it too. */
export const DEVELOPMENT_SECRET_KEY = "sk_test_emulatorDevelopmentSecretKey000";
/** The only key that reaches the production instance's objects. */
export const PRODUCTION_SECRET_KEY = "sk_live_emulator_production_instance";

/** A publishable key as Clerk makes them: `pk_<env>_` + base64 of the Frontend API host and `$`. */
export const publishableKey = (env: "test" | "live", host: string) =>
  `pk_${env}_${Buffer.from(`${host}$`).toString("base64")}`;

export function seedApplication(developmentInstanceId: string, now = Date.now()): ApplicationRecord {
  return {
    id: APPLICATION_ID,
    name: APPLICATION_NAME,
    created_at: now,
    instances: [
      {
        instance_id: developmentInstanceId,
        environment_type: "development",
        publishable_key: publishableKey(
          "test",
          `${PRIMARY_DOMAIN_NAME.replace(/\./g, "-")}.clerk.accounts.dev`,
        ),
        secret_key: DEVELOPMENT_SECRET_KEY,
      },
      {
        instance_id: PRODUCTION_INSTANCE_ID,
        environment_type: "production",
        publishable_key: publishableKey("live", `clerk.${PRODUCTION_DOMAIN_NAME}`),
        secret_key: PRODUCTION_SECRET_KEY,
      },
    ],
  };
}

export function seedProductionSnapshot(now = Date.now()): StoreSnapshot {
  const s = seedSnapshot(now);
  return {
    ...s,
    instance_id: PRODUCTION_INSTANCE_ID,
    environment_type: "production",
    domains: s.domains.map((d) => ({ ...d, name: PRODUCTION_DOMAIN_NAME })),
  };
}
