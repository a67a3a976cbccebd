/**
 * `pulumi-clerk export`: reads a live Clerk instance and writes a Pulumi TypeScript program that
 * declares every object this provider supports, each with `importId`, so the first `pulumi up` adopts
 * them all (Pulumi's own import does not work for dynamic resources: see docs/architecture.md,
 * "Adoption"). What to read and how to declare it comes from each resource definition's `export` view.
 */

import type { ConfigDocument } from "../provider/runtime/config-document";
import type { AnyDefinition } from "../provider/runtime/definition";
import { schemaKeys } from "../provider/runtime/generic";
import { ListCache } from "../provider/runtime/list-cache";
import { definitions } from "../provider/runtime/registry";
import { type ClerkClient, SDK_VERSION } from "../sdk";
import { assignNames } from "./names";
import { type ConfigSecret, commentLines, configSecret, literal } from "./render";

// ---------------------------------------------------------------------------------------------------
// Reading the instance

/** The live objects of one exported type, as Clerk returned them. */
export interface LiveObjects {
  type: string;
  items: unknown[];
}

/** Everything export reads, in the order of the program. */
export interface LiveInstance {
  instanceId: string;
  objects: LiveObjects[];
}

export type Progress = (line: string) => void;

/**
 * The definitions that can be exported, in the order of the program: instance-wide settings first.
 * With `include`, only those whose opt-in (if any) it names.
 */
function exportable(include?: readonly string[]): AnyDefinition[] {
  const all = [...definitions.values()].filter(
    (d) =>
      d.export !== undefined &&
      (include === undefined || !d.export.optIn || include.includes(d.export.optIn)),
  );
  return [...all.filter((d) => d.export?.singleton), ...all.filter((d) => !d.export?.singleton)];
}

/** What `--include` accepts: each definition's opt-in. */
export function optIns(): string[] {
  return [
    ...new Set([...definitions.values()].flatMap((d) => (d.export?.optIn ? [d.export.optIn] : []))),
  ].sort();
}

/** "Redirect URLs" → "redirect URLs" in a progress line; "JWT templates" stays. */
const lowerFirst = (t: string) => (/^[A-Z][a-z]/.test(t) ? t[0]?.toLowerCase() + t.slice(1) : t);

/**
 * Reads every exportable type through its definition's `list` (collections page through any size,
 * 500 per page). One type at a time: a large instance stays well under Clerk's rate limit, and
 * progress reads in order. A type with an opt-in is read only when `include` names it. Only reads are
 * sent (where Clerk has no GET, the definition's read, such as an empty PATCH that changes nothing).
 */
export async function readInstance(
  client: ClerkClient,
  progress: Progress = () => {},
  include: readonly string[] = [],
  document?: () => ConfigDocument,
): Promise<LiveInstance> {
  const lists = new ListCache();
  const objects: LiveObjects[] = [];
  let instanceId: string | undefined;
  for (const def of exportable(include)) {
    // The configuration document needs a Platform API key: without one, only the Backend API is read.
    if (def.platform && !document) continue;
    const view = def.export as NonNullable<AnyDefinition["export"]>;
    const items = await view.list({ client, lists, type: def.type, ...(document ? { document } : {}) });
    progress(`${lowerFirst(view.title)}: ${view.singleton ? "read" : items.length}`);
    if (view.instanceId && items[0] !== undefined) instanceId ??= view.instanceId(items[0]);
    objects.push({ type: def.type, items });
  }
  if (instanceId === undefined) throw new Error("pulumi-clerk export: no resource named the instance");
  return { instanceId, objects };
}

// ---------------------------------------------------------------------------------------------------
// From live objects to declarations

/** One resource in the generated program. */
export interface ExportedResource {
  type: string;
  name: string;
  importId: string;
  args: Record<string, unknown>;
  /** A comment line above the declaration. */
  note?: string;
}

/** A value the program cannot declare: Clerk never returns it. */
export interface Unexported {
  type: string;
  name: string;
  field: string;
  reason: string;
}

/** A secret the program reads from stack config (`pulumi config set --secret <key> …`). */
export interface ConfigNeed {
  key: string;
  type: string;
  name: string;
  field: string;
  /** Read with getSecret: the program runs without it. */
  optional: boolean;
}

export interface ExportPlan {
  instanceId: string;
  /** The named instance (`--instance`) every resource declares; undefined: the default instance. */
  instance?: string;
  resources: ExportedResource[];
  unexported: Unexported[];
  config: ConfigNeed[];
  /** Declarations whose values fail the resource's own check (worth a look before `pulumi up`). */
  warnings: string[];
}

const WRITE_ONLY_REASON = "Clerk never returns it (write-only); left as Clerk has it";

