import { ID_PREFIX, newId, randomString } from "../ids";
import { seedSnapshot } from "../seed";
import { Store } from "../store";
import type { ApplicationRecord, PlatformSnapshot } from "../types";
import { publishableKey, seedApplication, seedProductionSnapshot } from "./seed";

export type EnvironmentType = "development" | "production";
export type ApplicationInstance = ApplicationRecord["instances"][number];

const previousKey = (inst: ApplicationInstance, key: string) =>
  inst.previous_secret_keys?.find((k) => k.secret_key === key);

const newSecretKey = (env: EnvironmentType) =>
  `sk_${env === "production" ? "live" : "test"}_${randomString(40)}`;

export interface NewApplication {
  name: string;
  /** The production instance's domain (a development instance gets a generated one). */
  domain?: string;
  environmentTypes: EnvironmentType[];
  /** Applied to each new instance's configuration document. */
  configure?: (store: Store) => void;
}

/**
 * The workspace the Platform API sees: its applications, and one Store per instance. The primary store
 * (the emulator's `store`, the seeded development instance) is the one every Backend API key reaches
 * unless it is the secret key of another instance.
 */
export class Platform {
  readonly primary: Store;
  #applications: ApplicationRecord[] = [];
  readonly #stores = new Map<string, Store>();
  readonly #listeners = new Set<() => void>();
  readonly #unsubscribe: Array<() => void> = [];

  constructor(primary: Store, snapshot?: PlatformSnapshot) {
    this.primary = primary;
    this.#fill(snapshot ?? this.#seed());
  }

