/**
 * The one object matching a natural key, or undefined when none does. Several matches throw: after a
 * lost create answer the lookup must neither guess which look-alike it made nor create a duplicate
 * (see generic.ts, createOrRecover).
 */
export function onlyMatch<T>(items: readonly T[], matches: (item: T) => boolean): T | undefined {
  const found = items.filter(matches);
  if (found.length > 1) throw new Error(`${found.length} objects match, so it cannot tell which one is ours`);
  return found[0];
}
