import type { ClerkClient, ClerkLogger } from "../../sdk";
import type { ConfigDocument } from "./config-document";
import { DocumentHolder, type PlatformClientFactory, platformProblem } from "./platform";
import {
  type ClerkSettings,
  ClientHolder,
  type ConfigSource,
  envSuffix,
  nonEmpty,
  resolveSettings,
  SETTING_ENV,
  type SettingName,
  settingKeys,
} from "./settings";

/**
 * Several Clerk instances in one program (see docs/configuration.md, "Several instances"): the default
 * instance is `clerk:secretKey` (or CLERK_SECRET_KEY) as always; named ones are entries of the stack
 * config object `clerk:instances`, or environment variables `CLERK_SECRET_KEY_<NAME>`. Resources and
 * lookups name theirs with `instance`. The provider process and the program's lookups both resolve
 * them here, from the same config and environment.
 */
export const INSTANCES_KEY = "clerk:instances";

/** Instance names: also a path segment of `clerk:instances.<name>` and, upper-cased, an env suffix. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
const SETTINGS = Object.keys(SETTING_ENV) as SettingName[];
type Setting = SettingName;
/** How Pulumi marks a secret value inside a structured value. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** Where the opt-in dry runs at preview are switched on (see docs/configuration.md). */
export const VALIDATE_ON_PREVIEW = {
  config: "clerk:validateOnPreview",
  env: "CLERK_VALIDATE_ON_PREVIEW",
} as const;

export class UnknownInstanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnknownInstanceError";
  }
}

/** The configured instances of one process: the default one and the named ones. */
export class Instances {
  /** Per name, its settings as written in `clerk:instances` (before the environment). */
  private readonly configured = new Map<string, Partial<Record<Setting, string>>>();
  /** What is wrong with `clerk:instances` itself; reported wherever a named instance is used. */
  readonly problem: string | undefined;
  readonly default: ClerkSettings;
  /** `clerk:validateOnPreview`: planned document changes are sent to Clerk as dry runs at preview. */
  readonly validateOnPreview: boolean;

  constructor(
    config: ConfigSource | undefined,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.default = resolveSettings(config, env);
    this.validateOnPreview = /^(1|true|yes)$/i.test(
      nonEmpty(config?.get(VALIDATE_ON_PREVIEW.config)) ?? nonEmpty(env[VALIDATE_ON_PREVIEW.env]) ?? "",
    );
    this.problem = this.parse(config?.get(INSTANCES_KEY) as unknown);
  }

  /** Every name a resource may use: those in `clerk:instances`, then those only the environment names. */
  names(): string[] {
    return [...this.configured.keys(), ...this.envOnlyNames()];
  }

  /** Why `instance` cannot be used (unknown, malformed config), or undefined. Sends nothing. */
  refusal(instance: string): string | undefined {
    if (this.problem !== undefined) return this.problem;
    if (!NAME.test(instance)) {
      return `"${instance}" is not an instance name (a letter, then letters, digits, "-" or "_")`;
    }
    if (this.configured.has(instance) || nonEmpty(this.env[settingKeys("secretKey", instance).env])) {
      return undefined;
    }
    const known = this.names();
    return (
      `unknown Clerk instance "${instance}"; configured: ${known.length > 0 ? known.join(", ") : "none"}. ` +
      `Add it with \`pulumi config set --secret --path '${settingKeys("secretKey", instance).config}' sk_...\` ` +
      `or set ${settingKeys("secretKey", instance).env}, or leave instance out for the default instance (clerk:secretKey)`
    );
  }

  /**
   * The settings of `instance` (undefined: the default). A named instance's own value, else its
   * environment variable; the API version and the timeout then fall back to the default instance's
   * (they describe this process, not the instance). The key and the URL never do: a key or URL
   * borrowed from another instance would manage the wrong one.
   */
  settings(instance?: string): ClerkSettings {
    if (instance === undefined) return this.default;
    const refusal = this.refusal(instance);
    if (refusal !== undefined) throw new UnknownInstanceError(refusal);
    const own = this.configured.get(instance) ?? {};
    const pick = (s: Setting) => nonEmpty(own[s]) ?? nonEmpty(this.env[settingKeys(s, instance).env]);
    const settings: ClerkSettings = { instance };
    for (const s of SETTINGS) {
      // The Platform API key belongs to the workspace and the application id to the application, not
      // to one instance: a named instance (often the same application's production) may share them.
      // The environment never falls back: it picks the instance.
      const shared =
        s === "apiVersion" || s === "requestTimeoutMs" || s === "platformApiKey" || s === "applicationId";
      settings[s] = pick(s) ?? (shared ? this.default[s] : undefined);
    }
    return settings;
  }

  /** Names known only from `CLERK_SECRET_KEY_<NAME>`, lower-cased (`instance: "eu_prod"` or `"EU_PROD"` both match). */
  private envOnlyNames(): string[] {
    const names: string[] = [];
    for (const [k, v] of Object.entries(this.env)) {
      const m = /^CLERK_SECRET_KEY_([A-Z0-9_]+)$/.exec(k);
      if (!m?.[1] || nonEmpty(v) === undefined) continue;
      const taken = [...this.configured.keys()].some((n) => envSuffix(n) === m[1]);
      if (!taken) names.push(m[1].toLowerCase());
    }
    return names.sort();
  }

