import type { AnyDefinition } from "./definition";
import { deepEqual } from "./equality";
import { containsUnknown } from "./unknowns";

/** Inputs the framework adds to every resource; never sent to Clerk. */
export const FRAMEWORK_INPUTS = ["importId"] as const;
const IGNORED = new Set<string>([...FRAMEWORK_INPUTS, "__provider"]);

/**
 * Which declared inputs differ from the recorded (or live) values. An input the user left out is
 * Clerk's to choose (optional and computed), unless the definition says removing it clears it.
 * Sends no request (see docs/architecture.md, "Diff sends no requests").
 */
export function changedInputs(
  def: AnyDefinition,
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): string[] {
  const changed: string[] = [];
  const createOnly = new Set<string>(def.createOnly ?? []);
  const clearable = new Set<string>(def.clearable ?? []);
  const keys = new Set([...Object.keys(desired), ...clearable]);
  for (const key of keys) {
    if (IGNORED.has(key) || createOnly.has(key)) continue;
    const want = desired[key];
    const have = current[key];
    if (want === undefined) {
      if (clearable.has(key) && have !== undefined && have !== null) changed.push(key);
      continue;
    }
    if (containsUnknown(want)) {
      changed.push(key);
      continue;
    }
    const eq = def.equals?.[key] ?? deepEqual;
    if (!eq(have, want)) changed.push(key);
  }
  return changed.sort();
}

export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export function decideDiff(
  def: AnyDefinition,
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): DiffDecision {
  const changed = changedInputs(def, current, desired);
  const replaceable = new Set<string>(def.replaceOnChange);
  // Without an update operation every change is a replacement.
  const replaces = def.update ? changed.filter((k) => replaceable.has(k)) : changed;
  // Delete first only where the new object would clash with the old one: a replacement that keeps the
  // unique key (see docs/architecture.md, "Replacement order").
  const keepsKey = def.uniqueKey?.every((k) => !changed.includes(k)) === true;
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && (def.deleteBeforeReplace === true || keepsKey),
  };
}
