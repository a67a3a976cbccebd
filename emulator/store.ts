import { freshConfigState } from "./platform/config-state";
import { seedSnapshot } from "./seed";
import type {
  AllowlistIdentifierRecord,
  BlocklistIdentifierRecord,
  ConfigState,
  DomainRecord,
  EnterpriseConnectionRecord,
  InstanceCommunication,
  InstanceProtect,
  InstanceRestrictions,
  InstanceSettings,
  JwtTemplateRecord,
  MachineRecord,
  OAuthApplicationRecord,
  OAuthApplicationSettings,
  OrganizationDomainRecord,
  OrganizationRecord,
  OrganizationSettings,
  PermissionRecord,
  RedirectUrlRecord,
  RoleRecord,
  RoleSetRecord,
  SamlConnectionRecord,
  ScimDirectoryRecord,
  StoreSnapshot,
  SvixApp,
} from "./types";

type Listener = () => void;

/**
 * One kind of object, in insertion order (creation order; each route decides the order it lists in).
 * Values go in and come out as copies, so neither a handler nor a test can change stored state without
 * going through here, and every change notifies the store (which persists it).
 */
export class Collection<T extends { id: string }> {
  #items = new Map<string, T>();
  readonly #changed: Listener;

  constructor(changed: Listener) {
    this.#changed = changed;
  }

