import type { PlatformClient } from "../../sdk/platform/client";
import { type ConfigSource, resolveSettings, SETTING_ENV } from "./settings";

/**
 * The Platform API client of the resources that create applications (they need a Platform API key,
 * not an instance secret key: a program that creates its application has none yet). Settings come
 * from configure() (stack config, secrets decrypted), then the environment, as every credential does.
 */
let source: ConfigSource | undefined;
let cached: { key: string; url: string | undefined; client: Promise<PlatformClient> } | undefined;

export function configurePlatform(config: ConfigSource): void {
  source = config;
}

/** The client, built on first use; throws what to set when the key is missing or is not an `ak_` key. */
export async function platformClient(type: string): Promise<PlatformClient> {
  // The same settings, names and environment variables as the configuration-document resources.
  const { platformApiKey: key, apiUrl: url } = resolveSettings(source, process.env);
  if (key === undefined || !key.startsWith("ak_")) {
    throw new Error(
      `${type}: creating Clerk applications needs a Platform API key (ak_…): set it with \`pulumi config set --secret clerk:platformApiKey ak_…\` or ${SETTING_ENV.platformApiKey}${key === undefined ? "" : " (the value set is not an ak_ key; an instance secret key sk_… does not work here)"}`,
    );
  }
  if (cached?.key !== key || cached.url !== url) {
    const { createPlatformClient } = await import("../../sdk/platform/client.js");
    cached = { key, url, client: Promise.resolve(createPlatformClient({ apiKey: key, apiUrl: url })) };
  }
  return cached.client;
}
