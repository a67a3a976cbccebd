import type { ClerkLogger } from "../../sdk";
import { ConfigDocument, type PlatformConfigApi } from "./config-document";
import { apiUrlProblem, type ClerkSettings, parseRequestTimeout, settingKeys } from "./settings";

/**
 * The Platform API side of an instance's settings: the configuration-document resources need a
 * Platform API key, the application id and which of its instances (see docs/configuration.md,
 * "Platform API"). The Backend API resources need none of it.
 */

/** Instance environments the Platform API addresses by name; any other must be an `ins_…` id. */
const ENVIRONMENT = /^(development|production|ins_[A-Za-z0-9]+)$/;

/**
 * Which instance of the application: as configured, else the one the instance's secret key belongs to
 * (`sk_test_` development, `sk_live_` production), so both APIs manage the same instance.
 */
export function environmentOf(settings: ClerkSettings): string | undefined {
  if (settings.environment !== undefined) return settings.environment;
  if (settings.secretKey?.startsWith("sk_test_")) return "development";
  if (settings.secretKey?.startsWith("sk_live_")) return "production";
  return undefined;
}

/** What is missing or wrong for the Platform API, as one message a user can act on; undefined: nothing. */
export function platformProblem(settings: ClerkSettings): string | undefined {
  const { instance } = settings;
  const where = (s: "platformApiKey" | "applicationId" | "environment") => {
    const { config, env } = settingKeys(s, instance);
    const flag = s === "platformApiKey" ? "--secret " : "";
    const path = instance === undefined ? config : `--path '${config}'`;
    return `\`pulumi config set ${flag}${path} …\` or ${env}`;
  };
  const of = instance === undefined ? "" : ` of instance "${instance}"`;
  const missing: string[] = [];
  if (settings.platformApiKey === undefined) {
    missing.push(
      `a Platform API key (ak_…)${of}: set it with ${where("platformApiKey")}. Clerk's Platform API is a ` +
        "private beta: the key comes from the Clerk dashboard's API keys page where the beta is enabled for " +
        "your workspace, otherwise ask Clerk support for access",
    );
  } else if (!settings.platformApiKey.startsWith("ak_")) {
    missing.push(
      `${settingKeys("platformApiKey", instance).config} is not a Platform API key (they start with ak_; an instance secret key sk_… is refused by the Platform API)`,
    );
  }
  if (settings.applicationId === undefined) {
    missing.push(`the application id (app_…)${of}: set it with ${where("applicationId")}`);
  }
  const environment = environmentOf(settings);
  if (environment === undefined) {
    missing.push(
      `which instance of the application${of}: set ${where("environment")} to development, production or an ins_… id`,
    );
  } else if (!ENVIRONMENT.test(environment)) {
    missing.push(
      `${settingKeys("environment", instance).config} "${environment}" must be development, production or an instance id (ins_…)`,
    );
  }
  if (missing.length === 0) return undefined;
  return `this resource lives in Clerk's instance configuration document, served by the Platform API, which needs ${missing.join("; and ")}. The Backend API resources work without it.`;
}

export class MissingPlatformSettingsError extends Error {
  constructor(problem: string) {
    super(problem);
    this.name = "MissingPlatformSettingsError";
  }
}

/** Makes the sdk's Platform client; loaded at the first request (like the Backend API client). */
export type PlatformClientFactory = (options: {
  apiKey: string;
  apiUrl?: string;
  timeoutMs?: number;
  logger?: ClerkLogger | undefined;
}) => Promise<PlatformConfigApi>;

/** One instance's configuration document, built on first use from its settings. */
export class DocumentHolder {
  private doc: ConfigDocument | undefined;

  constructor(
    private readonly settings: ClerkSettings,
    private readonly factory: PlatformClientFactory,
  ) {}

  get(): ConfigDocument {
    if (!this.doc) {
      const problem = platformProblem(this.settings);
      if (problem !== undefined) throw new MissingPlatformSettingsError(problem);
      const { platformApiKey, applicationId, apiUrl, requestTimeoutMs } = this.settings;
      const urlProblem = apiUrl === undefined ? undefined : apiUrlProblem(apiUrl);
      if (urlProblem !== undefined)
        throw new Error(`${settingKeys("apiUrl", this.settings.instance).config}: ${urlProblem}`);
      const timeoutMs = requestTimeoutMs === undefined ? undefined : parseRequestTimeout(requestTimeoutMs);
      let client: Promise<PlatformConfigApi> | undefined;
      const load = () => {
        client ??= this.factory({
          apiKey: platformApiKey as string,
          ...(apiUrl ? { apiUrl } : {}),
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        return client;
      };
      const api: PlatformConfigApi = {
        get: async (...args) => (await load()).get(...args),
        patch: async (...args) => (await load()).patch(...args),
      };
      this.doc = new ConfigDocument(
        () => api,
        applicationId as string,
        environmentOf(this.settings) as string,
      );
    }
    return this.doc;
  }
}