/** Drops undefined and null (Clerk's "unset"), recursively in objects: an undeclared input is Clerk's to choose. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v !== null && typeof v === "object" && !("configSecret" in v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === null) continue;
      out[k] = clean(x);
    }
    return out;
  }
  return v;
}

export function planExport(live: LiveInstance, instance?: string): ExportPlan {
  const resources: ExportedResource[] = [];
  const unexported: Unexported[] = [];
  const config: ConfigNeed[] = [];
  const warnings: string[] = [];

  for (const { type, items } of live.objects) {
    const def = definitions.get(type);
    const view = def?.export;
    if (!def || !view) throw new Error(`pulumi-clerk export: no export view for ${type}`);
    // Only what a user can write: keys derived by check (or kept for other reasons) are not arguments.
    const declarable = new Set(schemaKeys(def.inputs));
    // Names from the natural key, deduplicated per type, the oldest object keeping the plain name.
    const named = items.map((api) => {
      const a = api as { created_at?: number };
      return { api, key: view.key(api), id: def.id(api), createdAt: a.created_at };
    });
    const names = assignNames(named);
    for (const n of named) {
      const name = names.get(n) as string;
      const inputs = Object.fromEntries(
        Object.entries(clean(def.toInputs(n.api)) as Record<string, unknown>).filter(([k]) =>
          declarable.has(k),
        ),
      );
      const secret = (field: string, configKey: string, optional = false): ConfigSecret => {
        const key = `${configKey}_${name}`;
        config.push({ key, type, name, field, optional });
        return configSecret(key, optional);
      };
      const args = clean(view.args ? view.args(n.api, inputs, secret) : inputs) as Record<string, unknown>;
      const lost = view.unexported
        ? view.unexported(n.api)
        : (def.writeOnly ?? []).filter((field: string) => args[field] === undefined);
      for (const u of lost) {
        unexported.push(
          typeof u === "string" ? { type, name, field: u, reason: WRITE_ONLY_REASON } : { type, name, ...u },
        );
      }
      const note = view.note?.(n.api);
      resources.push({ type, name, importId: n.id, args, ...(note ? { note } : {}) });
    }
  }

  // The program must pass each resource's own check; a value that does not is reported, not hidden.
  for (const r of resources) {
    const def = definitions.get(r.type);
    const parsed = def?.inputs.safeParse(withPlaceholders(r.args));
    if (parsed && !parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join(".") || "(inputs)").join(", ");
      warnings.push(`${r.type} "${r.name}": ${fields} fail(s) the resource's check; edit before pulumi up`);
    }
  }
  return {
    instanceId: live.instanceId,
    ...(instance ? { instance } : {}),
    resources,
    unexported,
    config,
    warnings,
  };
}

function withPlaceholders(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withPlaceholders);
  if (v !== null && typeof v === "object") {
    if ("configSecret" in v) return "placeholder-secret";
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withPlaceholders(x)]));
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Writing the program

/** The heading of the instance-wide settings, which come first. */
const SINGLETONS_TITLE = "Instance-wide settings (one each per instance; destroy only forgets them)";

export interface ProgramOptions {
  /** Pulumi project name; also the namespace of the config keys the program reads. */
  project: string;
}

export interface ExportFiles {
  "index.ts": string;
  "Pulumi.yaml": string;
  "package.json": string;
  "tsconfig.json": string;
  "README.md": string;
}

/**
 * One line per type, field and reason, naming the resources (`maxNames` of them, then a count): a
 * large instance has hundreds of OAuth apps whose secrets cannot be exported, not hundreds of lines.
 */
export function unexportedLines(plan: ExportPlan, maxNames = Number.POSITIVE_INFINITY): string[] {
  const groups = new Map<string, { head: string; reason: string; names: string[] }>();
  for (const u of plan.unexported) {
    const k = `${u.type}\0${u.field}\0${u.reason}`;
    let g = groups.get(k);
    if (!g) {
      g = { head: `${u.type}.${u.field}`, reason: u.reason, names: [] };
      groups.set(k, g);
    }
    g.names.push(u.name);
  }
  return [...groups.values()].map(({ head, reason, names }) => {
    const shown = [...names].sort(naturalOrder).slice(0, maxNames).join(", ");
    const more = names.length > maxNames ? ` and ${names.length - maxNames} more` : "";
    return `${head} (${shown}${more}): ${reason}`;
  });
}

// Names in a stable order: the order Clerk lists objects in is not ours to rely on.
const naturalOrder = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function configLines(plan: ExportPlan): string[] {
  return [...plan.config]
    .sort((a, b) => naturalOrder(a.key, b.key))
    .map(
      (c) =>
        `pulumi config set --secret ${c.key} <${c.type} "${c.name}" ${c.field}>${c.optional ? "   (optional)" : ""}`,
    );
}

