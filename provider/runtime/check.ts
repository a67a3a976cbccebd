import type { z } from "zod";
import { isUnknownAt } from "./unknowns";

export interface CheckFailure {
  property: string;
  reason: string;
}

export type CheckOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; failures: CheckFailure[] }
  | { ok: "unknown" };

/**
 * Validates inputs against a definition's schema and reports every failing field by name.
 * Problems at or under a value that is unknown during preview are not problems yet: the check runs
 * again once the value is known. When unknowns are the only obstacle, the caller keeps the raw inputs.
 */
export function validateInputs<T>(
  schema: z.ZodType<T>,
  raw: Record<string, unknown>,
  type: string,
): CheckOutcome<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const failures: CheckFailure[] = [];
  for (const issue of parsed.error.issues) {
    if (isUnknownAt(raw, issue.path)) continue;
    for (const property of issueProperties(issue)) {
      failures.push({
        property,
        reason: `${type}.${property}: ${describe(issue, valueAt(raw, issue.path))}`,
      });
    }
  }
  return failures.length > 0 ? { ok: false, failures } : { ok: "unknown" };
}

function issueProperties(issue: z.core.$ZodIssue): string[] {
  const base = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((k) => (base ? `${base}.${k}` : k));
  }
  return [base || "(inputs)"];
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Zod's messages, reworded where they read poorly; never echoes the value (it may be a secret). */
function describe(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return "is not a known argument of this resource";
    case "invalid_type":
      return input === undefined ? "is required" : `must be ${article(issue.expected)}`;
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1
          ? "must not be empty"
          : `must be at least ${issue.minimum} characters long`;
      if (issue.origin === "array") return `must have at least ${issue.minimum} item(s)`;
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string") return `must be at most ${issue.maximum} characters long`;
      if (issue.origin === "array") return `must have at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "record" || expected === "object") return "an object";
  if (expected === "array") return "a list";
  if (expected === "int") return "a whole number";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