  /** Reads `clerk:instances` (a JSON object, as the engine passes structured config); never echoes a value. */
  private parse(raw: unknown): string | undefined {
    if (raw === undefined || raw === null || raw === "") return undefined;
    let value = unwrapSecrets(raw);
    if (typeof value === "string") {
      try {
        value = unwrapSecrets(JSON.parse(value));
      } catch {
        return `${INSTANCES_KEY} is not a JSON object: set it with \`pulumi config set --secret --path '${INSTANCES_KEY}.<name>.secretKey' sk_...\``;
      }
    }
    if (!isObject(value)) return `${INSTANCES_KEY} must be an object of instances by name`;
    const suffixes = new Map<string, string>();
    for (const [name, entry] of Object.entries(value)) {
      if (!NAME.test(name)) {
        return `${INSTANCES_KEY}: "${name}" is not an instance name (a letter, then letters, digits, "-" or "_")`;
      }
      if (name === "default") {
        return `${INSTANCES_KEY}.default: the default instance is clerk:secretKey; give this one another name`;
      }
      const clash = suffixes.get(envSuffix(name));
      if (clash !== undefined) {
        return `${INSTANCES_KEY}: "${clash}" and "${name}" share the environment variables *_${envSuffix(name)}; rename one`;
      }
      suffixes.set(envSuffix(name), name);
      if (!isObject(entry)) return `${INSTANCES_KEY}.${name} must be an object (secretKey, apiUrl, ...)`;
      const settings: Partial<Record<Setting, string>> = {};
      for (const [key, v] of Object.entries(entry)) {
        if (!(SETTINGS as readonly string[]).includes(key)) {
          return `${INSTANCES_KEY}.${name}.${key} is not a setting (known: ${SETTINGS.join(", ")})`;
        }
        if (typeof v !== "string" && typeof v !== "number") {
          return `${INSTANCES_KEY}.${name}.${key} must be a string`;
        }
        settings[key as Setting] = String(v);
      }
      this.configured.set(name, settings);
    }
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Secret markers inside a structured config value, removed (the process already holds the plaintext). */
function unwrapSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (!isObject(v)) return v;
  if (SECRET_SIG in v) return unwrapSecrets(v.value);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
}

/**
 * One lazily built client per instance, so each instance keeps its own key, URL and rate-limit state.
 * Reconfiguring with the same settings keeps the clients (the host configures once per resource type).
 */
export class ClientPool {
  private instances: Instances;
  private readonly holders = new Map<string, ClientHolder>();
  /** Per instance, its configuration document and the settings it was built from. */
  private readonly documents = new Map<string, { settings: string; holder: DocumentHolder }>();

  /** @param logger given to every client: where each says what it does for the provider */
  constructor(
    instances: Instances = new Instances(undefined, process.env),
    private readonly logger?: ClerkLogger,
    private readonly platformClient: PlatformClientFactory = defaultPlatformClient,
  ) {
    this.instances = instances;
  }

  /** Whether planned document changes are dry-run at preview (`clerk:validateOnPreview`). */
  get validateOnPreview(): boolean {
    return this.instances.validateOnPreview;
  }

  /**
   * Why the configuration-document resources of `instance` cannot work (no Platform API key,
   * application or environment), or undefined. Sends nothing: check calls it.
   */
  platformRefusal(instance?: string): string | undefined {
    if (instance !== undefined) {
      const refusal = this.instances.refusal(instance);
      if (refusal !== undefined) return refusal;
    }
    return platformProblem(this.instances.settings(instance));
  }

  /** The configuration document of `instance` (one per instance and process while its settings hold). */
  document(instance?: string): ConfigDocument {
    const key = instance ?? "";
    const settings = this.instances.settings(instance);
    const fingerprint = JSON.stringify(settings);
    let entry = this.documents.get(key);
    if (!entry || entry.settings !== fingerprint) {
      entry = {
        settings: fingerprint,
        holder: new DocumentHolder(settings, (options) =>
          this.platformClient({ ...options, logger: this.logger }),
        ),
      };
      this.documents.set(key, entry);
    }
    return entry.holder.get();
  }

  configure(instances: Instances): void {
    this.instances = instances;
    for (const [name, holder] of this.holders) {
      try {
        holder.configure(instances.settings(name === "" ? undefined : name));
      } catch {
        // The name is no longer configured: its next use reports why.
        this.holders.delete(name);
      }
    }
  }

  /** Why `instance` cannot be used, or undefined (before any request). */
  refusal(instance: string): string | undefined {
    return this.instances.refusal(instance);
  }

  /**
   * What `check` refuses: as `refusal`, except that a well-formed name passes when this process knows no
   * named instance at all. That is a preview without secrets (a pull request from a fork, where the
   * `CLERK_SECRET_KEY_<NAME>` variables are not set): it cannot tell a typo from an instance whose key
   * it was not given, and `check` sends nothing anyway. The first request still fails, naming the key.
   */
  refusalAtCheck(instance: string): string | undefined {
    const refusal = this.instances.refusal(instance);
    const noneKnown = this.instances.problem === undefined && this.instances.names().length === 0;
    return noneKnown && NAME.test(instance) ? undefined : refusal;
  }

  /** The client of `instance` (undefined: the default); throws what is missing, naming the setting. */
  get(instance?: string): ClerkClient {
    const key = instance ?? "";
    let holder = this.holders.get(key);
    if (!holder) {
      holder = new ClientHolder(this.instances.settings(instance), this.logger);
      this.holders.set(key, holder);
    }
    return holder.get();
  }
}

/** The sdk's Platform client, loaded at the first request (check and diff never need it). */
export const defaultPlatformClient: PlatformClientFactory = async (options) =>
  (await import("../../sdk/platform/client.js")).createPlatformClient(options).config;
