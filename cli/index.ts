#!/usr/bin/env node
/**
 * The `pulumi-clerk` command: `export` (a live instance → a Pulumi program) and `drift` (a stack's
 * state vs the live instance, for CI).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ClerkClient } from "../sdk";
import {
  type DriftReport,
  detectDrift,
  driftExitCode,
  formatDriftText,
  instanceOf,
  loadStackResources,
  stackConfig,
  TYPE_PREFIX,
} from "./drift";
import {
  configLines,
  type ExportFiles,
  type ExportPlan,
  optIns,
  planExport,
  readInstance,
  renderFiles,
  unexportedLines,
  validProjectName,
} from "./export";
import { CliError, connect, connectDocument } from "./settings";

export const USAGE = `Usage: pulumi-clerk <command> [options]

Commands:
  export    Read a live Clerk instance and write a Pulumi TypeScript program declaring every object
            pulumi-clerk supports, each with importId (the first \`pulumi up\` adopts, creates nothing)
  drift     Compare a stack's state with the live instance: exit 0 when they match, 2 when they
            differ (per resource and field), 1 when the check itself failed

Connection (both commands):
  CLERK_SECRET_KEY          the instance's secret key (drift: the stack's clerk:secretKey first)
  CLERK_SECRET_KEY_<NAME>   the key of a named instance (drift: the stack's clerk:instances.<name> first)
  --api-url URL             Clerk API base URL (else CLERK_API_URL, else https://api.clerk.com/v1;
                            drift: the stack's clerk:apiUrl before CLERK_API_URL; default instance only)

export options:
  --instance NAME           export the named instance (key from CLERK_SECRET_KEY_<NAME>, URL from
                            CLERK_API_URL_<NAME>); every resource in the program declares instance: NAME
  --out DIR                 directory to write index.ts, Pulumi.yaml, package.json, tsconfig.json,
                            README.md (default ./clerk-instance; must be empty unless --force)
  --project NAME            Pulumi project name, also the config namespace (default clerk-instance)
  --stdout                  print index.ts to stdout instead of writing files
  --force                   overwrite files in --out
  --include organizations   also export the instance's organizations and their domains (left out by
                            default: an instance may hold thousands of customer organizations)
  --quiet                   no progress on stderr

drift options (each resource is read from the instance its state records):
  --stack NAME              stack to check (default: the selected stack)
  --cwd DIR                 the Pulumi project directory (default: current directory)
  --state FILE              a \`pulumi stack export\` file instead of running pulumi
  --config-file FILE        the stack's config file, as \`pulumi --config-file\` takes it (for a
                            project whose stack config is not Pulumi.<stack>.yaml beside Pulumi.yaml)
  --json                    the report as JSON on stdout

  --help                    this help`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
});

export interface ExportResult {
  plan: ExportPlan;
  files: ExportFiles;
  /** HTTP requests sent to Clerk. */
  requests: number;
  durationMs: number;
  /** Where the files went (undefined with --stdout). */
  outDir?: string;
}

export interface ExportOptions {
  apiUrl?: string | undefined;
  /** A named instance: its key from CLERK_SECRET_KEY_<NAME>; every resource declares `instance`. */
  instance?: string | undefined;
  out?: string | undefined;
  project?: string | undefined;
  stdout?: boolean | undefined;
  force?: boolean | undefined;
  quiet?: boolean | undefined;
  /** Opt-in types to export too (`--include`). */
  include?: readonly string[] | undefined;
}

