/**
 * `pulumi-clerk drift`: does the live Clerk instance still match what the stack recorded? For every
 * Clerk resource in the stack's state it runs the provider's own `read` (as `pulumi refresh` would)
 * and compares the live view with the recorded inputs using the provider's diff logic. Nothing is
 * written to the stack, and no program runs.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { ConfigDocument } from "../provider/runtime/config-document";
import type { AnyDefinition } from "../provider/runtime/definition";
import { changedInputs } from "../provider/runtime/diff";
import { isGone, makeHandlers } from "../provider/runtime/generic";
import { ListCache } from "../provider/runtime/list-cache";
import { definitions } from "../provider/runtime/registry";
import type { ConfigSource } from "../provider/runtime/settings";
import type { ClerkClient } from "../sdk";
import { CliError } from "./settings";

const execFileAsync = promisify(execFile);

export const TYPE_PREFIX = "pulumi-nodejs:dynamic/clerk:";

/** One resource of a `pulumi stack export`. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface DriftField {
  field: string;
  /** Display text, never a secret value. */
  recorded: string;
  live: string;
}

export interface DriftEntry {
  name: string;
  type: string;
  id: string;
  urn: string;
  status: "changed" | "deleted" | "error";
  fields: DriftField[];
  error?: string;
}

export interface DriftReport {
  drift: boolean;
  /** Clerk resources compared. */
  checked: number;
  /** Resources that differ or are gone, and ones that could not be read. */
  resources: DriftEntry[];
  errors: number;
  /** Per type, the inputs no read can see (Clerk never returns them): their drift is invisible. */
  unseen: Record<string, string[]>;
}

/** How Pulumi marks a secret in `stack export` (the value stays encrypted). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export function isSecretEnvelope(v: unknown): boolean {
  return typeof v === "object" && v !== null && SECRET_SIG in v;
}

const urnName = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

function show(v: unknown): string {
  if (v === undefined) return "(unset)";
  if (isSecretEnvelope(v)) return "(secret)";
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Runs `f` over `items`, at most `limit` at a time, results in order. */
async function pool<T, R>(items: readonly T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The named instance a state resource belongs to (its recorded `instance`); undefined: the default one. */
export function instanceOf(r: StateResource): string | undefined {
  const v = r.outputs?.instance ?? r.inputs?.instance;
  return typeof v === "string" ? v : undefined;
}

/**
 * @param clients one client (every resource of the default instance), or the client of each instance:
 *   each resource is read from the instance its state records, as `pulumi refresh` would.
 */
export async function detectDrift(
  resources: readonly StateResource[],
  clients: ClerkClient | ((instance?: string) => ClerkClient),
  opts: { concurrency?: number } = {},
  documents?: (instance?: string) => ConfigDocument,
): Promise<DriftReport> {
  const clientOf = typeof clients === "function" ? clients : () => clients;
  // A fresh listing cache per run and instance: the list-only collections (allow/block-list, domains)
  // are listed once each per instance, a listing of one instance never answers a read of another, and a
  // second run in the same process sees the instances as they are now.
  const lists = new Map<string, ListCache>();
  const listsOf = (instance: string | undefined) => {
    let cache = lists.get(instance ?? "");
    if (!cache) {
      cache = new ListCache();
      lists.set(instance ?? "", cache);
    }
    return cache;
  };
  const handlersOf = new Map<string, ReturnType<typeof makeHandlers>>();
  const handlers = (def: AnyDefinition) => {
    let h = handlersOf.get(def.type);
    if (!h) {
      h = makeHandlers(def, (instance) => ({
        client: clientOf(instance),
        lists: listsOf(instance),
        type: def.type,
        ...(documents ? { document: () => documents(instance) } : {}),
        ...(instance ? { instance } : {}),
      }));
      handlersOf.set(def.type, h);
    }
    return h;
  };

  const ours = resources.filter((r) => r.type.startsWith(TYPE_PREFIX) && r.id);
  const unseen: Record<string, string[]> = {};
  const entries = await pool(ours, opts.concurrency ?? 8, async (r): Promise<DriftEntry | undefined> => {
    const type = r.type.slice(TYPE_PREFIX.length);
    const base = { name: urnName(r.urn), type, id: r.id as string, urn: r.urn };
    const def = definitions.get(type);
    if (!def) {
      return {
        ...base,
        status: "error",
        fields: [],
        error: `unknown resource type ${type} (newer pulumi-clerk?)`,
      };
    }
    const invisible = [...(def.writeOnly ?? []), ...(def.writeOnlyFields ?? [])];
    if (invisible.length > 0) unseen[type] = invisible;
    let read: Awaited<ReturnType<ReturnType<typeof makeHandlers>["read"]>>;
    try {
      read = await handlers(def).read(r.id as string, r.outputs ?? {});
    } catch (e) {
      return { ...base, status: "error", fields: [], error: e instanceof Error ? e.message : String(e) };
    }
    if (isGone(read)) return { ...base, status: "deleted", fields: [] };

    // Compare what the stack recorded as inputs with the live view, as `pulumi preview --refresh`
    // would: only declared inputs count; secret and write-only ones cannot be compared.
    // `__` keys are the provider's own bookkeeping (its module, the program's name for the resource,
    // what it declared or found): never a setting of Clerk's.
    const skip = new Set<string>([...(def.writeOnly ?? []), "importId", "instance"]);
    for (const [k, v] of Object.entries(r.inputs ?? {}))
      if (isSecretEnvelope(v) || k.startsWith("__")) skip.add(k);
    for (const k of Object.keys(read.inputs ?? {})) if (k.startsWith("__")) skip.add(k);
    const recorded: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.inputs ?? {})) if (!skip.has(k)) recorded[k] = v;
    // Skipped on both sides: a clearable input (a JWT signing key) left out of `recorded` would
    // otherwise read as "removed" against the value read carried over from state.
    const live: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(read.inputs ?? {})) if (!skip.has(k)) live[k] = v;
    const changed = changedInputs(def, live, recorded);
    if (changed.length === 0) return undefined;
    return {
      ...base,
      status: "changed",
      fields: changed.map((field) => ({ field, recorded: show(recorded[field]), live: show(live[field]) })),
    };
  });
  const found = entries.filter((e): e is DriftEntry => e !== undefined);
  return {
    drift: found.some((e) => e.status !== "error"),
    checked: ours.length,
    resources: found,
    errors: found.filter((e) => e.status === "error").length,
    unseen,
  };
}

