// The generator table of the generated-program tests (test/e2e/generated-programs.test.ts): one entry
// per resource type the package registers, keyed by the type name. Each entry knows how to make valid
// random arguments, change them in place and in a way that replaces the object, edit or make its objects
// out of band, and compare what a program declares with what the emulator stores.
//
// Adding a resource type: add one entry to GENERATORS below (a `collection` entry for an object a
// program creates, a `singleton` entry for instance-wide settings). test/unit/generated-table.test.ts
// fails, naming the type, until a registered creatable type has one, and checks that every generated
// argument set passes the resource's own input schema. A type whose objects live under another declared
// object (an organization's domain) names it as its `parent`: the generator then fills that argument
// with a reference to a declared parent, which the e2e program resolves to the parent's id.

import type { Collection, Store } from "../../../emulator/store";
import { TEST_CERTIFICATE } from "../certificate";
import type { Prng } from "./prng";

export type Args = Record<string, unknown>;
/** A stored record, as the emulator keeps it (snake_case, write-only fields included). */
export type Stored = Record<string, unknown>;

interface Common {
  /** Arguments to pass as secrets (`pulumi.secret`) from the program. */
  readonly secretArgs?: readonly string[];
  /** Valid random arguments; natural keys come from `r.unique()`, so they never collide in a run. */
  make(r: Prng): Args;
  /**
   * What the stored object differs in from the declared arguments, one line per field (empty: same);
   * `store` resolves the ids a record keeps where the program declares keys.
   */
  compare(args: Args, stored: Stored, store: Store): string[];
}

export interface CollectionGenerator extends Common {
  readonly kind: "collection";
  /** For a type whose objects live under another declared object. */
  readonly parent?: Parent;
  /** The emulator's objects of this type, the ones a program may own (not the seeded primary domain). */
  list(store: Store): Stored[];
  /** The argument that is the object's unique natural key at Clerk, for "move a value" steps. */
  readonly key?: string;
  /** A change Clerk applies in place; absent when the type has none. */
  inPlace?(r: Prng, args: Args): Args;
  /** A change that replaces the object; absent when every argument updates in place. */
  replacing?(r: Prng, args: Args): Args;
  /** A dashboard edit of a field refresh can see: the patch for the store, or undefined for none. */
  edit?(r: Prng, stored: Stored): Stored | undefined;
  /** Applies an edit (the store's collection for this type). */
  update(store: Store, id: string, patch: Stored): void;
  remove(store: Store, id: string): void;
  /** A dashboard create through the API: the path and body. */
  create?(r: Prng): { path: string; body: Args };
  /**
   * The type has no lost-create lookup (its docs page says why): a create whose answer is lost fails
   * `up`, and the docs tell the user to delete the stray object and run `up` again, as the e2e does.
   */
  readonly lostCreateFails?: true;
}

export interface SingletonGenerator extends Common {
  readonly kind: "singleton";
  /** The stored settings object. */
  read(store: Store): Stored;
  /** A different declaration (the "change a value" step). */
  change(r: Prng, args: Args): Args;
  /** A dashboard edit of a field refresh can see: applied to the store, or undefined for none. */
  edit?(r: Prng, store: Store): Stored | undefined;
}

export type Generator = CollectionGenerator | SingletonGenerator;

/**
 * An argument whose value is another declared resource's output, e.g. an OrganizationDomain's
 * `organizationId`: test/e2e/fixtures/clerk-program.cjs passes `<resource name>.<output>` in its place.
 */
export interface Ref {
  ref: string;
  output: string;
}

export const isRef = (v: unknown): v is Ref =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as Ref).ref === "string" &&
  typeof (v as Ref).output === "string" &&
  Object.keys(v).length === 2;

/**
 * The argument of a child type that names its parent object (another declared resource's `id`): the
 * program generator fills it in (`make` leaves it out) and never removes a parent a child references.
 * `exampleId` stands in for the id where no stack exists (the unit test's input-schema check).
 */
