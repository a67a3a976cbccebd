// Public API of the emulator (`pulumi-clerk/emulator`).
export {
  ClerkErrorAnswer,
  type ClerkErrorItem,
} from "./errors";
export { type FaultConfig, mulberry32 } from "./faults";
export { ID_PREFIX } from "./ids";
export { type ExchangeListener, onAnyExchange, type RequestLogEntry } from "./log";
export {
  CONFIG_KEYS,
  CONFIG_SCHEMA,
  CONFIG_SCHEMA_ID,
  RESERVED_SESSION_CLAIMS,
  SOCIAL_PROVIDERS,
} from "./platform/config-schema";
export { Platform } from "./platform/registry";
export {
  APPLICATION_ID,
  DEVELOPMENT_SECRET_KEY,
  PRODUCTION_INSTANCE_ID,
  PRODUCTION_SECRET_KEY,
} from "./platform/seed";
export type { RateLimitConfig } from "./rate-limit";
export {
  ADMIN_ROLE_ID,
  INSTANCE_ID,
  MEMBER_ROLE_ID,
  PRIMARY_DOMAIN_ID,
  PRIMARY_DOMAIN_NAME,
} from "./seed";
export {
  type Emulator,
  type EmulatorOptions,
  type EmulatorSwitches,
  type LatencyConfig,
  startEmulator,
} from "./server";
export { Collection, Singleton, Store } from "./store";
export type * from "./types";
