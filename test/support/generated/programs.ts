// Sequences of program versions for the generated-program tests: from a seed, a first program and the
// changes a team makes to it over time (add, remove, change in place, change that replaces, rename, move a
// unique value from one resource to another, change instance-wide settings). Pure: the same seed gives
// the same versions, so a failing seed replays from the command line.
import type { Prng } from "./prng";
import { type Args, type CollectionGenerator, GENERATORS, type Generator } from "./table";

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
  const nextType = () => {
    if (queue.length === 0) queue = r.shuffle(types);
    return queue.shift() as [string, CollectionGenerator];
  };

  const covered = new Set<string>();
  const first: Decl[] = [];
  for (let i = r.int(MIN_RESOURCES, 8); i > 0; i--) {
    const [type, g] = nextType();
    covered.add(type);
    first.push(declare(r, type, g));
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
    const steps0 = r.int(2, 4);
    for (let n = steps0; n > 0; n--) {
      const owned = res.filter((d) => table[d.type]?.kind === "collection");
      const kinds = [
        ...(res.length < MAX_RESOURCES ? ["add", "add"] : []),
        ...(owned.length > 0 && res.length > MIN_RESOURCES ? ["remove"] : []),
        ...(owned.length > 0 ? ["in-place", "in-place", "replace", "rename"] : []),
        ...(owned.length > 0 && res.length < MAX_RESOURCES ? ["move"] : []),
        "settings",
      ];
      // Until every collection type has appeared, each version's first step adds the next one.
      const uncovered = types.some(([t]) => !covered.has(t));
      const kind = uncovered && n === steps0 && res.length < MAX_RESOURCES ? "add" : r.pick(kinds);
      if (kind === "add") {
        const [type, g] = nextType();
        const d = declare(r, type, g);
        res.push(d);
        covered.add(type);
        steps.push(`add ${d.name} ${short(d.args)}`);
      } else if (kind === "remove") {
        const d = r.pick(owned);
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
        res = res.map((x) => (x === d ? next : x));
        steps.push(`rename ${d.name} -> ${name} (alias)`);
      } else if (kind === "move") {
        const keyed = owned.filter((d) => (table[d.type] as CollectionGenerator).key !== undefined);
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
