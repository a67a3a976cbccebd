/**
 * What the program declared, kept across operations so that read can hand the engine inputs with only
 * those keys (see DECLARED_KEY in generic.ts), and sub-fields of object inputs that Clerk never returns.
 */

type Props = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Props => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The declared input names, plus `key.sub` for each declared sub-field of the `partial` object inputs
 * (those where only the declared sub-fields count and Clerk fills the others).
 */
export function declaredPaths(desired: Props, partial: readonly string[] = []): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(desired)) {
    if (value === undefined) continue;
    paths.push(key);
    if (partial.includes(key) && isPlainObject(value)) {
      for (const [sub, v] of Object.entries(value)) if (v !== undefined) paths.push(`${key}.${sub}`);
    }
  }
  return paths.sort();
}

/** `outs` reduced to the declared paths: top-level keys, and for a partial object only its declared sub-fields. */
export function projectDeclared(outs: Props, paths: readonly string[]): Props {
  const result: Props = {};
  for (const path of paths) {
    if (path.includes(".")) continue;
    const value = outs[path];
    if (value === undefined) continue;
    const subs = paths.filter((p) => p.startsWith(`${path}.`)).map((p) => p.slice(path.length + 1));
    result[path] =
      subs.length > 0 && isPlainObject(value)
        ? Object.fromEntries(Object.entries(value).filter(([k]) => subs.includes(k)))
        : value;
  }
  return result;
}

/**
 * Puts the declared value of each `key.sub` Clerk never returns into the live view (or drops it from the
 * view when it is not declared), as top-level write-only inputs are carried from state.
 */
export function carrySubFields(view: Props, declared: Props, fields: readonly string[]): void {
  for (const field of fields) {
    const [key, sub] = field.split(".") as [string, string];
    const want = isPlainObject(declared[key]) ? (declared[key] as Props)[sub] : undefined;
    const have = view[key];
    if (want !== undefined) view[key] = { ...(isPlainObject(have) ? have : {}), [sub]: want };
    else if (isPlainObject(have) && sub in have) {
      const { [sub]: _dropped, ...rest } = have;
      view[key] = rest;
    }
  }
}