export function formatDriftText(report: DriftReport): string {
  const lines: string[] = [];
  const drifted = report.resources.filter((e) => e.status !== "error");
  if (drifted.length === 0 && report.errors === 0) {
    lines.push(`no drift: ${report.checked} Clerk resource(s) match the stack's state`);
  } else if (drifted.length > 0) {
    lines.push(
      `drift: ${drifted.length} of ${report.checked} Clerk resource(s) differ from the stack's state`,
    );
  }
  for (const e of report.resources) {
    if (e.status === "deleted") {
      lines.push(`  ${e.name} (${e.type} ${e.id}): deleted outside Pulumi`);
    } else if (e.status === "error") {
      lines.push(`  ${e.name} (${e.type} ${e.id}): could not be read: ${e.error}`);
    } else {
      lines.push(`  ${e.name} (${e.type} ${e.id}):`);
      for (const f of e.fields) lines.push(`    ${f.field}: ${f.recorded} -> ${f.live}`);
    }
  }
  const unseen = Object.entries(report.unseen);
  if (unseen.length > 0) {
    lines.push("not comparable (Clerk never returns them):");
    for (const [type, fields] of unseen.sort()) lines.push(`  ${type}: ${fields.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Exit status for CI: 0 same, 2 drift, 1 when something could not be checked. */
export function driftExitCode(report: DriftReport): number {
  if (report.errors > 0) return 1;
  return report.drift ? 2 : 0;
}

export interface StackSource {
  /** A `pulumi stack export` file; otherwise `pulumi stack export` runs in `cwd`. */
  stateFile?: string | undefined;
  stack?: string | undefined;
  cwd?: string | undefined;
  /** The Pulumi CLI (default `pulumi` on PATH). */
  pulumi?: string | undefined;
  /** The stack's config file when it is not Pulumi.<stack>.yaml (`pulumi config --config-file`). */
  configFile?: string | undefined;
  /** The environment pulumi runs with (default: this process's). */
  env?: NodeJS.ProcessEnv | undefined;
}

export function parseStackExport(text: string): StateResource[] {
  let doc: { deployment?: { resources?: StateResource[] } };
  try {
    doc = JSON.parse(text);
  } catch {
    throw new CliError("the stack state is not JSON (expected the output of `pulumi stack export`)");
  }
  if (!doc || typeof doc !== "object" || !doc.deployment) {
    throw new CliError("the stack state has no `deployment` (expected the output of `pulumi stack export`)");
  }
  return doc.deployment.resources ?? [];
}

async function pulumiCli(src: StackSource, args: string[]): Promise<string> {
  const bin = src.pulumi ?? "pulumi";
  const full = [...args, ...(src.stack ? ["--stack", src.stack] : []), "--non-interactive"];
  try {
    const { stdout } = await execFileAsync(bin, full, {
      cwd: src.cwd,
      env: src.env ?? process.env,
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string; code?: unknown };
    if (err.code === "ENOENT")
      throw new CliError(`cannot run ${bin}: not found on PATH (or pass --state FILE)`);
    throw new CliError(`pulumi ${args.join(" ")} failed: ${(err.stderr || err.message).trim()}`);
  }
}

export async function loadStackResources(
  src: StackSource,
  readFile: (p: string) => string,
): Promise<StateResource[]> {
  if (src.stateFile) return parseStackExport(readFile(src.stateFile));
  return parseStackExport(await pulumiCli(src, ["stack", "export"]));
}

/**
 * The stack's own config (the key decrypted by the CLI, as the provider receives it), so the drift check
 * reaches the same instances as `pulumi up`: one `pulumi config --json --show-secrets`. A structured
 * value (`clerk:instances`) comes back as its JSON text, as the provider gets it.
 */
export async function stackConfig(src: StackSource): Promise<ConfigSource> {
  const text = await pulumiCli(src, [
    "config",
    "--json",
    "--show-secrets",
    ...(src.configFile ? ["--config-file", src.configFile] : []),
  ]);
  let entries: Record<string, { value?: unknown; objectValue?: unknown }>;
  try {
    entries = JSON.parse(text);
  } catch {
    throw new CliError("`pulumi config --json` did not print JSON");
  }
  return {
    get: (key) => {
      const entry = entries[key];
      if (entry === undefined) return undefined;
      if (typeof entry.value === "string") return entry.value;
      return entry.objectValue === undefined ? undefined : JSON.stringify(entry.objectValue);
    },
  };
}