export function renderProgram(plan: ExportPlan, opts: ProgramOptions): string {
  const out: string[] = [];
  out.push(
    commentLines(
      [
        `Clerk instance ${plan.instanceId}${plan.instance ? ` ("${plan.instance}" in clerk:instances)` : ""}, exported by \`pulumi-clerk export\`.`,
        "Every resource carries importId (the instance-wide settings adopt by themselves): the first",
        "`pulumi up` adopts the existing objects instead of creating them. Once it has run, importId may",
        "stay or be removed: it only matters when a resource is first created (a later replacement makes",
        'a fresh object). `pulumi destroy` deletes every adopted object: see README.md, "Letting go".',
        "",
        "Secrets Clerk never returns are read from stack config; set them before the first `pulumi up`:",
        ...(plan.config.length > 0 ? configLines(plan).map((l) => `  ${l}`) : ["  (none needed)"]),
        "",
        "Not exported (Clerk never returns these values):",
        ...(plan.unexported.length > 0 ? unexportedLines(plan).map((l) => `  ${l}`) : ["  (nothing)"]),
        ...(plan.warnings.length > 0 ? ["", "Warnings:", ...plan.warnings.map((w) => `  ${w}`)] : []),
      ].join("\n"),
    ),
    "",
    'import * as pulumi from "@pulumi/pulumi";',
    'import * as clerk from "pulumi-clerk";',
    "",
  );
  out.push(
    `// Stack config of project "${opts.project}": where secrets Clerk never returns come from.`,
    "const config = new pulumi.Config();",
    "",
  );
  let singletonsHeaded = false;
  for (const def of exportable()) {
    const view = def.export as NonNullable<AnyDefinition["export"]>;
    const list = plan.resources.filter((r) => r.type === def.type).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (list.length === 0) continue;
    if (!view.singleton) out.push(`// ${view.title}`, "");
    else if (!singletonsHeaded) out.push(`// ${SINGLETONS_TITLE}`, "");
    singletonsHeaded ||= view.singleton === true;
    for (const r of list) {
      if (r.note) out.push(`// ${r.note}`);
      // Singletons adopt the instance's one object by themselves and take no importId.
      const where = plan.instance ? { instance: plan.instance } : {};
      const args = view.singleton ? { ...where, ...r.args } : { importId: r.importId, ...where, ...r.args };
      out.push(`new clerk.${r.type}(${JSON.stringify(r.name)}, ${literal(args)});`);
      out.push("");
    }
  }
  out.push(`export const instanceId = ${JSON.stringify(plan.instanceId)};`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderFiles(plan: ExportPlan, opts: ProgramOptions): ExportFiles {
  const counts = new Map<string, number>();
  for (const r of plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const readme = [
    `# ${opts.project}`,
    "",
    `The configuration of Clerk instance \`${plan.instanceId}\` as a Pulumi program, written by`,
    "`pulumi-clerk export`. Every resource in `index.ts` carries `importId`, so the first `pulumi up`",
    "adopts the existing objects: it creates nothing in Clerk and changes nothing that matches.",
    "",
    "## First run",
    "",
    "```sh",
    "npm install",
    "pulumi stack init <stack>",
    ...(plan.instance
      ? [
          `pulumi config set --secret --path 'clerk:instances.${plan.instance}.secretKey'   # the instance's secret key (sk_...)`,
          `# pulumi config set --path 'clerk:instances.${plan.instance}.apiUrl' <url>   # only for a non-default API URL`,
        ]
      : [
          "pulumi config set --secret clerk:secretKey   # the instance's secret key (sk_...)",
          "# pulumi config set clerk:apiUrl <url>       # only for a non-default API URL (e.g. the emulator)",
        ]),
    ...configLines(plan),
    "pulumi preview    # every resource: create (in state), each an adoption; warnings name what the first up changes",
    "pulumi up",
    "pulumi preview    # no changes",
    "```",
    "",
    "## Resources",
    "",
    ...[...counts].map(([t, n]) => `- ${t}: ${n}`),
    "",
    "## Not exported",
    "",
    "Clerk never returns these values, so they are not in the program and Pulumi leaves them as Clerk has",
    "them (an undeclared argument is Clerk's to choose). Declare them in `index.ts` to manage them:",
    "",
    ...(plan.unexported.length > 0 ? unexportedLines(plan).map((l) => `- ${l}`) : ["- (nothing)"]),
    "",
    "Objects this provider does not manage (users, memberships, sessions …) are not exported;",
    "organizations and their domains only with `--include organizations`.",
    "",
    "## Letting go",
    "",
    "After the first `pulumi up` this stack owns every object it adopted: `pulumi destroy` (or removing a",
    "declaration and running `pulumi up`) deletes them from Clerk. To stop managing an object without",
    "deleting it, run `pulumi state delete <urn>` (the URN is in `pulumi stack --show-urns`) and remove",
    "its declaration, or give it the `retainOnDelete: true` resource option before the destroy.",
    ...(plan.warnings.length > 0 ? ["", "## Warnings", "", ...plan.warnings.map((w) => `- ${w}`)] : []),
    "",
  ].join("\n");
  return {
    "index.ts": renderProgram(plan, opts),
    "Pulumi.yaml": [
      `name: ${opts.project}`,
      "runtime: nodejs",
      `description: Clerk instance ${plan.instanceId}, exported by pulumi-clerk`,
      "",
    ].join("\n"),
    "package.json": `${JSON.stringify(
      {
        name: opts.project,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "^3.270.0", "pulumi-clerk": `^${SDK_VERSION}` },
        devDependencies: { "@types/node": "^24.0.0", typescript: "5.9" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          skipLibCheck: true,
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
    "README.md": readme,
  };
}

/** A Pulumi project name: letters, digits, `-`, `_`, `.`. */
export function validProjectName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name);
}
