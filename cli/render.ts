/** TypeScript source text for plain values, with markers for values read from stack config. */

/** A value the program reads from stack config (a secret Clerk never returns). */
export interface ConfigSecret {
  readonly configSecret: string;
  /** `getSecret` (optional) instead of `requireSecret`. */
  readonly optional?: boolean;
}

export function configSecret(key: string, optional = false): ConfigSecret {
  return optional ? { configSecret: key, optional: true } : { configSecret: key };
}

function isConfigSecret(v: unknown): v is ConfigSecret {
  return typeof v === "object" && v !== null && typeof (v as ConfigSecret).configSecret === "string";
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TS expression for `value`, indented for a position `indent` spaces deep. */
export function literal(value: unknown, indent = 0): string {
  if (isConfigSecret(value)) {
    return `config.${value.optional ? "getSecret" : "requireSecret"}(${JSON.stringify(value.configSecret)})`;
  }
  if (value === null) return "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  const pad = " ".repeat(indent + 2);
  const end = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((v) => literal(v, indent + 2));
    const oneLine = `[${items.join(", ")}]`;
    if (oneLine.length + indent <= 100 && !oneLine.includes("\n")) return oneLine;
    return `[\n${items.map((i) => `${pad}${i},`).join("\n")}\n${end}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(
      ([k, v]) => `${pad}${IDENT.test(k) ? k : JSON.stringify(k)}: ${literal(v, indent + 2)},`,
    );
    return `{\n${lines.join("\n")}\n${end}}`;
  }
  throw new Error(`cannot render a ${typeof value} as TypeScript`);
}

/** Text as `//` comment lines (no line can end the comment early). */
export function commentLines(text: string, indent = ""): string {
  return text
    .split("\n")
    .map((l) => `${indent}//${l ? ` ${l}` : ""}`)
    .join("\n");
}
