// Collects every exchange the emulators in this test process served, validates each against the spec,
// and tallies which spec operations were exercised. One instance per vitest test file (vitest isolates
// modules per file); the tally is also written to disk so a script can sum it over a whole run.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Exchange, type ExchangeResult, repoRoot, specOperations, validateExchange } from "./openapi";

/** Path prefixes of the API groups this project manages (issue 2); `/instance*` covers every settings path. */
const COVERED_PREFIXES = [
  "/allowlist_identifiers",
  "/blocklist_identifiers",
  "/redirect_urls",
  "/jwt_templates",
  "/saml_connections",
  "/enterprise_connections",
  "/oauth_applications",
  "/domains",
  "/instance",
  "/machines",
  "/scim_directories",
  "/webhooks",
  "/organization_roles",
  "/organization_permissions",
  "/role_sets",
];
/** Single operations in the covered set whose siblings are not. */
const COVERED_OPERATIONS = new Set([
  "GET /organization_roles",
  // Organizations and their domains; not their memberships, invitations, logos or billing.
  "GET /organizations",
  "POST /organizations",
  "GET /organizations/{organization_id}",
  "PATCH /organizations/{organization_id}",
  "DELETE /organizations/{organization_id}",
  "PUT /organizations/{organization_id}/metadata",
  "PATCH /organizations/{organization_id}/metadata",
  "GET /organizations/{organization_id}/domains",
  "POST /organizations/{organization_id}/domains",
  "PATCH /organizations/{organization_id}/domains/{domain_id}",
  "DELETE /organizations/{organization_id}/domains/{domain_id}",
  "POST /organizations/{organization_id}/domains/{domain_id}/verify_ownership",
  "GET /organization_domains",
]);
/** Under a covered prefix but another group: token verification (tag "OAuth Access Tokens"), not configuration. */
const NOT_COVERED = new Set(["POST /oauth_applications/access_tokens/verify"]);

export function isCovered(method: string, template: string): boolean {
  const key = `${method.toUpperCase()} ${template}`;
  if (COVERED_OPERATIONS.has(key)) return true;
  if (NOT_COVERED.has(key)) return false;
  return COVERED_PREFIXES.some((p) => template === p || template.startsWith(`${p}/`));
}

export interface OperationTally {
  operationId: string;
  method: string;
  path: string;
  covered: boolean;
  /** Exchanges that hit this operation, and how many of them were answered 2xx. */
  count: number;
  ok: number;
}

export interface Tally {
  total: number;
  coveredTotal: number;
  exercised: number;
  exercisedCovered: number;
  operations: OperationTally[];
}

const exercised = new Map<string, { count: number; ok: number }>();
const problems: string[] = [];
let exchanges = 0;

/**
 * Validates one exchange and remembers its problems. A request the spec forbids is a problem only when the
 * server accepted it (status < 400): rejecting it with a 4xx is exactly what Clerk does, and tests that
 * check the emulator's validation must be able to send bad requests on purpose.
 */
export function record(ex: Exchange): ExchangeResult & { counted: string[] } {
  exchanges++;
  let result: ExchangeResult;
  try {
    result = validateExchange(ex);
  } catch (e) {
    // The emulator swallows listener errors, so a broken validator must surface as a problem instead.
    const msg = `contract validator failed: ${(e as Error).message}`;
    result = { operationId: null, problems: [msg], requestProblems: [], responseProblems: [msg] };
  }
  if (result.operationId) {
    const t = exercised.get(result.operationId) ?? { count: 0, ok: 0 };
    t.count++;
    if (ex.status >= 200 && ex.status < 300) t.ok++;
    exercised.set(result.operationId, t);
  }
  const counted = ex.status >= 400 ? result.responseProblems : result.problems;
  for (const p of counted) problems.push(`${ex.method.toUpperCase()} ${ex.path} → ${ex.status}: ${p}`);
  return { ...result, counted };
}

export function recordedProblems(): string[] {
  return [...problems];
}

export function recordedExchanges(): number {
  return exchanges;
}

export function resetRecorder(): void {
  exercised.clear();
  problems.length = 0;
  exchanges = 0;
}

export function tally(counts: ReadonlyMap<string, { count: number; ok: number }> = exercised): Tally {
  const operations = specOperations().map((o) => ({
    operationId: o.operationId,
    method: o.method,
    path: o.path,
    covered: isCovered(o.method, o.path),
    count: counts.get(o.operationId)?.count ?? 0,
    ok: counts.get(o.operationId)?.ok ?? 0,
  }));
  return {
    total: operations.length,
    coveredTotal: operations.filter((o) => o.covered).length,
    exercised: operations.filter((o) => o.count > 0).length,
    exercisedCovered: operations.filter((o) => o.covered && o.count > 0).length,
    operations,
  };
}

export function formatTally(t: Tally = tally(), withMissing = false): string {
  const lines = [
    `${t.exercised} of ${t.total} spec operations exercised ` +
      `(${t.exercisedCovered} of ${t.coveredTotal} in the covered groups)`,
  ];
  if (withMissing) {
    const missing = t.operations.filter((o) => o.covered && o.count === 0);
    if (missing.length > 0) {
      lines.push("covered operations not exercised:");
      for (const o of missing) lines.push(`  ${o.operationId} (${o.method} ${o.path})`);
    }
  }
  return lines.join("\n");
}

/** One JSON file per test file; `print-tally.mjs` sums the files of the most recent run. */
export function tallyDir(): string {
  const key = createHash("sha256").update(repoRoot()).digest("hex").slice(0, 12);
  return process.env.CONTRACT_TALLY_DIR ?? join(tmpdir(), `pulumi-clerk-contract-tally-${key}`);
}

/**
 * Writes this file's tally, with the spec's operation list, so the summing script needs no spec parser.
 * `run` is the vitest main process (test workers are its children), which groups one run's files.
 */
export function writeTally(testFile: string): void {
  if (exercised.size === 0) return;
  const dir = tallyDir();
  mkdirSync(dir, { recursive: true });
  const name = createHash("sha256").update(testFile).digest("hex").slice(0, 16);
  const body = { testFile, run: process.ppid, at: new Date().toISOString(), tally: tally() };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(body));
}
