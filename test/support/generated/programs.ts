// Sequences of program versions for the generated-program tests: from a seed, a first program and the
// changes a team makes to it over time (add, remove, change in place, change that replaces, rename, move a
// unique value from one resource to another, change instance-wide settings). Pure: the same seed gives
// the same versions, so a failing seed replays from the command line.
import type { Prng } from "./prng";
import { type Args, type CollectionGenerator, GENERATORS, type Generator, isRef } from "./table";

/** One resource of a program, as test/e2e/fixtures/clerk-program.cjs takes it. */
export interface Decl {
  type: string;
  name: string;
  args: Args;
  secretArgs?: string[];
  opts?: { aliases?: { name: string }[] };
}

export interface Version {
  index: number;
  resources: Decl[];
  /** What changed since the previous version, one line per step. */
  steps: string[];
  /**
   * A unique value moved from one resource to another in this version: the engine runs the new holder's
   * create beside the old holder's update or replacement, with no order between them.
   */
  moves: boolean;
}

export const MIN_RESOURCES = 5;
export const MAX_RESOURCES = 12;

const collections = (table: Record<string, Generator>) =>
  Object.entries(table).filter((e): e is [string, CollectionGenerator] => e[1].kind === "collection");
const singletons = (table: Record<string, Generator>) =>
  Object.entries(table).filter(([, g]) => g.kind === "singleton");

function declare(r: Prng, type: string, g: Generator): Decl {
  const args = g.make(r);
  const d: Decl = { type, name: `${kebab(type)}-${r.unique()}`, args };
  const secret = (g.secretArgs ?? []).filter((k) => args[k] !== undefined);
  if (secret.length > 0) d.secretArgs = secret;
  return d;
}

/** Whether some other declared resource references `d` (then removing `d` would orphan it). */
const referenced = (res: readonly Decl[], d: Decl) =>
  res.some((x) => Object.values(x.args).some((v) => isRef(v) && v.ref === d.name));

/**
 * A new resource of `type`, and for a child type its parent too when the program has none to point at:
 * the parent comes first in the list, so a program declares it before the child.
 */
function declareWithParent(
  r: Prng,
  table: Record<string, Generator>,
  res: readonly Decl[],
  type: string,
  g: CollectionGenerator,
): Decl[] {
  if (g.parent === undefined) return [declare(r, type, g)];
  const { type: parentType, arg } = g.parent;
  const parents = res.filter((d) => d.type === parentType);
  const made: Decl[] = [];
  let parent = parents.length > 0 && r.chance(0.7) ? r.pick(parents) : undefined;
  if (parent === undefined) {
    parent = declare(r, parentType, table[parentType] as Generator);
    made.push(parent);
  }
  const child = declare(r, type, g);
  child.args = { [arg]: { ref: parent.name, output: "id" }, ...child.args };
  made.push(child);
  return made;
}

const kebab = (t: string) => t.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

function withArgs(d: Decl, g: Generator, args: Args): Decl {
  const next: Decl = { type: d.type, name: d.name, args, ...(d.opts ? { opts: d.opts } : {}) };
  const secret = (g.secretArgs ?? []).filter((k) => args[k] !== undefined);
  if (secret.length > 0) next.secretArgs = secret;
  return next;
}

const short = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 90 ? `${s.slice(0, 87)}...` : s;
};

/**
 * `count` versions. The first declares 5 to 8 resources, of types drawn round-robin from a shuffled list
 * of every collection type (so a run covers them all) plus up to two settings singletons; each later
 * version applies 2 to 4 steps and keeps 5 to 12 resources.
 */
