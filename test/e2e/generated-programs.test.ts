import { describe, it } from "vitest";
import { type Emulator, type FaultConfig, startEmulator } from "../../emulator";
import { convergenceProblems, TYPE_PREFIX } from "../support/generated/converge";
import { Prng } from "../support/generated/prng";
import { type Decl, describeVersion, generateVersions, type Version } from "../support/generated/programs";
import { type CollectionGenerator, GENERATORS, type SingletonGenerator } from "../support/generated/table";
import { createTestStack, type TestStack } from "./harness";

// Issue 16: search for failures instead of replaying known ones. Per seed, a sequence of program versions
// over every creatable resource type (test/support/generated/), each applied with `pulumi up` against an
// emulator that injects faults (429, 5xx, dropped connections, answers lost after commit), with random
// out-of-band edits between versions (then `up --refresh`, as a user would). After every version the
// emulator's own store must hold exactly the declared objects with the declared values and nothing
// untracked, and the next preview must be empty and send zero requests; at the end, destroy must leave
// only what the test made out of band.
//
//   one seed:  CLERK_GEN_SEED=1234 npm exec -- vitest run test/e2e/generated-programs.test.ts
//   others:    CLERK_GEN_SEEDS=1-10 (default), CLERK_GEN_SEEDS=3,17,40; CLERK_GEN_VERSIONS=12 (default 8)
const KEY = "sk_test_e2e_generated_0123456789";

function seedsFromEnv(): number[] {
  const text = process.env.CLERK_GEN_SEED ?? process.env.CLERK_GEN_SEEDS ?? "1-10";
  return text.split(",").flatMap((part) => {
    const [lo, hi] = part.split("-").map((x) => Number.parseInt(x.trim(), 10));
    if (lo === undefined || Number.isNaN(lo)) throw new Error(`CLERK_GEN_SEEDS: not a seed list: ${text}`);
    return hi === undefined ? [lo] : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  });
}
const SEEDS = seedsFromEnv();
const VERSIONS = Number(process.env.CLERK_GEN_VERSIONS ?? 8);

/** Each version meets its own fault sequence, so a seed's faults do not depend on earlier versions' traffic. */
const faultsFor = (seed: number, version: number, attempt = 0): FaultConfig => ({
  seed: seed * 1000 + version + attempt * 500,
  rate429: 0.03,
  rate5xx: 0.06,
  rateDrop: 0.04,
  dropAfterCommit: 0.1,
});

interface Journal {
  lines: string[];
  faults: string[];
  /** The requests of the last `up`, in order: shown when its version does not converge. */
  lastUp?: string[];
}

