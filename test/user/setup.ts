// Once per run of the user tier: check the toolchain (a missing CLI or language host fails the tier
// with how to get it), then `npm pack` the built package into the run's temp folder. Every project of
// the tier installs that one tarball.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { makeRunDir, REPO_ROOT, removeRunDir, requireToolchain, seconds } from "./harness";

export default async function setup(project: TestProject): Promise<() => void> {
  requireToolchain();
  if (!existsSync(join(REPO_ROOT, "dist", "provider", "index.js"))) {
    throw new Error("dist/ is not built: run `npm run build` (or `npm test`, which builds first)");
  }
  const runDir = makeRunDir();
  const started = Date.now();
  // `--ignore-scripts`: the repository's `prepare` (its self-link) is for developers, not for packing.
  await promisify(execFile)("npm", ["pack", "--ignore-scripts", "--pack-destination", runDir], {
    cwd: REPO_ROOT,
  });
  const packMs = Date.now() - started;
  const tarball = readdirSync(runDir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${runDir}`);
  console.log(`user tier: npm pack ${seconds(packMs)} -> ${tarball}`);
  project.provide("tarball", join(runDir, tarball));
  project.provide("packMs", packMs);
  project.provide("runDir", runDir);
  return () => {
    if (!process.env.USER_TIER_KEEP) removeRunDir(runDir);
  };
}