export function generateVersions(
  r: Prng,
  count: number,
  table: Record<string, Generator> = GENERATORS,
): Version[] {
  const types = collections(table);
  const settings = singletons(table);
  let queue: [string, CollectionGenerator][] = [];
  const covered = new Set<string>();
  // The queue's next type, or while some type has not appeared yet, its next such type.
  const nextType = () => {
    if (queue.length === 0) queue = r.shuffle(types);
    const i = queue.findIndex(([t]) => !covered.has(t));
    if (i > 0) queue.unshift(...queue.splice(i, 1));
    return queue.shift() as [string, CollectionGenerator];
  };

  const first: Decl[] = [];
  for (let i = r.int(MIN_RESOURCES, 8); i > 0; ) {
    const [type, g] = nextType();
    const made = declareWithParent(r, table, first, type, g);
    for (const d of made) covered.add(d.type);
    first.push(...made);
    i -= made.length;
  }
  for (const [type, g] of r.shuffle(settings).slice(0, r.int(0, 2))) first.push(singletonDecl(r, type, g));
  const versions: Version[] = [
    { index: 0, resources: first, steps: first.map((d) => `add ${d.name} ${short(d.args)}`), moves: false },
  ];

  while (versions.length < count) {
    const prev = versions[versions.length - 1] as Version;
    // Aliases served their one version: the engine has moved the state by then.
    let res: Decl[] = prev.resources.map(({ opts: _opts, ...d }) => d);
    const steps: string[] = [];
    let moves = false;
    const added = new Set<string>();
    const steps0 = r.int(2, 4);
    for (let n = steps0; n > 0; n--) {
      const owned = res.filter((d) => table[d.type]?.kind === "collection");
      // Not one added in this same version: the engine would never see it.
      const removable = owned.filter((d) => !referenced(res, d) && !added.has(d.name));
      const kinds = [
        ...(res.length < MAX_RESOURCES ? ["add", "add"] : []),
        ...(removable.length > 0 && res.length > MIN_RESOURCES ? ["remove"] : []),
        ...(owned.length > 0 ? ["in-place", "in-place", "replace", "rename"] : []),
        ...(owned.length > 0 && res.length < MAX_RESOURCES ? ["move"] : []),
        "settings",
      ];
      // Until every collection type has appeared, each version's first two steps add the next ones (or,
      // with no room left, the first removes a resource to make some).
      const uncovered = types.some(([t]) => !covered.has(t));
      const early = uncovered && n > steps0 - 2;
      const room = res.length < MAX_RESOURCES;
      const kind = early && room ? "add" : early && kinds.includes("remove") ? "remove" : r.pick(kinds);
      if (kind === "add") {
        const [type, g] = nextType();
        const made = declareWithParent(r, table, res, type, g);
        if (res.length + made.length > MAX_RESOURCES) {
          // A child with its new parent needs two places: make room, or leave the type for later.
          const out = removable.length > 0 && res.length + made.length - 1 <= MAX_RESOURCES;
          if (!out) {
            queue.unshift([type, g]);
            continue;
          }
          const d = r.pick(removable);
          res = res.filter((x) => x !== d);
          steps.push(`remove ${d.name}`);
        }
        for (const d of made) {
          res.push(d);
          added.add(d.name);
          covered.add(d.type);
          steps.push(`add ${d.name} ${short(d.args)}`);
        }
      } else if (kind === "remove") {
        const d = r.pick(removable);
        res = res.filter((x) => x !== d);
        steps.push(`remove ${d.name}`);
      } else if (kind === "in-place" || kind === "replace") {
        const d = r.pick(owned);
        const g = table[d.type] as CollectionGenerator;
        const change = kind === "in-place" ? g.inPlace : g.replacing;
        if (!change) continue;
        const next = withArgs(d, g, change(r, d.args));
        res = res.map((x) => (x === d ? next : x));
        steps.push(`${kind} ${d.name} -> ${short(next.args)}`);
      } else if (kind === "rename") {
        const d = r.pick(owned);
        const name = `${kebab(d.type)}-${r.unique()}`;
        const next: Decl = { ...d, name, opts: { aliases: [{ name: d.name }] } };
        // Its children follow it to the new name (the same object: their arguments do not change).
        const follow = (x: Decl): Decl => {
          const args = Object.fromEntries(
            Object.entries(x.args).map(([k, v]) => [
              k,
              isRef(v) && v.ref === d.name ? { ...v, ref: name } : v,
            ]),
          );
          return { ...x, args };
        };
        res = res.map((x) => (x === d ? next : follow(x)));
        steps.push(`rename ${d.name} -> ${name} (alias)`);
      } else if (kind === "move") {
        const keyed = owned.filter((d) => {
          const g = table[d.type] as CollectionGenerator;
          return g.key !== undefined && g.parent === undefined;
        });
        if (keyed.length === 0) continue;
        const from = r.pick(keyed);
        const g = table[from.type] as CollectionGenerator;
        const key = g.key as string;
        const to = declare(r, from.type, g);
        to.args = { ...to.args, [key]: from.args[key] };
        const fresh = g.make(r)[key];
        const released = withArgs(from, g, { ...from.args, [key]: fresh });
        res = res.map((x) => (x === from ? released : x));
        res.push(to);
        added.add(to.name);
        moves = true;
        steps.push(
          `move ${key} ${short(from.args[key])} from ${from.name} (now ${short(fresh)}) to new ${to.name}`,
        );
      } else {
        const [type, g] = r.pick(settings);
        const current = res.find((d) => d.type === type);
        if (current === undefined && res.length >= MAX_RESOURCES) continue;
        if (current === undefined) {
          const d = singletonDecl(r, type, g);
          res.push(d);
          steps.push(`settings: declare ${d.name} ${short(d.args)}`);
        } else if (r.chance(0.25)) {
          res = res.filter((d) => d !== current);
          steps.push(`settings: stop managing ${current.name}`);
        } else {
          const args = (g as Extract<Generator, { kind: "singleton" }>).change(r, current.args);
          res = res.map((d) => (d === current ? withArgs(d, g, args) : d));
          steps.push(`settings: change ${current.name} -> ${short(args)}`);
        }
      }
    }
    versions.push({ index: versions.length, resources: res, steps, moves });
  }
  return versions;
}

function singletonDecl(r: Prng, type: string, g: Generator): Decl {
  // One per instance: a fixed name per type, so re-declaring it later adopts it again.
  return { type, name: `settings-${kebab(type)}`, args: g.make(r) };
}

/** A version as a reader wants it in a failure message. */
export function describeVersion(v: Version): string {
  const lines = [`version ${v.index}${v.moves ? " (moves a value)" : ""}:`];
  for (const s of v.steps) lines.push(`  step: ${s}`);
  for (const d of v.resources) {
    const alias = d.opts?.aliases ? ` (aliases ${d.opts.aliases.map((a) => a.name).join(", ")})` : "";
    lines.push(
      `  ${d.type} ${d.name}${alias} ${JSON.stringify(d.args, (k, x) => (k === "idpCertificate" ? "<TEST_CERTIFICATE>" : x))}`,
    );
  }
  return lines.join("\n");
}
