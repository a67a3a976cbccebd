import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 24, item 3 under the real engine: outputs of optional arguments the program left out exist as
// Outputs (test/unit/provider/declared-outputs.test.ts walks every class; this runs a program).
const KEY = "sk_test_e2e_omitted_outputs_0123456789";
let emu: Emulator;
let stack: TestStack;
beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "omitted-outputs",
    secretKey: KEY,
    params: {},
    program: "fixtures/omitted-outputs-program.cjs",
  }));
});
afterAll(() => closeClerkStack(stack, emu));

describe("an output whose argument the program left out", () => {
  it("is an Output the program can apply, resolving to undefined", async () => {
    const up = await stack.up();
    expect(up.outputs).toMatchObject({
      notify: "(unset)",
      rotateSecretKey: "(unset)",
      previousKeyTtl: "(unset)",
      signingKey: "(unset)",
      identifierType: "email_address",
    });
  });
});
