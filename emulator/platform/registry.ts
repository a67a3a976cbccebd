import { ID_PREFIX, newId, randomString } from "../ids";
import { seedSnapshot } from "../seed";
import { Store } from "../store";
import type { ApplicationRecord, PlatformSnapshot } from "../types";
import { publishableKey, seedApplication, seedProductionSnapshot } from "./seed";

export type EnvironmentType = "development" | "production";

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
        if (inst.secret_key === key && inst.instance_id !== this.primary.instanceId)
          return this.#stores.get(inst.instance_id);
      }
    }
    return undefined;
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
      const instanceId = newId(ID_PREFIX.instance);
      const host =
        env === "production"
          ? (input.domain ?? `${randomString(8).toLowerCase()}.example`)
          : `${randomString(12).toLowerCase()}.clerk.accounts.dev`;
      const seed = seedSnapshot(now);
      const store = new Store({
        ...seed,
        instance_id: instanceId,
        environment_type: env,
        domains: seed.domains.map((d) => ({ ...d, id: newId(ID_PREFIX.domain), name: host })),
      });
      input.configure?.(store);
      this.#stores.set(instanceId, store);
      this.#unsubscribe.push(store.onChange(() => this.#notify()));
      const kind = env === "production" ? "live" : "test";
      app.instances.push({
        instance_id: instanceId,
        environment_type: env,
        publishable_key: publishableKey(kind, env === "production" ? `clerk.${host}` : host),
        secret_key: `sk_${kind}_${randomString(40)}`,
      });
    }
    this.#applications.push(app);
    this.#notify();
    return structuredClone(app);
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
