import { defineConfig } from "vitest/config";

// Unit, integration and contract tests run by default; e2e tests (real Pulumi engine) and user tests
// (the real `pulumi` CLI on project folders) are their own projects so they can be run alone
// (`npm run test:e2e`, `npm run test:user`) and get longer timeouts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts", "test/contract/**/*.test.ts"],
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
