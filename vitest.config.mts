import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { SlowFirst } from "./test/support/slow-first.mjs";

// Every Node process of the run (vitest's workers, the e2e runner, Pulumi's dynamic-provider and language
// host processes, npm) reuses V8's compiled code for the modules it loads: each engine operation starts
// two or three Node processes that load @pulumi/pulumi, about half of whose start-up is compiling it.
// Only a cache (node_modules/.cache is disposable); what runs is the same code.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, "node_modules", ".cache", "node-compile-cache");

// One project per tier, named after its folder, each runnable alone (`npm run test:<name>`). Every
// exchange with an in-process emulator, in any of the fast tiers, is validated against Clerk's OpenAPI spec
// (test/contract/setup.ts).
//
// How `npm test` spends two cores (docs/architecture.md, "The test suite's time"): the tiers share one
// pool of three workers, the engine tiers' files handed out first, longest first (test/support/slow-first.ts),
// the fast tiers' files filling the workers meanwhile. An engine operation spends much of its time waiting
// (process start-up, gRPC, the engine's event log), so three files at a time keep two cores busy. Files
// share no state: each e2e stack and user project has its own folder, backend and PULUMI_HOME, and every
// emulator listens on a port of its own.
const fast = (name: string) => ({
  test: {
    name,
    include: [`test/${name}/**/*.test.ts`],
    testTimeout: 30_000,
    setupFiles: ["test/contract/setup.ts"],
  },
});

export default defineConfig({
  test: {
    // The tier table first, so vitest's own summary stays the last lines a CI reader parses.
    reporters: ["./test/support/tier-summary.ts", "default"],
    maxWorkers: 3,
    sequence: { sequencer: SlowFirst },
    projects: [
      fast("unit"),
      fast("integration"),
      fast("contract"),
      // Clerk's official Node client against the emulator: where they disagree, the emulator is wrong.
      fast("conformance"),
      {
        // The real Pulumi engine, inline programs (test/e2e/harness).
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Pulumi as its users run it: project folders outside the repository that npm-install the packed
        // package, driven by the real `pulumi` CLI and its Node.js language host.
        test: {
          name: "user",
          include: ["test/user/**/*.test.ts"],
          globalSetup: ["test/user/setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        // Opt in with CLERK_ACCEPTANCE_SECRET_KEY (a development instance); skipped otherwise. Its files
        // share one real instance, so they run one at a time, after the other tiers.
        test: {
          name: "acceptance",
          include: ["test/acceptance/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