  list(): T[] {
    return [...this.#items.values()].map((v) => structuredClone(v));
  }

  get(id: string): T | undefined {
    const v = this.#items.get(id);
    return v === undefined ? undefined : structuredClone(v);
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  get size(): number {
    return this.#items.size;
  }

  find(pred: (v: T) => boolean): T | undefined {
    for (const v of this.#items.values()) if (pred(v)) return structuredClone(v);
    return undefined;
  }

  insert(value: T): T {
    this.#items.set(value.id, structuredClone(value));
    this.#changed();
    return structuredClone(value);
  }

  /** Shallow merge; returns the new value, or undefined for an unknown id. */
  update(id: string, patch: Partial<T>): T | undefined {
    const cur = this.#items.get(id);
    if (cur === undefined) return undefined;
    const next = { ...cur, ...structuredClone(patch), id };
    this.#items.set(id, next);
    this.#changed();
    return structuredClone(next);
  }

  delete(id: string): boolean {
    const had = this.#items.delete(id);
    if (had) this.#changed();
    return had;
  }

  /** @internal used by load/reset, which notify once themselves */
  replaceAll(values: T[]): void {
    this.#items = new Map(values.map((v) => [v.id, structuredClone(v)]));
  }
}

/** A settings object that always exists (instance settings, restrictions, …). */
export class Singleton<T extends object> {
  #value: T;
  readonly #changed: Listener;

  constructor(initial: T, changed: Listener) {
    this.#value = structuredClone(initial);
    this.#changed = changed;
  }

  get(): T {
    return structuredClone(this.#value);
  }

  set(value: T): T {
    this.#value = structuredClone(value);
    this.#changed();
    return this.get();
  }

  patch(patch: Partial<T>): T {
    return this.set({ ...this.#value, ...patch });
  }

  /** @internal */
  replace(value: T): void {
    this.#value = structuredClone(value);
  }
}

/** The emulator's state: one instance's configuration objects, in memory. */
export class Store {
  readonly #listeners = new Set<(snapshot: StoreSnapshot) => void>();
  #batchDepth = 0;
  #dirty = false;
  #instanceId: string;
  #environmentType: "development" | "production";

  readonly allowlistIdentifiers: Collection<AllowlistIdentifierRecord>;
  readonly blocklistIdentifiers: Collection<BlocklistIdentifierRecord>;
  readonly redirectUrls: Collection<RedirectUrlRecord>;
  readonly jwtTemplates: Collection<JwtTemplateRecord>;
  readonly samlConnections: Collection<SamlConnectionRecord>;
  readonly enterpriseConnections: Collection<EnterpriseConnectionRecord>;
  readonly oauthApplications: Collection<OAuthApplicationRecord>;
  readonly domains: Collection<DomainRecord>;
  readonly permissions: Collection<PermissionRecord>;
  readonly roles: Collection<RoleRecord>;
  readonly roleSets: Collection<RoleSetRecord>;
  readonly instance: Singleton<InstanceSettings>;
  readonly restrictions: Singleton<InstanceRestrictions>;
  readonly organizationSettings: Singleton<OrganizationSettings>;
  readonly oauthApplicationSettings: Singleton<OAuthApplicationSettings>;
  readonly communication: Singleton<InstanceCommunication>;
  readonly protect: Singleton<InstanceProtect>;
  readonly organizations: Collection<OrganizationRecord>;
  readonly organizationDomains: Collection<OrganizationDomainRecord>;
  readonly machines: Collection<MachineRecord>;
  readonly scimDirectories: Collection<ScimDirectoryRecord>;
  readonly svix: Singleton<SvixApp>;
  /** The Platform API's configuration document, except the parts that live in the singletons above. */
  readonly config: Singleton<ConfigState>;

  constructor(initial: StoreSnapshot = seedSnapshot()) {
    const changed = () => this.#notify();
    this.#instanceId = initial.instance_id;
    this.#environmentType = initial.environment_type ?? "development";
    this.allowlistIdentifiers = new Collection(changed);
    this.blocklistIdentifiers = new Collection(changed);
    this.redirectUrls = new Collection(changed);
    this.jwtTemplates = new Collection(changed);
    this.samlConnections = new Collection(changed);
    this.enterpriseConnections = new Collection(changed);
    this.oauthApplications = new Collection(changed);
    this.domains = new Collection(changed);
    this.permissions = new Collection(changed);
    this.roles = new Collection(changed);
    this.roleSets = new Collection(changed);
    this.instance = new Singleton(initial.instance, changed);
    this.restrictions = new Singleton(initial.restrictions, changed);
    this.organizationSettings = new Singleton(initial.organizationSettings, changed);
    this.oauthApplicationSettings = new Singleton(initial.oauthApplicationSettings, changed);
    this.communication = new Singleton(initial.communication, changed);
    this.protect = new Singleton(initial.protect, changed);
    this.organizations = new Collection(changed);
    this.organizationDomains = new Collection(changed);
    this.machines = new Collection(changed);
    this.scimDirectories = new Collection(changed);
    this.svix = new Singleton(initial.svix ?? { enabled: false }, changed);
    this.config = new Singleton(initial.config ?? freshConfigState(), changed);
    this.#fill(initial);
  }

  get instanceId(): string {
    return this.#instanceId;
  }

  get environmentType(): "development" | "production" {
    return this.#environmentType;
  }

  /** Called after every change (once per `batch`), with the new snapshot. */
  onChange(fn: (snapshot: StoreSnapshot) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Groups several changes into one notification (one state-file write per request). */
  batch<R>(fn: () => R): R {
    this.#batchDepth++;
    try {
      return fn();
    } finally {
      this.#batchDepth--;
      if (this.#batchDepth === 0 && this.#dirty) this.#notify();
    }
  }

  snapshot(): StoreSnapshot {
    return {
      version: 1,
      instance_id: this.#instanceId,
      environment_type: this.#environmentType,
      allowlistIdentifiers: this.allowlistIdentifiers.list(),
      blocklistIdentifiers: this.blocklistIdentifiers.list(),
      redirectUrls: this.redirectUrls.list(),
      jwtTemplates: this.jwtTemplates.list(),
      samlConnections: this.samlConnections.list(),
      enterpriseConnections: this.enterpriseConnections.list(),
      oauthApplications: this.oauthApplications.list(),
      domains: this.domains.list(),
      permissions: this.permissions.list(),
      roles: this.roles.list(),
      roleSets: this.roleSets.list(),
      instance: this.instance.get(),
      restrictions: this.restrictions.get(),
      organizationSettings: this.organizationSettings.get(),
      oauthApplicationSettings: this.oauthApplicationSettings.get(),
      communication: this.communication.get(),
      protect: this.protect.get(),
      organizations: this.organizations.list(),
      organizationDomains: this.organizationDomains.list(),
      machines: this.machines.list(),
      scimDirectories: this.scimDirectories.list(),
      svix: this.svix.get(),
      config: this.config.get(),
    };
  }

  /** Replaces all state (a loaded state file, or `reset()` with the seed). */
  load(snapshot: StoreSnapshot): void {
    this.#fill(snapshot);
    this.#notify();
  }

  /** Back to a fresh instance (of the same id and environment): the primary domain, the default roles, default settings. */
  reset(): void {
    this.load({ ...seedSnapshot(), instance_id: this.#instanceId, environment_type: this.#environmentType });
  }

  #fill(s: StoreSnapshot): void {
    this.#instanceId = s.instance_id;
    this.#environmentType = s.environment_type ?? "development";
    this.allowlistIdentifiers.replaceAll(s.allowlistIdentifiers);
    this.blocklistIdentifiers.replaceAll(s.blocklistIdentifiers);
    this.redirectUrls.replaceAll(s.redirectUrls);
    this.jwtTemplates.replaceAll(s.jwtTemplates);
    this.samlConnections.replaceAll(s.samlConnections);
    this.enterpriseConnections.replaceAll(s.enterpriseConnections);
    this.oauthApplications.replaceAll(s.oauthApplications);
    this.domains.replaceAll(s.domains);
    this.permissions.replaceAll(s.permissions);
    this.roles.replaceAll(s.roles);
    this.roleSets.replaceAll(s.roleSets ?? seedSnapshot().roleSets ?? []);
    this.instance.replace(s.instance);
    this.restrictions.replace(s.restrictions);
    this.organizationSettings.replace(s.organizationSettings);
    this.oauthApplicationSettings.replace(s.oauthApplicationSettings);
    this.communication.replace(s.communication);
    this.protect.replace(s.protect);
    this.organizations.replaceAll(s.organizations ?? []);
    this.organizationDomains.replaceAll(s.organizationDomains ?? []);
    this.machines.replaceAll(s.machines ?? []);
    this.scimDirectories.replaceAll(s.scimDirectories ?? []);
    this.svix.replace(s.svix ?? { enabled: false });
    this.config.replace(s.config ?? freshConfigState());
  }

  #notify(): void {
    if (this.#batchDepth > 0) {
      this.#dirty = true;
      return;
    }
    this.#dirty = false;
    if (this.#listeners.size === 0) return;
    const snap = this.snapshot();
    for (const fn of this.#listeners) fn(snap);
  }
}
