import { defineConfig } from "vitest/config";

// Unit, integration, contract and conformance tests run by default; e2e tests (real Pulumi engine) are their own
// project so they can be run alone (`npm run test:e2e`) and get longer timeouts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "test/unit/**/*.test.ts",
            "test/integration/**/*.test.ts",
            "test/contract/**/*.test.ts",
            // Clerk's official Node client against the emulator: where they disagree, the emulator is wrong.
            "test/conformance/**/*.test.ts",
          ],
          testTimeout: 30_000,
          // Every exchange with an in-process emulator is validated against Clerk's OpenAPI spec.
          setupFiles: ["test/contract/setup.ts"],
        },
      },
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