describe("generated programs under faults converge", () => {
  it.concurrent.each(SEEDS)(
    "seed %i: every version converges, previews are empty and free, destroy leaves nothing",
    async (seed) => {
      const versions = generateVersions(new Prng(seed), VERSIONS);
      const journal: Journal = { lines: [], faults: [] };
      let reached = -1;
      let emu: Emulator | undefined;
      let stack: TestStack | undefined;
      try {
        emu = await startEmulator({ port: 0 });
        // An instance whose programs declare organizations has them enabled (in the dashboard, or by an
        // OrganizationSettings the program may stop managing): a fresh emulator has them off, and every
        // Organization create would fail for a reason no such user meets. The OrganizationSettings
        // generator never turns them off.
        emu.store.organizationSettings.patch({ enabled: true });
        stack = await createTestStack({
          name: `generated-${seed}`,
          program: "fixtures/clerk-program.cjs",
          apiUrl: emu.url,
          secretKey: KEY,
          params: { resources: [] },
        });
        // Out-of-band actions draw from their own stream: changing them never changes the versions.
        const oob = new Prng(seed ^ 0x5eed);
        const outOfBand = new Map<string, string>();
        let refresh = false;
        for (const v of versions) {
          reached = v.index;
          await apply(emu, stack, seed, v, refresh, journal, outOfBand);
          const state = await stack.exportState();
          const problems = convergenceProblems(emu.store, v.resources, state.resources, outOfBand);
          if (problems.length > 0)
            throw new Error(
              `version ${v.index} did not converge:\n  ${problems.join("\n  ")}\nits up sent: ${journal.lastUp?.join("; ")}`,
            );
          emu.clearRequests();
          const preview = await stack.preview();
          const { create, update, delete: del, replace } = preview.summary;
          const requests = emu.requests().map((x) => `${x.method} ${x.path}`);
          if (create + update + del + replace > 0 || requests.length > 0)
            throw new Error(
              `version ${v.index}: the preview after up is not empty and free: ${JSON.stringify(preview.summary)}, requests: ${requests.join(", ") || "none"}`,
            );
          const actions = await editOutOfBand(oob, emu, v.resources, state.resources, outOfBand);
          for (const a of actions) journal.lines.push(`after v${v.index}, out of band: ${a}`);
          refresh = actions.length > 0;
        }
        reached = versions.length;
        emu.configure({ faults: faultsFor(seed, versions.length) });
        emu.clearRequests();
        const destroy = await stack.attempt("destroy", refresh ? { options: { refresh: true } } : {});
        collectFaults(emu, "destroy", journal);
        emu.configure({ faults: null });
        if (!destroy.ok) throw new Error(`destroy failed: ${destroy.message}`);
        const left = Object.entries(GENERATORS).flatMap(([type, g]) =>
          g.kind === "collection"
            ? g
                .list(emu?.store as Emulator["store"])
                .filter((o) => !outOfBand.has(String(o.id)))
                .map((o) => `${type} ${String(o.id)}`)
            : [],
        );
        if (left.length > 0) throw new Error(`destroy left objects in Clerk: ${left.join(", ")}`);
        const faults = journal.faults.length;
        console.log(
          `generated programs seed ${seed}: ${versions.length} versions, ${faults} faults met, ${journal.lines.length} notes`,
        );
        // A seed that met no fault tested nothing this test is for.
        if (faults === 0) throw new Error("no fault was injected: the fault rates are too low for this seed");
      } catch (err) {
        throw new Error(report(seed, versions, reached, journal, err));
      } finally {
        await stack?.cleanup();
        await emu?.close();
      }
    },
    // A seed runs about 25 engine operations; on a loaded 2-core machine that takes minutes.
    30 * 60_000,
  );
});

/**
 * `pulumi up` of one version under faults; any failure fails the seed. A version that moves a unique
 * value from one resource to another converges in this one `up` too: the new holder's create waits for
 * the old holder's update or delete-first replacement to let go of it (provider/runtime/generic.ts).
 */
async function apply(
  emu: Emulator,
  stack: TestStack,
  seed: number,
  v: Version,
  refresh: boolean,
  journal: Journal,
  outOfBand: ReadonlyMap<string, string>,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    emu.configure({ faults: faultsFor(seed, v.index, attempt) });
    emu.clearRequests();
    const outcome = await stack.attempt("up", {
      params: { resources: v.resources },
      options: refresh ? { refresh: true } : {},
    });
    const when = `v${v.index} up${attempt > 0 ? ` (again, ${attempt})` : ""}`;
    collectFaults(emu, when, journal);
    emu.configure({ faults: null });
    journal.lastUp = emu
      .requests()
      .map((x) => `${x.method} ${x.path} ${x.status}${x.fault ? ` [${x.fault}]` : ""}`);
    if (outcome.ok) return;
    const sent = emu
      .requests()
      .map((x) => `${x.method} ${x.path} ${x.status}${x.fault ? ` [${x.fault}]` : ""}`);
    const steps = outcome.steps.filter((x) => x.op !== "same").map((x) => `${x.op} ${x.name}`);
    journal.lines.push(`${when}: requests in order: ${sent.join("; ")}`);
    journal.lines.push(`${when}: engine steps: ${steps.join(", ")}`);
    const lost = documentedLostCreates(outcome.diagnostics);
    if (lost.length === 0 || attempt >= 2)
      throw new Error(`pulumi up of version ${v.index} failed: ${outcome.message}`);
    // What the docs of these types tell a user (docs/resources/machine.md, scim-directory.md): delete
    // the stray object the lost create may have made, and run `up` again.
    const tracked = new Set((await stack.exportState()).resources.map((x) => x.id));
    for (const type of lost) {
      const g = GENERATORS[type] as CollectionGenerator;
      for (const o of g.list(emu.store)) {
        const id = String(o.id);
        if (tracked.has(id) || outOfBand.has(id)) continue;
        g.remove(emu.store, id);
        journal.lines.push(`${when}: a ${type} create's answer was lost: deleted the stray ${id}, up again`);
      }
    }
  }
}

/**
 * The types whose create failed only as their docs say a lost answer does (a type with
 * `lostCreateFails`, "may have reached Clerk"); empty when any resource failed otherwise.
 */
