// The order in which `npm test` hands files to its workers (vitest.config.mts): the engine tiers' files
// first, the longest first, then the fast tiers' files, which fill the workers while the long ones run.
// On two cores the run's wall time is set by its longest chain; starting the long files last (vitest's
// default order groups files by project name, and a fresh clone has no timings, so e2e would start after
// conformance, contract and integration) makes the run wait for them at the end.
//
// Longest means the last run's duration from vitest's cache when every file of the group has one,
// else the file's size (a fresh clone, or a new file).
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Tiers whose files drive the real Pulumi engine or CLI: each takes minutes, not seconds. */
export const ENGINE_TIERS = new Set(["e2e", "user", "acceptance"]);

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const engine = files.filter((f) => ENGINE_TIERS.has(f.project.name));
    const fast = files.filter((f) => !ENGINE_TIERS.has(f.project.name));
    return [...this.longestFirst(engine), ...this.longestFirst(fast)];
  }

  private longestFirst(files: TestSpecification[]): TestSpecification[] {
    const known = files.map((f) => this.ctx.cache.getTestSpecificationResult(f)?.duration);
    const weight = known.every((d) => d !== undefined)
      ? (i: number) => known[i] as number
      : (i: number) => size(files[i] as TestSpecification);
    return files
      .map((f, i) => ({ f, w: weight(i) }))
      .sort((a, b) => b.w - a.w)
      .map((x) => x.f);
  }
}

function size(f: TestSpecification): number {
  try {
    return readFileSync(f.moduleId).length;
  } catch {
    return 0;
  }
}
