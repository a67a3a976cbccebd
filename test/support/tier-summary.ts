// A vitest reporter that ends every run with one line per tier (vitest project): files, tests, how they
// ended, and the tier's seconds, so a tier that slows down shows in the next run's output. Listed before
// vitest's own reporter in vitest.config.mts, so vitest's summary stays the run's last lines.
//
// "wall s" is the tier's span, from its first file's start to its last file's end (tiers overlap: the
// engine tiers run beside the fast ones); "file s" adds up its files' own durations (import and tests).
import type { Reporter, TestModule, Vitest } from "vitest/node";

interface Tier {
  files: number;
  tests: number;
  passed: number;
  failed: number;
  skipped: number;
  first: number;
  last: number;
  fileMs: number;
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
    const tiers = new Map<string, Tier>();
    for (const m of modules) {
      const name = m.project.name || "(root)";
      const t = tiers.get(name) ?? {
        files: 0,
        tests: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        first: Number.POSITIVE_INFINITY,
        last: 0,
        fileMs: 0,
      };
      t.files++;
      for (const test of m.children.allTests()) {
        t.tests++;
        const state = test.result().state;
        if (state === "passed") t.passed++;
        else if (state === "failed") t.failed++;
        else t.skipped++;
      }
      // A file that failed to load has no tests; it still fails its tier.
      if (m.state() === "failed" && t.failed === 0) t.failed++;
      const d = m.diagnostic();
      t.fileMs += d.collectDuration + d.setupDuration + d.duration;
      const start = this.started.get(m.moduleId);
      const end = this.ended.get(m.moduleId);
      if (start !== undefined) t.first = Math.min(t.first, start);
      if (end !== undefined) t.last = Math.max(t.last, end);
      tiers.set(name, t);
    }
    if (tiers.size === 0) return;
    // In the config's order (unit first, acceptance last), then a line for the whole run.
    const order = this.vitest?.projects.map((p) => p.name) ?? [];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const sorted = [...tiers].sort((a, b) => rank(a[0]) - rank(b[0]));
    const all = sorted.reduce<Tier>(
      (a, [, t]) => ({
        files: a.files + t.files,
        tests: a.tests + t.tests,
        passed: a.passed + t.passed,
        failed: a.failed + t.failed,
        skipped: a.skipped + t.skipped,
        first: Math.min(a.first, t.first),
        last: Math.max(a.last, t.last),
        fileMs: a.fileMs + t.fileMs,
      }),
      {
        files: 0,
        tests: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        first: Number.POSITIVE_INFINITY,
        last: 0,
        fileMs: 0,
      },
    );
    const header = ["tier", "files", "tests", "passed", "failed", "skipped", "wall s", "file s"];
    const rows = [...sorted, ["all", all] as const].map(([name, t]) => [
      name,
      String(t.files),
      String(t.tests),
      String(t.passed),
      String(t.failed),
      String(t.skipped),
      t.last > 0 && Number.isFinite(t.first) ? ((t.last - t.first) / 1000).toFixed(1) : "-",
      (t.fileMs / 1000).toFixed(1),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
        .join("  ");
    const out = ["", "Time per tier:", line(header), ...rows.map(line)];
    // An opt-in tier whose tests all skipped did not pass: say why it did not run.
    for (const [name, t] of sorted)
      if (t.tests > 0 && t.skipped === t.tests)
        out.push(`${name}: every test skipped (an opt-in tier: see its files for what turns it on)`);
    const text = out.join("\n");
    if (this.vitest) this.vitest.logger.log(text);
    else console.log(text);
  }
}