export interface Parent {
  readonly type: string;
  readonly arg: string;
  readonly exampleId: string;
}

/**
 * list/update/remove of a type's store collection; `owned` keeps the objects a program may own.
 */
function storeOps<T extends { id: string }>(
  of: (s: Store) => Collection<T>,
  owned: (o: T) => boolean = () => true,
) {
  return {
    list: (s: Store) => of(s).list().filter(owned) as unknown as Stored[],
    update: (s: Store, id: string, patch: Stored) => {
      of(s).update(id, patch as Partial<T>);
    },
    remove: (s: Store, id: string) => {
      of(s).delete(id);
    },
  };
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v);
const sameSet = (a: unknown, b: unknown) => canon(sorted(a)) === canon(sorted(b));

type Eq = (declared: unknown, stored: unknown) => boolean;

/** The keys of the objects a record names by id (an unknown id shows as null, so it never matches). */
const keysOf = (ids: unknown, key: (id: string) => string | undefined) =>
  (ids as string[]).map((id) => key(id) ?? null);
const roleKey = (store: Store) => (id: string) => store.roles.get(id)?.key;

/**
 * Compares each declared argument with the stored field of the same name in snake_case, unless `fields`
 * maps it elsewhere (a function of the record and the store) or to null (not compared here).
 */
function declaredFields(
  fields: Record<string, ((s: Stored, store: Store) => unknown) | null> = {},
  eq: Record<string, Eq> = {},
): (args: Args, stored: Stored, store: Store) => string[] {
  return (args, stored, store) => {
    const out: string[] = [];
    for (const [key, want] of Object.entries(args)) {
      if (want === undefined) continue;
      const field = fields[key];
      if (field === null) continue;
      const got = field ? field(stored, store) : stored[snake(key)];
      const same = eq[key] ?? ((a, b) => canon(a) === canon(b));
      if (!same(want, got)) out.push(`${key}: declared ${canon(want)}, Clerk holds ${canon(got)}`);
    }
    return out;
  };
}

const other = <T>(r: Prng, items: readonly T[], not: unknown): T => r.pick(items.filter((x) => x !== not));
const flip = (v: unknown) => !(v ?? false);
const SCOPES = ["profile", "email", "openid", "public_metadata", "private_metadata"] as const;
// Codes Clerk accepts (its high-cost SMS destinations; emulator/routes/instance.ts): others are dropped.
const COUNTRIES = ["AF", "AM", "AZ", "BD", "BY", "CN"] as const;
const SYSTEM_ROLES = ["org:admin", "org:member"];
// Some of the system permissions every instance starts with (emulator/seed.ts): a role may only name
// permissions that exist, and these always do.
const SYSTEM_PERMISSIONS = [
  "org:sys_memberships:read",
  "org:sys_memberships:manage",
  "org:sys_profile:manage",
  "org:sys_domains:read",
] as const;
const SCIM_PROVIDERS = ["okta", "azure", "custom"] as const;
const ENROLLMENT_MODES = ["manual_invitation", "automatic_invitation", "automatic_suggestion"] as const;

function identifierType(
  prefix: string,
  domain: string,
): Omit<CollectionGenerator, "list" | "update" | "remove"> {
  return {
    kind: "collection",
    key: "identifier",
    make: (r) => ({ identifier: `${prefix}${r.unique()}@${domain}` }),
    replacing: (r) => ({ identifier: `${prefix}${r.unique()}@${domain}` }),
    compare: declaredFields(),
    create: (r) => ({
      path: `/${prefix === "allow" ? "allowlist" : "blocklist"}_identifiers`,
      body: { identifier: `oob-${prefix}${r.unique()}@${domain}` },
    }),
  };
}

