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
export const ENGINE_TIERS: ReadonlySet<string> = new Set(["e2e", "user", "acceptance"]);

export interface Candidate {
  tier: string;
  /** The last run's milliseconds, if vitest's cache has them. */
  duration?: number;
  /** The file's size in bytes. */
  size: number;
}

/** Indices of `files` in the order to run them. */
export function slowFirst(files: readonly Candidate[]): number[] {
  const longestFirst = (idx: number[]) => {
    const known = idx.every((i) => files[i]?.duration !== undefined);
    const weight = (i: number) => (known ? files[i]?.duration : files[i]?.size) ?? 0;
    return [...idx].sort((a, b) => weight(b) - weight(a));
  };
  const all = files.map((_, i) => i);
  const engine = all.filter((i) => ENGINE_TIERS.has(files[i]?.tier ?? ""));
  const fast = all.filter((i) => !ENGINE_TIERS.has(files[i]?.tier ?? ""));
  return [...longestFirst(engine), ...longestFirst(fast)];
}

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const candidates = files.map((f) => ({
      tier: f.project.name,
      duration: this.ctx.cache.getTestSpecificationResult(f)?.duration,
      size: size(f.moduleId),
    }));
    return slowFirst(candidates).map((i) => files[i] as TestSpecification);
  }
}

function size(file: string): number {
  try {
    return readFileSync(file).length;
  } catch {
    return 0;
  }
}
