// What "converged" means for a generated program, judged from the emulator's own store (not from the
// provider's answers): Clerk holds exactly the declared objects with the declared values, each tracked
// once by the stack, and nothing the stack does not declare, except the objects the test itself created
// out of band (a program that does not declare an object has no claim on it: the provider must leave
// it alone, which is checked too).
import type { Store } from "../../../emulator/store";
import type { Decl } from "./programs";
import { type Args, type CollectionGenerator, GENERATORS, type Generator, isRef } from "./table";

export const TYPE_PREFIX = "pulumi-nodejs:dynamic/clerk:";

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
}

/** Every way the store and the stack's state differ from the declared program; empty: converged. */
export function convergenceProblems(
  store: Store,
  declared: readonly Decl[],
  state: readonly StateResource[],
  outOfBand: ReadonlyMap<string, string>,
  table: Record<string, Generator> = GENERATORS,
): string[] {
  const problems: string[] = [];
  const managed = state.filter((s) => s.type.startsWith(TYPE_PREFIX));
  const byName = new Map(managed.map((s) => [s.urn.split("::").pop() as string, s]));
  const declaredNames = new Set(declared.map((d) => d.name));

  for (const d of declared) {
    const g = table[d.type];
    const s = byName.get(d.name);
    if (!g) {
      problems.push(`${d.name}: no generator for ${d.type}`);
      continue;
    }
    if (s === undefined || s.type !== TYPE_PREFIX + d.type) {
      problems.push(`${d.name} (${d.type}): declared, but not in the stack's state`);
      continue;
    }
    const stored = g.kind === "singleton" ? g.read(store) : g.list(store).find((o) => o.id === s.id);
    if (stored === undefined) {
      problems.push(`${d.name} (${d.type}): state says ${s.id}, Clerk has no such object`);
      continue;
    }
    // A reference compares as the id the stack's state holds for the referenced resource.
    const args: Args = Object.fromEntries(
      Object.entries(d.args).map(([k, v]) => [k, isRef(v) ? byName.get(v.ref)?.id : v]),
    );
    for (const p of g.compare(args, stored, store)) problems.push(`${d.name} (${d.type} ${s.id}): ${p}`);
  }
  for (const s of managed) {
    const name = s.urn.split("::").pop() as string;
    if (!declaredNames.has(name))
      problems.push(`state still holds ${name} (${s.type}, ${s.id}), not declared`);
  }

  const tracked = new Map<string, number>();
  for (const s of managed) if (s.id) tracked.set(s.id, (tracked.get(s.id) ?? 0) + 1);
  for (const [id, n] of tracked) if (n > 1) problems.push(`${id} is tracked by ${n} resources`);
  for (const [type, g] of Object.entries(table)) {
    if (g.kind !== "collection") continue;
    for (const o of (g as CollectionGenerator).list(store)) {
      const id = String(o.id);
      if (!tracked.has(id) && !outOfBand.has(id))
        problems.push(`untracked ${type} ${id} in Clerk: ${brief(o)}`);
    }
  }
  for (const [id, type] of outOfBand) {
    const g = table[type] as CollectionGenerator;
    if (!g.list(store).some((o) => o.id === id))
      problems.push(`${type} ${id}, created out of band and never declared, is gone from Clerk`);
  }
  return problems;
}

function brief(o: Record<string, unknown>): string {
  const key = o.identifier ?? o.url ?? o.name;
  return key === undefined ? JSON.stringify(o).slice(0, 120) : JSON.stringify(key);
}