  #seed(): PlatformSnapshot {
    return {
      applications: [seedApplication(this.primary.instanceId)],
      instances: [seedProductionSnapshot()],
    };
  }

  #fill(snapshot: PlatformSnapshot): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#stores.clear();
    this.#applications = structuredClone(snapshot.applications);
    this.#stores.set(this.primary.instanceId, this.primary);
    for (const s of snapshot.instances) {
      const store = new Store(s);
      this.#stores.set(s.instance_id, store);
      this.#unsubscribe.push(store.onChange(() => this.#notify()));
    }
  }

  /** Called after a change of an application or of a non-primary instance's objects. */
  onChange(fn: () => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #notify(): void {
    for (const fn of this.#listeners) fn();
  }

  applications(): ApplicationRecord[] {
    return structuredClone(this.#applications);
  }

  application(id: string): ApplicationRecord | undefined {
    const app = this.#applications.find((a) => a.id === id);
    return app && structuredClone(app);
  }

  /** The store of `development`, `production` or an instance id of an application. */
  instance(applicationId: string, envOrId: string): Store | undefined {
    const app = this.#applications.find((a) => a.id === applicationId);
    const inst = app?.instances.find((i) => i.instance_id === envOrId || i.environment_type === envOrId);
    return inst && this.#stores.get(inst.instance_id);
  }

  /** The store a Backend API secret key reaches, when it is the key of an instance other than the primary. */
  storeForSecretKey(key: string): Store | undefined {
    for (const app of this.#applications) {
      for (const inst of app.instances) {
        if (inst.instance_id === this.primary.instanceId) continue;
        if (inst.secret_key === key || (previousKey(inst, key)?.expires_at ?? 0) > Date.now())
          return this.#stores.get(inst.instance_id);
      }
    }
    return undefined;
  }

  /**
   * A key a rotation replaced and whose grace period is over: refused, never taken for "any other key"
   * of the primary instance (which would show one application's objects to another's old key).
   */
  isRetiredSecretKey(key: string, now = Date.now()): boolean {
    return this.#applications.some((a) =>
      a.instances.some((i) => {
        const prev = previousKey(i, key);
        return prev !== undefined && prev.expires_at <= now && i.secret_key !== key;
      }),
    );
  }

  /** Runs `fn` with every store's change notifications grouped (one state-file write per request). */
  batch<R>(fn: () => R): R {
    const stores = [...this.#stores.values()];
    const run = (i: number): R => (i === stores.length ? fn() : (stores[i] as Store).batch(() => run(i + 1)));
    return run(0);
  }

  /** Adds an application with a fresh instance (its own store and keys) per environment type. */
  createApplication(input: NewApplication, now = Date.now()): ApplicationRecord {
    const app: ApplicationRecord = { id: newId("app"), name: input.name, created_at: now, instances: [] };
    for (const env of input.environmentTypes) {
      app.instances.push(this.#newInstance(env, input.domain, now, input.configure));
    }
    this.#applications.push(app);
    this.#notify();
    return structuredClone(app);
  }

  /**
   * Adds a production instance to an application that has none, serving `domain`; `configure` runs on
   * its fresh store (a clone copies the development document there). Undefined for an unknown application.
   */
  addProductionInstance(
    applicationId: string,
    domain: string,
    configure?: (store: Store) => void,
    now = Date.now(),
  ): ApplicationInstance | undefined {
    const app = this.#applications.find((a) => a.id === applicationId);
    if (!app) return undefined;
    const inst = this.#newInstance("production", domain, now, configure);
    app.instances.push(inst);
    this.#notify();
    return structuredClone(inst);
  }

  #newInstance(
    env: EnvironmentType,
    domain: string | undefined,
    now: number,
    configure?: (store: Store) => void,
  ): ApplicationInstance {
    const instanceId = newId(ID_PREFIX.instance);
    const host =
      env === "production"
        ? (domain ?? `${randomString(8).toLowerCase()}.example`)
        : `${randomString(12).toLowerCase()}.clerk.accounts.dev`;
    const seed = seedSnapshot(now);
    const store = new Store({
      ...seed,
      instance_id: instanceId,
      environment_type: env,
      domains: seed.domains.map((d) => ({ ...d, id: newId(ID_PREFIX.domain), name: host })),
    });
    configure?.(store);
    this.#stores.set(instanceId, store);
    this.#unsubscribe.push(store.onChange(() => this.#notify()));
    const kind = env === "production" ? "live" : "test";
    return {
      instance_id: instanceId,
      environment_type: env,
      publishable_key: publishableKey(kind, env === "production" ? `clerk.${host}` : host),
      secret_key: newSecretKey(env),
      created_at: now,
      updated_at: now,
    };
  }

  /**
   * New secret keys for the application's instances (one instance when `envOrId` is given). The old
   * key stops working at once, or after `graceHours`. Undefined when the application or instance is unknown.
   */
  rotateSecretKeys(
    applicationId: string,
    envOrId: string | undefined,
    graceHours = 0,
    now = Date.now(),
  ): { app: ApplicationRecord; rotated: ApplicationInstance[] } | undefined {
    const app = this.#applications.find((a) => a.id === applicationId);
    if (!app) return undefined;
    const targets = app.instances.filter(
      (i) => envOrId === undefined || i.instance_id === envOrId || i.environment_type === envOrId,
    );
    if (targets.length === 0) return undefined;
    for (const inst of targets) {
      inst.previous_secret_keys = [
        ...(inst.previous_secret_keys ?? []),
        { secret_key: inst.secret_key, expires_at: now + graceHours * 3_600_000 },
      ];
      inst.secret_key = newSecretKey(inst.environment_type);
      inst.updated_at = now;
    }
    this.#notify();
    return { app: structuredClone(app), rotated: structuredClone(targets) };
  }

  /** A new primary domain for the production instance: its publishable key follows the Frontend API host. */
  renameProduction(applicationId: string, domain: string, now = Date.now()): void {
    const inst = this.#applications
      .find((a) => a.id === applicationId)
      ?.instances.find((i) => i.environment_type === "production");
    if (!inst) return;
    inst.publishable_key = publishableKey("live", `clerk.${domain}`);
    inst.updated_at = now;
    this.#notify();
  }

  /**
   * Removes an application and its instances' stores (their objects are gone with them). The primary
   * store stays: it is the emulator's `store`, which Backend API keys keep reaching.
   */
  deleteApplication(id: string): boolean {
    const app = this.#applications.find((a) => a.id === id);
    if (!app) return false;
    for (const inst of app.instances)
      if (inst.instance_id !== this.primary.instanceId) this.#stores.delete(inst.instance_id);
    this.#applications = this.#applications.filter((a) => a !== app);
    this.#notify();
    return true;
  }

  snapshot(): PlatformSnapshot {
    return {
      applications: structuredClone(this.#applications),
      instances: [...this.#stores.values()].filter((s) => s !== this.primary).map((s) => s.snapshot()),
    };
  }

  /** Back to the seeded application; the primary store is reset by its owner. */
  reset(): void {
    this.#fill(this.#seed());
    this.#notify();
  }
}
