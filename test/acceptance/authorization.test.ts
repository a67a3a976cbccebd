import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStack, type TestStack } from "../e2e/harness";

// Opt-in tier: the authorization model against a real Clerk *development* instance (the emulator's
// answers for permissions, roles and role sets come from the spec and @clerk/backend; this is where
// they meet Clerk). Without CLERK_ACCEPTANCE_SECRET_KEY it is reported as skipped, never as passed.
const key = process.env.CLERK_ACCEPTANCE_SECRET_KEY;
const apiUrl = process.env.CLERK_ACCEPTANCE_API_URL ?? "https://api.clerk.com/v1";
const run = `pc${Date.now().toString(36)}`;

const declared = (extraRole: boolean) => ({
  resources: [
    { type: "OrganizationPermission", name: "read", args: { key: `org:${run}:read`, name: "Read" } },
    {
      type: "OrganizationRole",
      name: "role",
      args: {
        key: `org:${run}`,
        name: `Role ${run}`,
        permissions: ["ref:read.key", "org:sys_memberships:read"],
      },
    },
    {
      type: "RoleSet",
      name: "set",
      args: {
        key: `role_set:${run}`,
        name: `Set ${run}`,
        roles: extraRole ? ["org:admin", "ref:role.key", "org:member"] : ["org:admin", "ref:role.key"],
        defaultRoleKey: "ref:role.key",
        creatorRoleKey: "org:admin",
      },
    },
  ],
});

describe.skipIf(!key)("acceptance: the authorization model on a real Clerk development instance", () => {
  let stack: TestStack;

  beforeAll(async () => {
    if (key?.startsWith("sk_live_"))
      throw new Error("refusing to run acceptance tests against a production key");
    stack = await createTestStack({
      name: "acceptance-authorization",
      program: "fixtures/ref-program.cjs",
      apiUrl,
      secretKey: key,
      params: declared(false),
    });
  });

  afterAll(async () => {
    // Leave nothing behind: the set is replaced by the instance's initial one, then role and permission go.
    await stack?.attempt("destroy");
    await stack?.cleanup();
  });

  it("creates, shows no changes on re-preview, adds a role in place, refreshes cleanly, destroys", async () => {
    expect((await stack.up()).summary.create).toBe(4);
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect((await stack.up({ params: declared(true) })).summary).toMatchObject({ update: 1, replace: 0 });
    expect((await stack.refresh()).summary).toMatchObject({ update: 0, delete: 0 });
    expect((await stack.destroy()).summary.delete).toBe(4);
  });
});
