import { describe, expect, it } from "vitest";
import { Store } from "../../emulator/store";
import { definitions } from "../../provider/runtime/registry";
import { convergenceProblems, TYPE_PREFIX } from "../support/generated/converge";
import { Prng } from "../support/generated/prng";
import { generateVersions, MAX_RESOURCES, MIN_RESOURCES } from "../support/generated/programs";
import { type CollectionGenerator, GENERATORS, isRef, NOT_GENERATED } from "../support/generated/table";

// The generator table of test/e2e/generated-programs.test.ts must keep up with the registry: a resource
// type without a generator would silently never meet a generated program.
const isSingleton = (type: string) => definitions.get(type)?.export?.singleton === true;
/** The types a generated program may create: every registered non-singleton but the listed exceptions. */
const creatableTypes = () =>
  [...definitions.keys()].filter((t) => !isSingleton(t) && NOT_GENERATED[t] === undefined);
const CI_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

describe("generated programs: the generator table", () => {
  it("has a generator for every registered creatable resource type", () => {
    const missing = creatableTypes().filter((t) => GENERATORS[t] === undefined);
    expect(
      missing,
      `add an entry for each to GENERATORS in test/support/generated/table.ts (see its header)`,
    ).toEqual([]);
  });

  it("lists as not generated only registered types that have no generator", () => {
    for (const type of Object.keys(NOT_GENERATED)) {
      expect(definitions.has(type), `${type} is not a registered resource type`).toBe(true);
      expect(GENERATORS[type], `${type} has a generator: take it off NOT_GENERATED`).toBeUndefined();
    }
  });

  it("names only registered types, as collections or singletons as the registry says", () => {
    for (const [type, g] of Object.entries(GENERATORS)) {
      expect(definitions.has(type), `${type} is not a registered resource type`).toBe(true);
      expect(g.kind, type).toBe(isSingleton(type) ? "singleton" : "collection");
    }
  });

  it("makes arguments every resource's own input check accepts, in every version of 50 seeds", () => {
    for (let seed = 1; seed <= 50; seed++) {
      for (const v of generateVersions(new Prng(seed), 8)) {
        for (const d of v.resources) {
          // A reference to another resource's id stands for an id of the parent's kind.
          const parent = (GENERATORS[d.type] as CollectionGenerator).parent;
          const args = Object.fromEntries(
            Object.entries(d.args).map(([k, x]) => [k, isRef(x) ? parent?.exampleId : x]),
          );
          const parsed = definitions.get(d.type)?.inputs.safeParse(args);
          expect(parsed?.success, `seed ${seed} v${v.index} ${d.name}: ${parsed?.error?.message}`).toBe(true);
        }
      }
    }
  });

  it("keeps 5 to 12 resources with unique names, and the CI seeds cover every creatable type", () => {
    for (const seed of CI_SEEDS) {
      const seen = new Set<string>();
      for (const v of generateVersions(new Prng(seed), 8)) {
        expect(v.resources.length).toBeGreaterThanOrEqual(MIN_RESOURCES);
        expect(v.resources.length).toBeLessThanOrEqual(MAX_RESOURCES);
        expect(new Set(v.resources.map((d) => d.name)).size).toBe(v.resources.length);
        for (const d of v.resources) seen.add(d.type);
      }
      expect(
        creatableTypes().filter((t) => !seen.has(t)),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });

  it("declares a referenced resource before its referrers, and never removes it while referenced", () => {
    for (let seed = 1; seed <= 50; seed++) {
      for (const v of generateVersions(new Prng(seed), 8)) {
        const names = v.resources.map((d) => d.name);
        v.resources.forEach((d, i) => {
          for (const [k, x] of Object.entries(d.args)) {
            if (!isRef(x)) continue;
            const at = names.indexOf(x.ref);
            expect(at, `seed ${seed} v${v.index} ${d.name}.${k} -> ${x.ref}`).toBeGreaterThanOrEqual(0);
            expect(at, `seed ${seed} v${v.index} ${d.name}.${k} -> ${x.ref}`).toBeLessThan(i);
          }
        });
      }
    }
  });

  it("judges a reference by the id the stack holds for the referenced resource", () => {
    const store = new Store();
    const stamp = { created_at: 1, updated_at: 1 };
    for (const id of ["org_a", "org_b"])
      store.organizations.insert({
        id,
        name: id,
        slug: id.replace("_", "-"),
        max_allowed_memberships: 5,
        admin_delete_enabled: true,
        public_metadata: null,
        private_metadata: null,
        created_by: null,
        role_set_key: null,
        ...stamp,
      });
    const affiliation = { status: "verified" as const, strategy: "admin", verified_at: 1 };
    store.organizationDomains.insert({
      id: "orgdmn_1",
      organization_id: "org_b",
      name: "x.example.org",
      enrollment_mode: "manual_invitation",
      affiliation,
      ownership: null,
      ...stamp,
    });
    const declared = [
      { type: "Organization", name: "a", args: { name: "org_a" } },
      { type: "Organization", name: "b", args: { name: "org_b" } },
      {
        type: "OrganizationDomain",
        name: "d",
        args: { organizationId: { ref: "a", output: "id" }, name: "x.example.org" },
      },
    ];
    const state = [
      { urn: "urn:x::a", type: `${TYPE_PREFIX}Organization`, id: "org_a" },
      { urn: "urn:x::b", type: `${TYPE_PREFIX}Organization`, id: "org_b" },
      { urn: "urn:x::d", type: `${TYPE_PREFIX}OrganizationDomain`, id: "orgdmn_1" },
    ];
    expect(convergenceProblems(store, declared, state, new Map())).toEqual([
      'd (OrganizationDomain orgdmn_1): organizationId: declared "org_a", Clerk holds "org_b"',
    ]);
    store.organizationDomains.update("orgdmn_1", { organization_id: "org_a" });
    expect(convergenceProblems(store, declared, state, new Map())).toEqual([]);
  });

  it("replays: the same seed gives the same versions, another seed other ones", () => {
    const a = JSON.stringify(generateVersions(new Prng(1234), 8));
    expect(JSON.stringify(generateVersions(new Prng(1234), 8))).toBe(a);
    expect(JSON.stringify(generateVersions(new Prng(1235), 8))).not.toBe(a);
  });
});