export async function runExport(o: ExportOptions, io: Io = defaultIo()): Promise<ExportResult> {
  const project = o.project ?? "clerk-instance";
  if (!validProjectName(project)) {
    throw new CliError(`--project: "${project}" is not a Pulumi project name (letters, digits, -, _, .)`);
  }
  const include = o.include ?? [];
  const unknown = include.filter((i) => !optIns().includes(i));
  if (unknown.length > 0) {
    throw new CliError(`--include: "${unknown.join(", ")}" is not one of: ${optIns().join(", ")}`);
  }
  const progress = (line: string) => {
    if (!o.quiet) io.stderr(`export: ${line}\n`);
  };
  let requests = 0;
  const client = connect(
    {
      apiUrl: o.apiUrl,
      instance: o.instance,
      onRequest: (_method, url) => {
        requests++;
        // Long lists page 500 at a time: say so from the second page on, so a big instance shows life.
        const offset = Number(url.searchParams.get("offset") ?? 0);
        if (offset > 0) progress(`${url.pathname.replace(/^.*\/v1/, "")}: from item ${offset}...`);
      },
    },
    io.env,
  );
  const platform = connectDocument({ apiUrl: o.apiUrl, instance: o.instance }, io.env);
  if ("missing" in platform) {
    progress(
      "configuration document (sign-in methods, MFA, social connections…): skipped, no Platform API key (CLERK_PLATFORM_API_KEY)",
    );
  }
  const started = Date.now();
  const live = await readInstance(
    client,
    progress,
    include,
    "document" in platform ? () => platform.document : undefined,
  );
  const plan = planExport(live, o.instance);
  const files = renderFiles(plan, { project });
  const durationMs = Date.now() - started;
  progress(`${plan.resources.length} resources, ${requests} requests, ${(durationMs / 1000).toFixed(2)} s`);

  let outDir: string | undefined;
  if (o.stdout) {
    io.stdout(files["index.ts"]);
  } else {
    outDir = resolve(io.cwd, o.out ?? "clerk-instance");
    if (existsSync(outDir) && readdirSync(outDir).length > 0 && !o.force) {
      throw new CliError(`${outDir} is not empty (pass --force to overwrite)`);
    }
    mkdirSync(outDir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
    io.stderr(`wrote ${Object.keys(files).join(", ")} to ${outDir}\n`);
  }
  // The summary a user must act on goes to stderr even with --quiet: it is not progress.
  if (plan.config.length > 0) {
    io.stderr(`\nSet these secrets (Clerk never returns them) before the first pulumi up:\n`);
    for (const l of configLines(plan)) io.stderr(`  ${l}\n`);
  }
  if (plan.unexported.length > 0) {
    io.stderr(`\nNot exported (Clerk never returns these values; Pulumi leaves them as Clerk has them):\n`);
    for (const l of unexportedLines(plan, 5)) io.stderr(`  ${l}\n`);
  }
  for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
  return { plan, files, requests, durationMs, ...(outDir ? { outDir } : {}) };
}

export interface DriftOptions {
  apiUrl?: string | undefined;
  stack?: string | undefined;
  cwd?: string | undefined;
  state?: string | undefined;
  /** The stack's config file (`pulumi config --config-file`), relative to the current directory. */
  configFile?: string | undefined;
  json?: boolean | undefined;
  pulumi?: string | undefined;
}

export async function runDrift(
  o: DriftOptions,
  io: Io = defaultIo(),
): Promise<{ report: DriftReport; exitCode: number }> {
  if (o.configFile !== undefined && o.state !== undefined) {
    throw new CliError(
      "--config-file and --state do not go together: a state file has no config (the key then comes from " +
        "CLERK_SECRET_KEY); leave out --state to read the stack and its config file through pulumi",
    );
  }
  const configFile = o.configFile === undefined ? undefined : resolve(io.cwd, o.configFile);
  if (configFile !== undefined && !existsSync(configFile)) {
    throw new CliError(`--config-file: ${configFile} does not exist`);
  }
  const src = {
    stateFile: o.state ? resolve(io.cwd, o.state) : undefined,
    stack: o.stack,
    cwd: resolve(io.cwd, o.cwd ?? "."),
    pulumi: o.pulumi ?? io.env.PULUMI_CLERK_PULUMI_BIN,
    configFile,
    env: io.env,
  };
  const resources = await loadStackResources(src, (p) => readFileSync(p, "utf8"));
  // Reading the stack's own config reaches the instances `pulumi up` reaches (as the provider does:
  // stack config first, then the environment); a state file has no config, so the environment serves.
  const config = o.state ? undefined : await stackConfig(src);
  // One client per instance the state names, each resolved before any read: a missing key fails once,
  // naming its setting. --api-url applies to the default instance.
  const clients = new Map<string, ClerkClient>();
  const used = new Set(resources.filter((r) => r.type.startsWith(TYPE_PREFIX)).map(instanceOf));
  if (used.size === 0) used.add(undefined);
  for (const instance of used) {
    clients.set(
      instance ?? "",
      connect(
        { config, instance, ...(o.apiUrl && instance === undefined ? { apiUrl: o.apiUrl } : {}) },
        io.env,
      ),
    );
  }
  // The configuration-document resources read through the Platform API, when it is configured.
  const documents = new Map<string, ReturnType<typeof connectDocument>>();
  for (const instance of used) {
    documents.set(
      instance ?? "",
      connectDocument(
        { config, instance, ...(o.apiUrl && instance === undefined ? { apiUrl: o.apiUrl } : {}) },
        io.env,
      ),
    );
  }
  const report = await detectDrift(
    resources,
    (instance) => clients.get(instance ?? "") as ClerkClient,
    {},
    (instance) => {
      const found = documents.get(instance ?? "");
      if (!found || "missing" in found)
        throw new Error(found && "missing" in found ? found.missing : "no Platform API settings");
      return found.document;
    },
  );
  if (o.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(formatDriftText(report));
  return { report, exitCode: driftExitCode(report) };
}

/** Runs the command line; returns the exit code (never calls process.exit: tests call it too). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 1 : 0;
    }
    if (command === "export") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          "api-url": { type: "string" },
          instance: { type: "string" },
          out: { type: "string" },
          project: { type: "string" },
          stdout: { type: "boolean" },
          force: { type: "boolean" },
          quiet: { type: "boolean" },
          include: { type: "string", multiple: true },
          help: { type: "boolean" },
        },
      });
      if (values.help) return help(io);
      await runExport(
        {
          apiUrl: values["api-url"],
          instance: values.instance,
          out: values.out,
          project: values.project,
          stdout: values.stdout,
          force: values.force,
          quiet: values.quiet,
          include: values.include?.flatMap((v) => v.split(",")).filter((v) => v !== ""),
        },
        io,
      );
      return 0;
    }
    if (command === "drift") {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: {
          "api-url": { type: "string" },
          stack: { type: "string" },
          cwd: { type: "string" },
          state: { type: "string" },
          "config-file": { type: "string" },
          json: { type: "boolean" },
          help: { type: "boolean" },
        },
      });
      if (values.help) return help(io);
      const { exitCode } = await runDrift(
        {
          apiUrl: values["api-url"],
          stack: values.stack,
          cwd: values.cwd,
          state: values.state,
          configFile: values["config-file"],
          json: values.json,
        },
        io,
      );
      return exitCode;
    }
    throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`pulumi-clerk: ${message}\n`);
    return e instanceof CliError ? e.exitCode : 1;
  }
}

function help(io: Io): number {
  io.stdout(`${USAGE}\n`);
  return 0;
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pulumi-clerk: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
