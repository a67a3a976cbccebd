import { Store } from "../store";
import type { ApplicationRecord, PlatformSnapshot } from "../types";
import { seedApplication, seedProductionSnapshot } from "./seed";

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