/**
 * Registered types the generated programs do not make yet, each with why. These live behind Clerk's
 * Platform API (a workspace key, an application id), which the generated programs' stacks do not
 * configure; their create, update, refresh, adoption and destroy are proven through the engine by
 * test/e2e/config-document.test.ts and test/e2e/application.test.ts instead. The guard in
 * test/unit/generated-table.test.ts still names any other type without a generator.
 */
export const NOT_GENERATED: Readonly<Record<string, string>> = {
  Application: "creates a whole application: the generated stacks work inside one instance",
  SocialConnection: "a configuration-document entry (Platform API)",
  CustomOAuthProvider: "a configuration-document entry (Platform API)",
  BillingPlan: "a configuration-document entry (Platform API)",
  BillingFeature: "a configuration-document entry (Platform API)",
};

export const GENERATORS: Readonly<Record<string, Generator>> = {
  RedirectUrl: {
    kind: "collection",
    key: "url",
    ...storeOps((s) => s.redirectUrls),
    make: (r) => ({
      url: r.chance(0.5) ? `myapp://cb/${r.unique()}` : `https://app${r.unique()}.example.com/cb`,
    }),
    replacing: (r) => ({ url: `myapp://moved/${r.unique()}` }),
    compare: declaredFields(),
    create: (r) => ({ path: "/redirect_urls", body: { url: `myapp://oob/${r.unique()}` } }),
  },
  AllowlistIdentifier: {
    ...identifierType("allow", "example.com"),
    kind: "collection",
    ...storeOps((s) => s.allowlistIdentifiers),
  },
  BlocklistIdentifier: {
    ...identifierType("block", "example.net"),
    kind: "collection",
    ...storeOps((s) => s.blocklistIdentifiers),
  },
  JwtTemplate: {
    kind: "collection",
    key: "name",
    secretArgs: ["signingKey"],
    ...storeOps((s) => s.jwtTemplates),
    make: (r) => ({
      name: `tmpl-${r.unique()}`,
      claims: { role: r.pick(["authenticated", "admin", "reader"]), n: r.int(0, 99) },
      ...(r.chance(0.6) ? { lifetime: r.int(30, 3600) } : {}),
      ...(r.chance(0.3) ? { allowedClockSkew: r.int(0, 300) } : {}),
      ...(r.chance(0.3) ? { signingAlgorithm: "HS256", signingKey: `hs256-key-${r.unique()}` } : {}),
    }),
    inPlace: (r, a) => {
      const next = { ...a };
      const what = r.pick(["lifetime", "claims", "name", "signingKey"] as const);
      if (what === "lifetime") next.lifetime = r.int(30, 3600);
      if (what === "claims") next.claims = { role: "changed", n: r.int(100, 199) };
      if (what === "name") next.name = `tmpl-${r.unique()}`;
      if (what === "signingKey") {
        if (next.signingKey === undefined)
          Object.assign(next, { signingAlgorithm: "HS256", signingKey: `hs256-key-${r.unique()}` });
        else {
          delete next.signingKey;
          delete next.signingAlgorithm;
        }
      }
      return next;
    },
    compare: (args, stored, store) => [
      ...declaredFields({ signingKey: (s) => s.signing_key })(args, stored, store),
      ...(stored.custom_signing_key !== (args.signingKey !== undefined)
        ? [
            `custom_signing_key: Clerk holds ${String(stored.custom_signing_key)}, declared key ${args.signingKey === undefined ? "absent" : "present"}`,
          ]
        : []),
    ],
    edit: (r, s) =>
      r.chance(0.5) ? { lifetime: Number(s.lifetime) + 7 } : { claims: { edited: "in dashboard" } },
    create: (r) => ({
      path: "/jwt_templates",
      body: { name: `oob-tmpl-${r.unique()}`, claims: { oob: true } },
    }),
  },
  OAuthApplication: {
    kind: "collection",
    ...storeOps((s) => s.oauthApplications),
    make: (r) => {
      const n = r.unique();
      return {
        name: `App ${n}`,
        redirectUris: [`https://app${n}.example.com/callback`],
        scopes: r.subset(SCOPES, 1),
        ...(r.chance(0.5) ? { consentScreenEnabled: r.chance(0.5) } : {}),
        ...(r.chance(0.3) ? { public: r.chance(0.5) } : {}),
      };
    },
    inPlace: (r, a) => {
      const what = r.pick(["name", "scopes", "redirectUris", "consentScreenEnabled"] as const);
      if (what === "name") return { ...a, name: `App ${r.unique()} renamed` };
      if (what === "scopes") return { ...a, scopes: r.subset(SCOPES, 1) };
      if (what === "redirectUris")
        return { ...a, redirectUris: [`https://app${r.unique()}.example.com/cb2`] };
      return { ...a, consentScreenEnabled: flip(a.consentScreenEnabled) };
    },
    replacing: (_r, a) => ({ ...a, public: flip(a.public) }),
    compare: declaredFields(
      {
        scopes: (s) =>
          String(s.scopes)
            .split(" ")
            .filter((x) => x !== "offline_access" && x !== ""),
      },
      { scopes: sameSet, redirectUris: sameSet },
    ),
    edit: (r, s) =>
      r.chance(0.5)
        ? { name: `${String(s.name)} (edited)` }
        : { consent_screen_enabled: !s.consent_screen_enabled },
  },
  Domain: {
    kind: "collection",
    key: "name",
    ...storeOps(
      (s) => s.domains,
      (d) => d.is_satellite,
    ),
    make: (r) => ({
      name: `sat${r.unique()}.example.com`,
      ...(r.chance(0.3) ? { proxyUrl: `https://proxy${r.unique()}.example.com/__clerk` } : {}),
      ...(r.chance(0.3) ? { isSecondary: r.chance(0.5) } : {}),
    }),
    inPlace: (r, a) =>
      r.chance(0.5)
        ? { ...a, name: `sat${r.unique()}.example.com` }
        : {
            ...a,
            proxyUrl: a.proxyUrl === undefined ? `https://proxy${r.unique()}.example.com/__clerk` : "",
          },
    compare: declaredFields(
      { proxyUrl: (s) => s.proxy_url ?? "" },
      { proxyUrl: (want, got) => (want ?? "") === got },
    ),
    edit: (r) => ({ proxy_url: `https://edited${r.unique()}.example.com/__clerk` }),
  },
  SamlConnection: {
    kind: "collection",
    ...storeOps((s) => s.samlConnections),
    make: (r) => {
      const n = r.unique();
      return {
        name: `SAML ${n}`,
        domains: [`sso${n}.example.com`],
        provider: r.pick(["saml_custom", "saml_okta", "saml_google", "saml_microsoft"]),
        idpEntityId: `https://idp${n}.example.com/entity`,
        idpSsoUrl: `https://idp${n}.example.com/sso`,
        idpCertificate: TEST_CERTIFICATE,
        ...(r.chance(0.5) ? { active: r.chance(0.5) } : {}),
      };
    },
    inPlace: (r, a) => {
      const what = r.pick(["name", "active", "domains"] as const);
      if (what === "name") return { ...a, name: `SAML ${r.unique()} renamed` };
      if (what === "active") return { ...a, active: flip(a.active) };
      return { ...a, domains: [...(a.domains as string[]), `sso${r.unique()}.example.org`] };
    },
    replacing: (r, a) => ({
      ...a,
      provider: other(r, ["saml_custom", "saml_okta", "saml_google", "saml_microsoft"], a.provider),
    }),
    compare: declaredFields({ idpCertificate: null }, { domains: sameSet }),
    edit: (r, s) => (r.chance(0.5) ? { name: `${String(s.name)} (edited)` } : { active: !s.active }),
  },
  EnterpriseConnection: {
    kind: "collection",
    secretArgs: ["oidc"],
    ...storeOps((s) => s.enterpriseConnections),
    make: (r) => {
      const n = r.unique();
      return {
        name: `Corp ${n}`,
        domains: [`corp${n}.example.com`],
        ...enterpriseProtocol(r, r.chance(0.5) ? "oidc_custom" : "saml_custom"),
        ...(r.chance(0.4) ? { active: r.chance(0.5) } : {}),
      };
    },
    inPlace: (r, a) =>
      r.chance(0.5) ? { ...a, name: `Corp ${r.unique()} renamed` } : { ...a, active: flip(a.active) },
    replacing: (r, a) => {
      const { oidc: _o, saml: _s, ...rest } = a;
      return {
        ...rest,
        ...enterpriseProtocol(r, a.provider === "oidc_custom" ? "saml_custom" : "oidc_custom"),
      };
    },
    compare: declaredFields(
      {
        oidc: (s) => {
          const o = s.oidc as Stored | null;
          return o && { clientId: o.client_id, clientSecret: o.client_secret, discoveryUrl: o.discovery_url };
        },
        saml: (s) => {
          const o = s.saml as Stored | null;
          return o && { idpEntityId: o.idp_entity_id, idpSsoUrl: o.idp_sso_url };
        },
      },
      {
        domains: sameSet,
        saml: (want, got) => {
          const w = want as Args;
          return canon({ idpEntityId: w.idpEntityId, idpSsoUrl: w.idpSsoUrl }) === canon(got);
        },
      },
    ),
    edit: (r, s) => (r.chance(0.5) ? { name: `${String(s.name)} (edited)` } : { active: !s.active }),
  },
  OrganizationPermission: {
    kind: "collection",
    // The system permissions (org:sys_*) come with every instance: no program owns them.
    ...storeOps(
      (s) => s.permissions,
      (p) => p.type === "user",
    ),
    make: (r) => {
      const n = r.unique();
      return {
        key: `org:gen${n}:${r.pick(["read", "manage", "delete"])}`,
        name: `Permission ${n}`,
        ...(r.chance(0.5) ? { description: `made by seed ${r.seed}` } : {}),
      };
    },
    inPlace: (r, a) =>
      r.chance(0.5)
        ? { ...a, name: `Permission ${r.unique()} renamed` }
        : { ...a, description: `changed ${r.unique()}` },
    compare: declaredFields(),
    edit: (r) => ({ name: `Edited permission ${r.unique()}` }),
    create: (r) => ({
      path: "/organization_permissions",
      body: { key: `org:oob${r.unique()}:read`, name: "Made in the dashboard" },
    }),
  },
  OrganizationRole: {
    kind: "collection",
    ...storeOps(
      (s) => s.roles,
      (x) => !SYSTEM_ROLES.includes(x.key),
    ),
    make: (r) => {
      const n = r.unique();
      return {
        key: `org:gen_role${n}`,
        name: `Role ${n}`,
        ...(r.chance(0.5) ? { description: `made by seed ${r.seed}` } : {}),
        ...(r.chance(0.7) ? { permissions: r.subset(SYSTEM_PERMISSIONS) } : {}),
      };
    },
    inPlace: (r, a) => {
      const what = r.pick(["name", "description", "permissions"] as const);
      if (what === "name") return { ...a, name: `Role ${r.unique()} renamed` };
      if (what === "description") return { ...a, description: `changed ${r.unique()}` };
      return { ...a, permissions: r.subset(SYSTEM_PERMISSIONS) };
    },
    // Clerk stores permission ids, the program declares keys (a set).
    compare: declaredFields(
      { permissions: (s, store) => keysOf(s.permissions, (id) => store.permissions.get(id)?.key) },
      { permissions: sameSet },
    ),
    edit: (r) => ({ name: `Edited role ${r.unique()}` }),
  },
  RoleSet: {
    kind: "collection",
    ...storeOps(
      (s) => s.roleSets,
      (x) => x.key !== "role_set:default",
    ),
    make: (r) => {
      const n = r.unique();
      const roles = r.chance(0.5) ? ["org:admin", "org:member"] : ["org:admin"];
      return {
        key: `role_set:gen${n}`,
        name: `Role set ${n}`,
        roles,
        defaultRoleKey: r.pick(roles),
        // The creator must be able to manage members: of the system roles, only org:admin can.
        creatorRoleKey: "org:admin",
        ...(r.chance(0.4) ? { description: `made by seed ${r.seed}` } : {}),
      };
    },
    inPlace: (r, a) => {
      const what = r.pick(["name", "description", "roles"] as const);
      if (what === "name") return { ...a, name: `Role set ${r.unique()} renamed` };
      if (what === "description") return { ...a, description: `changed ${r.unique()}` };
      // Adds or removes org:member (POST …/roles, …/roles/replace); the default stays among the roles.
      return (a.roles as string[]).includes("org:member")
        ? { ...a, roles: ["org:admin"], defaultRoleKey: "org:admin" }
        : { ...a, roles: ["org:admin", "org:member"] };
    },
    // Roles are stored by id, the program declares keys (roles as a set).
    compare: declaredFields(
      {
        roles: (s, store) => keysOf(s.role_ids, roleKey(store)),
        defaultRoleKey: (s, store) => roleKey(store)(String(s.default_role_id)),
        creatorRoleKey: (s, store) => roleKey(store)(String(s.creator_role_id)),
      },
      { roles: sameSet },
    ),
    edit: (r) => ({ name: `Edited role set ${r.unique()}` }),
  },
  Machine: {
    kind: "collection",
    // Its secret key is an output, never an argument: nothing to pass as a secret.
    ...storeOps((s) => s.machines),
    lostCreateFails: true,
    make: (r) => ({
      name: `machine-${r.unique()}`,
      ...(r.chance(0.5) ? { defaultTokenTtl: r.int(60, 86_400) } : {}),
    }),
    inPlace: (r, a) => {
      const what = r.pick(["name", "defaultTokenTtl", "rotateSecretKey"] as const);
      if (what === "name") return { ...a, name: `machine-${r.unique()}-renamed` };
      if (what === "defaultTokenTtl") return { ...a, defaultTokenTtl: r.int(60, 86_400) };
      // A rotation trigger (POST …/secret_key/rotate), never sent to Clerk as a field.
      return { ...a, rotateSecretKey: r.unique() };
    },
    compare: declaredFields({ rotateSecretKey: null }),
    edit: (r, s) =>
      r.chance(0.5)
        ? { name: `${String(s.name)}-edited` }
        : { default_token_ttl: Number(s.default_token_ttl) + 11 },
    create: (r) => ({ path: "/machines", body: { name: `oob-machine-${r.unique()}` } }),
  },
  Organization: {
    kind: "collection",
    ...storeOps((s) => s.organizations),
    make: (r) => {
      const n = r.unique();
      return {
        name: `Org ${n}`,
        // Always a slug: it is the natural key a lost create is recovered by; without one such a create
        // fails by design (docs/resources/organization.md), which is not what this test looks for.
        slug: `org-${n}`,
        ...(r.chance(0.5) ? { maxAllowedMemberships: r.int(1, 50) } : {}),
        ...(r.chance(0.3) ? { adminDeleteEnabled: r.chance(0.5) } : {}),
        ...(r.chance(0.3) ? { publicMetadata: { tier: r.pick(["free", "pro"]) } } : {}),
      };
    },
    inPlace: (r, a) => {
      const what = r.pick(["name", "maxAllowedMemberships", "publicMetadata"] as const);
      if (what === "name") return { ...a, name: `Org ${r.unique()} renamed` };
      if (what === "maxAllowedMemberships") return { ...a, maxAllowedMemberships: r.int(51, 100) };
      return { ...a, publicMetadata: { tier: "enterprise", n: r.int(0, 9) } };
    },
    compare: declaredFields(),
    edit: (r, s) =>
      r.chance(0.5)
        ? { name: `${String(s.name)} (edited)` }
        : { max_allowed_memberships: Number(s.max_allowed_memberships) + 5 },
    update: (s, id, patch) => {
      s.organizations.update(id, patch);
    },
    // Deleting an organization in the dashboard deletes its domains with it (as DELETE /organizations does).
    remove: (s, id) => {
      for (const d of s.organizationDomains.list())
        if (d.organization_id === id) s.organizationDomains.delete(d.id);
      s.organizations.delete(id);
    },
    create: (r) => ({ path: "/organizations", body: { name: `OOB org ${r.unique()}` } }),
  },
  OrganizationDomain: {
    kind: "collection",
    parent: { type: "Organization", arg: "organizationId", exampleId: "org_example" },
    ...storeOps((s) => s.organizationDomains),
    make: (r) => ({
      name: `d${r.unique()}.example.org`,
      ...(r.chance(0.5) ? { enrollmentMode: r.pick(ENROLLMENT_MODES) } : {}),
    }),
    inPlace: (r, a) => ({ ...a, enrollmentMode: other(r, ENROLLMENT_MODES, a.enrollmentMode) }),
    replacing: (r, a) => ({ ...a, name: `d${r.unique()}.example.org` }),
    compare: declaredFields(),
    edit: (r, s) => ({ enrollment_mode: other(r, ENROLLMENT_MODES, s.enrollment_mode) }),
  },
  ScimDirectory: {
    kind: "collection",
    parent: { type: "EnterpriseConnection", arg: "enterpriseConnectionId", exampleId: "entc_example" },
    ...storeOps((s) => s.scimDirectories),
    lostCreateFails: true,
    make: (r) => ({
      provider: r.pick(SCIM_PROVIDERS),
      ...(r.chance(0.6) ? { name: `SCIM ${r.unique()}` } : {}),
      ...(r.chance(0.4) ? { enabled: r.chance(0.5) } : {}),
      ...(r.chance(0.3) ? { attributeMapping: { user_name: "emails[primary eq true].value" } } : {}),
    }),
    inPlace: (r, a) => {
      const what = r.pick(["name", "enabled", "provider"] as const);
      if (what === "name") return { ...a, name: `SCIM ${r.unique()} renamed` };
      if (what === "enabled") return { ...a, enabled: flip(a.enabled) };
      return { ...a, provider: other(r, SCIM_PROVIDERS, a.provider) };
    },
    // Only the declared keys of the attribute mapping are the program's (Clerk keeps the others).
    compare: declaredFields(
      {},
      {
        attributeMapping: (want, got) =>
          Object.entries(want as Args).every(([k, v]) => (got as Args | null)?.[k] === v),
      },
    ),
    edit: (r, s) => (r.chance(0.5) ? { name: `${String(s.name)} (edited)` } : { enabled: !s.enabled }),
  },
  InstanceSettings: {
    kind: "singleton",
    read: (s) => s.instance.get() as unknown as Stored,
    // Clerk answers only allowed_origins of these: the others cannot be edited out of band visibly.
    make: (r) => ({
      supportEmail: `help${r.unique()}@example.com`,
      ...(r.chance(0.5) ? { hibp: r.chance(0.5) } : {}),
    }),
    change: (r, a) =>
      r.chance(0.5) ? { ...a, supportEmail: `help${r.unique()}@example.com` } : { ...a, hibp: flip(a.hibp) },
    compare: declaredFields(),
  },
  InstanceRestrictions: {
    kind: "singleton",
    read: (s) => s.restrictions.get() as unknown as Stored,
    make: (r) => ({ allowlist: r.chance(0.5), blocklist: r.chance(0.5) }),
    change: (r, a) =>
      r.chance(0.5)
        ? { ...a, allowlist: flip(a.allowlist) }
        : { ...a, blockEmailSubaddresses: r.chance(0.5) },
    compare: declaredFields(),
    edit: (_r, s) =>
      s.restrictions.patch({ blocklist: !s.restrictions.get().blocklist }) as unknown as Stored,
  },
  OrganizationSettings: {
    kind: "singleton",
    read: (s) => s.organizationSettings.get() as unknown as Stored,
    // Always enabled: the generated programs declare organizations (see generated-programs.test.ts).
    make: (r) => ({ enabled: true, maxAllowedMemberships: r.int(1, 50) }),
    change: (r, a) => ({ ...a, maxAllowedMemberships: r.int(51, 100) }),
    compare: declaredFields(),
    edit: (r, s) =>
      s.organizationSettings.patch({ max_allowed_memberships: r.int(200, 300) }) as unknown as Stored,
  },
  OAuthApplicationSettings: {
    kind: "singleton",
    read: (s) => s.oauthApplicationSettings.get() as unknown as Stored,
    make: (r) => ({ defaultScopes: r.subset(["openid", "email", "profile"], 1) }),
    change: (r, a) =>
      r.chance(0.5)
        ? { ...a, defaultScopes: r.subset(["openid", "email", "profile"], 1) }
        : { ...a, oauthJwtAccessTokens: r.chance(0.5) },
    compare: declaredFields({}, { defaultScopes: sameSet }),
    edit: (_r, s) => s.oauthApplicationSettings.patch({ default_scopes: ["openid"] }) as unknown as Stored,
  },
  InstanceCommunication: {
    kind: "singleton",
    read: (s) => s.communication.get() as unknown as Stored,
    make: (r) => ({ blockedCountryCodes: r.subset(COUNTRIES) }),
    change: (r, a) => ({ ...a, blockedCountryCodes: r.subset(COUNTRIES, 1) }),
    compare: declaredFields({}, { blockedCountryCodes: sameSet }),
    edit: (_r, s) => s.communication.patch({ blocked_country_codes: ["US"] }) as unknown as Stored,
  },
  InstanceProtect: {
    kind: "singleton",
    read: (s) => s.protect.get() as unknown as Stored,
    make: (r) => ({ rulesEnabled: r.chance(0.5) }),
    change: (r, a) =>
      r.chance(0.5) ? { ...a, rulesEnabled: flip(a.rulesEnabled) } : { ...a, specterEnabled: r.chance(0.5) },
    compare: declaredFields(),
    edit: (_r, s) => s.protect.patch({ rules_enabled: !s.protect.get().rules_enabled }) as unknown as Stored,
  },
  // One Svix app per instance, made by create and removed by destroy (unlike the settings singletons,
  // which a stack only stops managing): its one argument asks for a fresh dashboard link.
  SvixWebhooks: {
    kind: "singleton",
    read: (s) => s.svix.get() as unknown as Stored,
    make: (r) => (r.chance(0.5) ? { renewDashboardUrl: r.int(1, 9) } : {}),
    change: (r, a) => ({ ...a, renewDashboardUrl: r.unique() }),
    compare: (_args, stored) =>
      stored.enabled === true ? [] : ["declared SvixWebhooks, but the instance's Svix app is disabled"],
    // Disabled in the dashboard: refresh finds it gone and `up` enables it again.
    edit: (_r, s) => s.svix.patch({ enabled: false }) as unknown as Stored,
  },
};

function enterpriseProtocol(r: Prng, provider: "oidc_custom" | "saml_custom"): Args {
  const n = r.unique();
  return provider === "oidc_custom"
    ? {
        provider,
        oidc: {
          clientId: `client-${n}`,
          clientSecret: `oidc-secret-${n}`,
          discoveryUrl: `https://idp${n}.example.com/.well-known/openid-configuration`,
        },
      }
    : {
        provider,
        saml: {
          idpEntityId: `https://idp${n}.example.com/entity`,
          idpSsoUrl: `https://idp${n}.example.com/sso`,
          idpCertificate: TEST_CERTIFICATE,
        },
      };
}
