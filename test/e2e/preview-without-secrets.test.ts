import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestStack, type TestStack } from "./harness";

// Issue 24 (docs): "`pulumi preview` works without a key" must hold for named instances too. A pull
// request from a fork previews without the CI secrets: no `clerk:secretKey`, no
// `CLERK_SECRET_KEY_<NAME>`. Such a preview validates and plans, sending nothing; `up` then fails naming
// the missing key.
let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  stack = await createTestStack({
    name: "preview-without-secrets",
    program: "fixtures/clerk-program.cjs",
    apiUrl: emu.url,
    params: {
      resources: [
        {
          type: "RedirectUrl",
          name: "prod-callback",
          args: { url: "https://app.example.com/callback", instance: "production" },
        },
        { type: "InstanceSettings", name: "prod-settings", args: { hibp: true, instance: "production" } },
      ],
    },
  });
});
afterAll(async () => {
  await stack?.cleanup();
  await emu?.close();
});

describe("a preview without secrets", () => {
  it("plans resources of a named instance without any key, sending nothing", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary.create).toBe(3);
    expect(emu.requests()).toEqual([]);
  });

  it("up then fails naming the missing key of the named instance", async () => {
    const up = await stack.attempt("up");
    expect(up.ok).toBe(false);
    const message = up.ok ? "" : up.message;
    expect(message).toContain("CLERK_SECRET_KEY_PRODUCTION");
  });
});
