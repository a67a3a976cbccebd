import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStack, type TestStack } from "../e2e/harness";

// Opt-in tier: the part-1 lifecycle against a real Clerk *development* instance. Without
// CLERK_ACCEPTANCE_SECRET_KEY it is reported as skipped, never as passed.
const key = process.env.CLERK_ACCEPTANCE_SECRET_KEY;
const apiUrl = process.env.CLERK_ACCEPTANCE_API_URL ?? "https://api.clerk.com/v1";
const run = `pc${Date.now().toString(36)}`;

const declared = (lifetime: number) => ({
  resources: [
    { type: "RedirectUrl", name: "callback", args: { url: `pulumi-clerk-${run}://callback` } },
    { type: "AllowlistIdentifier", name: "allow", args: { identifier: `${run}@example.com` } },
    { type: "JwtTemplate", name: "tmpl", args: { name: `pulumi-clerk-${run}`, claims: { run }, lifetime } },
  ],
});

describe.skipIf(!key)("acceptance: a real Clerk development instance", () => {
  let stack: TestStack;

  beforeAll(async () => {
    if (key?.startsWith("sk_live_"))
      throw new Error("refusing to run acceptance tests against a production key");
    stack = await createTestStack({
      name: "acceptance",
      program: "fixtures/clerk-program.cjs",
      apiUrl,
      secretKey: key,
      params: declared(60),
    });
  });

  afterAll(async () => {
    // Leave nothing behind in the instance, even when a step failed.
    await stack?.attempt("destroy");
    await stack?.cleanup();
  });

  it("creates, shows no changes on re-preview, updates in place, refreshes cleanly, destroys", async () => {
    expect((await stack.up()).summary.create).toBe(4);
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect((await stack.up({ params: declared(120) })).summary).toMatchObject({ update: 1, replace: 0 });
    expect((await stack.refresh()).summary).toMatchObject({ update: 0, delete: 0 });
    const state = await stack.exportState();
    expect(state.text).not.toContain(key as string);
    expect((await stack.destroy()).summary.delete).toBeGreaterThanOrEqual(3);
  });
});
