import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Application under the real Pulumi engine: created with both instances from nothing (a Platform API
// key only), keys as secret outputs and never on disk in clear, a no-op preview without requests,
// rotation by trigger, destroy refused while deletionProtection is on and allowed after the switch.
const AK = "ak_e2eApplicationPlatformKey0123";

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "application",
    secretKey: "sk_test_e2e_application_unused",
    params: {},
    program: "fixtures/application-program.cjs",
    emulator: { platformApiKeys: [AK] },
  }));
  await stack.setConfig("clerk:platformApiKey", AK, { secret: true });
});
afterAll(() => closeClerkStack(stack, emu));

const created = () => emu.platform.applications().find((a) => a.name === "Preview 42");

describe("Application under the real engine", () => {
  it("1. up creates the application with both instances; keys are secret outputs", async () => {
    const up = await stack.up();
    const app = created();
    expect(app?.instances.map((i) => i.environment_type)).toEqual(["development", "production"]);
    expect(up.outputs.applicationId).toBe(app?.id);
    expect(up.outputs.devKey).toBe(app?.instances[0]?.secret_key);
    expect(up.outputs.prodKey).toBe(app?.instances[1]?.secret_key);
    expect(up.secretOutputs.sort()).toEqual(["devKey", "prodKey"]);
    expect((up.outputs.instances as Array<{ frontendApiUrl: string }>)[1]?.frontendApiUrl).toBe(
      "https://clerk.preview-42.e2e.test",
    );
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("3. a rotation trigger rotates both keys; no key (instance or Platform) is in the exported state in clear", async () => {
    const before = created()?.instances.map((i) => i.secret_key);
    stack.params = { rotate: 1 };
    const up = await stack.up();
    const after = created()?.instances.map((i) => i.secret_key);
    expect(after?.every((k, n) => k !== before?.[n])).toBe(true);
    expect(up.outputs.devKey).toBe(after?.[0]);
    const { text } = await stack.exportState();
    for (const k of [...(before ?? []), ...(after ?? []), AK]) expect(text).not.toContain(k);
    expect(text).not.toMatch(/sk_(test|live)_[A-Za-z0-9]{20,}/);
  });

  it("4. a rename (replace) is refused at preview while protected, before any request", async () => {
    stack.params = { rotate: 1, name: "Renamed" };
    emu.clearRequests();
    const r = await stack.attempt("preview");
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.message).toMatch(/replaces the application.*users/s);
    expect(emu.requests()).toEqual([]);
  });

  it("5. destroy is refused while protected, saying what would be lost; allowed after the switch", async () => {
    stack.params = { rotate: 1 };
    const refused = await stack.attempt("destroy");
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.message).toMatch(
      /deletion protection is on.*users.*deletionProtection: false/s,
    );
    expect(created()).toBeDefined();
    stack.params = { rotate: 1, protect: false };
    await stack.up();
    await stack.destroy();
    expect(created()).toBeUndefined();
  });
});
