import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Code and comments cite only what a reader of the repository can open: the reference notes the team
// keeps beside the repository (a digest of Clerk's spec, evidence files) are not shipped with it, so a
// comment that points at one ("digest §18.1") says nothing to anyone else. Say the fact in place.
const REPO_ROOT = resolve(__dirname, "../../..");
const OUTSIDE = [/\bdigest §/i, /bapi-digest/i, /clerk-(platform-)?evidence\.md/i];

describe("citations", () => {
  it("no source file cites a reference document kept outside the repository", () => {
    const files = execFileSync("git", ["ls-files", "*.ts", "*.mts", "*.mjs", "*.cjs", "*.js"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    })
      .split("\n")
      .filter((f) => f !== "" && f !== "test/unit/tools/citations.test.ts");
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      readFileSync(join(REPO_ROOT, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (OUTSIDE.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