function documentedLostCreates(diagnostics: readonly { severity: string; message: string; urn?: string }[]) {
  const errors = diagnostics.filter((x) => x.severity === "error" && x.urn !== undefined);
  const types = errors.map((x) => {
    const m = /create (\w+) failed: .*may have reached Clerk/s.exec(x.message);
    const g = m ? GENERATORS[m[1] as string] : undefined;
    return g?.kind === "collection" && g.lostCreateFails ? (m?.[1] as string) : undefined;
  });
  return errors.length > 0 && types.every((t) => t !== undefined) ? [...new Set(types as string[])] : [];
}

function collectFaults(emu: Emulator, when: string, journal: Journal): void {
  for (const x of emu.requests())
    if (x.fault) journal.faults.push(`${when}: ${x.method} ${x.path} -> ${x.fault} (${x.status})`);
}

/**
 * Up to two dashboard actions on the live instance: edit or delete a declared object, edit declared
 * settings, or create an object no program declares. Returns what was done, one line each.
 */
async function editOutOfBand(
  r: Prng,
  emu: Emulator,
  declared: readonly Decl[],
  state: readonly { urn: string; type: string; id?: string }[],
  outOfBand: Map<string, string>,
): Promise<string[]> {
  const done: string[] = [];
  const idOf = (d: Decl) =>
    state.find((s) => s.type === TYPE_PREFIX + d.type && s.urn.endsWith(`::${d.name}`))?.id;
  for (let n = r.int(0, 2); n > 0; n--) {
    const kind = r.pick(["edit", "delete", "create", "settings"] as const);
    if (kind === "edit" || kind === "delete") {
      const owned = declared.filter((d) => GENERATORS[d.type]?.kind === "collection");
      if (owned.length === 0) continue;
      const d = r.pick(owned);
      const g = GENERATORS[d.type] as CollectionGenerator;
      const id = idOf(d);
      const stored = id === undefined ? undefined : g.list(emu.store).find((o) => o.id === id);
      if (id === undefined || stored === undefined) continue;
      if (kind === "delete") {
        g.remove(emu.store, id);
        done.push(`deleted ${d.name} (${id})`);
      } else {
        const patch = g.edit?.(r, stored);
        if (!patch) continue;
        g.update(emu.store, id, patch);
        done.push(`edited ${d.name} (${id}): ${JSON.stringify(patch)}`);
      }
    } else if (kind === "settings") {
      const settings = declared.filter((d) => {
        const g = GENERATORS[d.type];
        return g?.kind === "singleton" && g.edit !== undefined;
      });
      if (settings.length === 0) continue;
      const d = r.pick(settings);
      (GENERATORS[d.type] as SingletonGenerator).edit?.(r, emu.store);
      done.push(`edited settings ${d.name}`);
    } else {
      const creatable = Object.entries(GENERATORS).filter(
        (e): e is [string, CollectionGenerator] => e[1].kind === "collection" && e[1].create !== undefined,
      );
      const [type, g] = r.pick(creatable);
      const { path, body } = (g.create as NonNullable<CollectionGenerator["create"]>)(r);
      const res = await fetch(emu.url + path, {
        method: "POST",
        headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const created = (await res.json()) as { id?: string };
      if (!res.ok || !created.id) throw new Error(`out-of-band create ${path} failed: ${res.status}`);
      outOfBand.set(created.id, type);
      done.push(
        `created ${type} ${created.id} ${JSON.stringify(body)} (not declared: the stack must leave it)`,
      );
    }
  }
  return done;
}

function report(seed: number, versions: Version[], reached: number, journal: Journal, err: unknown): string {
  const shown = versions.slice(0, Math.min(reached + 1, versions.length));
  return [
    `generated programs: seed ${seed} failed at ${reached >= versions.length ? "destroy" : `version ${reached}`}`,
    `reproduce: CLERK_GEN_SEED=${seed} CLERK_GEN_VERSIONS=${versions.length} npm exec -- vitest run test/e2e/generated-programs.test.ts`,
    "",
    String((err as Error)?.message ?? err),
    "",
    "--- program versions",
    ...shown.map(describeVersion),
    "--- notes",
    ...(journal.lines.length > 0 ? journal.lines : ["(none)"]),
    `--- faults met (${journal.faults.length})`,
    ...(journal.faults.length > 0 ? journal.faults : ["(none)"]),
  ].join("\n");
}
