// A vitest reporter that ends every run with one line per tier (vitest project): files, tests, how they
// ended, and the tier's seconds, so a tier that slows down shows in the next run's output. Listed before
// vitest's own reporter in vitest.config.mts, so vitest's summary stays the run's last lines.
//
// "wall s" is the tier's span, from its first file's start to its last file's end (tiers overlap: the
// engine tiers run beside the fast ones); "file s" adds up its files' own durations (import and tests).
import { writeFileSync } from "node:fs";
import type { Reporter, TestModule, Vitest } from "vitest/node";

/** One test file's outcome, as the table needs it. */
export interface FileOutcome {
  tier: string;
  /** Each test's end state: "passed", "failed", "skipped" or "pending" (counted as skipped). */
  states: string[];
  /** The file failed as a whole (it did not load, or a hook failed). */
  failed: boolean;
  ms: number;
  /** Epoch milliseconds, when known. */
  start?: number;
  end?: number;
}

interface Tier {
  files: number;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  first: number;
  last: number;
  ms: number;
}

const empty = (): Tier => ({
  files: 0,
  tests: 0,
  passed: 0,
  failed: 0,
  skipped: 0,
  first: Number.POSITIVE_INFINITY,
  last: 0,
  ms: 0,
});

/** The table's text: one row per tier in `order` (others after), then "all". Empty without files. */
export function tierTable(files: readonly FileOutcome[], order: readonly string[] = []): string {
  const tiers = new Map<string, Tier>();
  const all = empty();
  for (const f of files) {
    const t = tiers.get(f.tier) ?? empty();
    tiers.set(f.tier, t);
    for (const x of [t, all]) {
      x.files++;
      x.tests += f.states.length;
      const failed = f.states.filter((s) => s === "failed").length;
      x.passed += f.states.filter((s) => s === "passed").length;
      // A file that failed with no failed test (it did not load) still fails its tier.
      x.failed += failed > 0 || !f.failed ? failed : 1;
      x.skipped += f.states.filter((s) => s !== "passed" && s !== "failed").length;
      x.ms += f.ms;
      if (f.start !== undefined) x.first = Math.min(x.first, f.start);
      if (f.end !== undefined) x.last = Math.max(x.last, f.end);
    }
  }
  if (files.length === 0) return "";
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const sorted = [...tiers].sort((a, b) => rank(a[0]) - rank(b[0]));
  const header = ["tier", "files", "tests", "passed", "failed", "skipped", "wall s", "file s"];
  const rows = [...sorted, ["all", all] as const].map(([name, t]) => [
    name,
    String(t.files),
    String(t.tests),
    String(t.passed),
    String(t.failed),
    String(t.skipped),
    t.last > 0 && Number.isFinite(t.first) ? ((t.last - t.first) / 1000).toFixed(1) : "-",
    (t.ms / 1000).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  const out = ["Time per tier:", line(header), ...rows.map(line)];
  // An opt-in tier whose tests all skipped did not pass: say so.
  for (const [name, t] of sorted)
    if (t.tests > 0 && t.skipped === t.tests)
      out.push(`${name}: every test skipped, none passed (an opt-in tier: its files say what turns it on)`);
  return out.join("\n");
}

/**
 * "N passed, N failed, N skipped" over every test of the run (pending counts as skipped; a file that
 * failed before any test ran, e.g. on an import error, counts as one failed).
 */
export function plainTotals(files: readonly FileOutcome[]): string {
  const states = files.flatMap((f) => f.states);
  const passed = states.filter((s) => s === "passed").length;
  const failedTests = states.filter((s) => s === "failed").length;
  const brokenFiles = files.filter((f) => f.failed && f.states.length === 0).length;
  return `${passed} passed, ${failedTests + brokenFiles} failed, ${states.length - passed - failedTests} skipped`;
}

export default class TierSummary implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly ended = new Map<string, number>();
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestModuleStart(m: TestModule): void {
    this.started.set(m.moduleId, Date.now());
  }

  onTestModuleEnd(m: TestModule): void {
    this.ended.set(m.moduleId, Date.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const files = modules.map((m): FileOutcome => {
      const d = m.diagnostic();
      return {
        tier: m.project.name || "(root)",
        states: [...m.children.allTests()].map((t) => t.result().state),
        failed: m.state() === "failed",
        ms: d.collectDuration + d.setupDuration + d.duration,
        start: this.started.get(m.moduleId),
        end: this.ended.get(m.moduleId),
      };
    });
    const text = tierTable(
      files,
      this.vitest?.projects.map((p) => p.name),
    );
    // For .ci/run's last line: the run's totals in the plain form any CI reader parses.
    const totalsFile = process.env.CLERK_TEST_TOTALS;
    if (totalsFile) writeFileSync(totalsFile, plainTotals(files));
    if (!text) return;
    if (this.vitest) this.vitest.logger.log(`\n${text}`);
    else console.log(`\n${text}`);
  }
}
