import { defineConfig } from "vitest/config";

// One project per tier, named after its folder, each runnable alone (`npm run test:<name>`). The e2e tier
// (real Pulumi engine, inline programs), the user tier (the real `pulumi` CLI on project folders) and the
// acceptance tier get longer timeouts and run their files one at a time. Every exchange with an
// in-process emulator, in any of the fast tiers, is validated against Clerk's OpenAPI spec
// (test/contract/setup.ts).
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
    projects: [
      fast("unit"),
      fast("integration"),
      fast("contract"),
      // Clerk's official Node client against the emulator: where they disagree, the emulator is wrong.
      fast("conformance"),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
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
          fileParallelism: false,
        },
      },
      {
        // Opt in with CLERK_ACCEPTANCE_SECRET_KEY (a development instance); skipped otherwise.
        test: {
          name: "acceptance",
          include: ["test/acceptance/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
