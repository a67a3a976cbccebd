import { describe, expect, it } from "vitest";
import { type FileOutcome, tierTable } from "../../support/tier-summary";

// The table `npm test` ends with (vitest.config.mts): a CI reader sees each tier's files, tests and
// results, and an opt-in tier that did not run is reported as skipped, never as passed.
const row = (text: string, tier: string) =>
  text
    .split("\n")
    .find((l) => l.startsWith(`${tier} `))
    ?.trim()
    .split(/\s+/);

const files: FileOutcome[] = [
  { tier: "e2e", states: ["passed", "passed"], failed: false, ms: 60_000, start: 1_000, end: 61_000 },
  { tier: "unit", states: ["passed", "passed", "passed"], failed: false, ms: 2_000, start: 0, end: 2_000 },
  { tier: "acceptance", states: ["skipped", "skipped"], failed: false, ms: 100, start: 70_000, end: 70_100 },
  { tier: "e2e", states: ["passed", "failed"], failed: true, ms: 30_000, start: 2_000, end: 90_000 },
];

describe("the time-per-tier table", () => {
  const text = tierTable(files, ["unit", "e2e", "acceptance"]);

  it("has one row per tier in the config's order, then the whole run", () => {
    const names = text
      .split("\n")
      .slice(2)
      .map((l) => l.split(/\s+/)[0]);
    expect(names.slice(0, 4)).toEqual(["unit", "e2e", "acceptance", "all"]);
  });

  it("counts files and tests, and gives the tier's wall span and its files' seconds", () => {
    // tier files tests passed failed skipped wall file
    expect(row(text, "e2e")).toEqual(["e2e", "2", "4", "3", "1", "0", "89.0", "90.0"]);
    expect(row(text, "unit")).toEqual(["unit", "1", "3", "3", "0", "0", "2.0", "2.0"]);
    expect(row(text, "all")).toEqual(["all", "4", "9", "6", "1", "2", "90.0", "92.1"]);
  });

  it("reports an opt-in tier that did not run as skipped, none passed, and says so", () => {
    expect(row(text, "acceptance")).toEqual(["acceptance", "1", "2", "0", "0", "2", "0.1", "0.1"]);
    expect(text).toContain("acceptance: every test skipped, none passed");
  });

  it("counts a file that failed without a failed test (it did not load) as a failure", () => {
    const broken = tierTable([{ tier: "integration", states: [], failed: true, ms: 10 }]);
    expect(row(broken, "integration")).toEqual(["integration", "1", "0", "0", "1", "0", "-", "0.0"]);
    expect(broken).not.toContain("every test skipped");
  });

  it("prints nothing for a run without files", () => {
    expect(tierTable([])).toBe("");
  });
});

describe("the order files are handed to the workers", () => {
  it("engine tiers first, longest first by size in a fresh clone, then the fast tiers", async () => {
    const { slowFirst } = await import("../../support/slow-first.mjs");
    const order = slowFirst([
      { tier: "unit", size: 9_000 },
      { tier: "e2e", size: 5_000 },
      { tier: "integration", size: 20_000 },
      { tier: "user", size: 6_000 },
      { tier: "e2e", size: 12_000 },
    ]);
    expect(order).toEqual([4, 3, 1, 2, 0]);
  });

  it("by the last run's durations when every file of a group has one", async () => {
    const { slowFirst } = await import("../../support/slow-first.mjs");
    const order = slowFirst([
      { tier: "e2e", size: 12_000, duration: 30_000 },
      { tier: "e2e", size: 5_000, duration: 600_000 },
      { tier: "unit", size: 1_000, duration: 50 },
      { tier: "unit", size: 9_000 },
    ]);
    // e2e by duration; unit has a file without one (new), so by size.
    expect(order).toEqual([1, 0, 3, 2]);
  });
});

describe("plainTotals", () => {
  it("gives the run's totals in the plain form a CI reader parses, a broken file counting as a failure", async () => {
    const { plainTotals } = await import("../../support/tier-summary.js");
    const files: FileOutcome[] = [
      { tier: "unit", states: ["passed", "passed", "skipped"], failed: false, ms: 1 },
      { tier: "e2e", states: ["passed", "failed", "pending"], failed: true, ms: 1 },
      { tier: "user", states: [], failed: true, ms: 1 },
    ];
    expect(plainTotals(files)).toBe("3 passed, 2 failed, 2 skipped");
  });
});
