import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, type Emulator, MEMBER_ROLE_ID } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// The lifecycle checklist under the real Pulumi engine for Machine (a scope by reference to another
// machine's id, the secret key as a secret output, rotation by trigger), ScimDirectory (ordered
// group-to-role mappings, the API key as a secret output) and SvixWebhooks (enable, disable on destroy).
const KEY = "sk_test_e2e_machines_0123456789";
const MAPPINGS = [
  { scimGroupId: "it-admins", roleId: ADMIN_ROLE_ID },
  { scimGroupId: "everyone", roleId: MEMBER_ROLE_ID },
];
const params = (over: Record<string, unknown> = {}) => ({ mappings: MAPPINGS, ...over });

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({
    name: "machines",
    secretKey: KEY,
    params: params(),
    program: "fixtures/machines-program.cjs",
  }));
});
afterAll(() => closeClerkStack(stack, emu));

const machine = (name: string) => emu.store.machines.find((m) => m.name === name);
const live = () => ({
  machines: emu.store.machines
    .list()
    .map((m) => ({
      name: m.name,
      ttl: m.default_token_ttl,
      scopes: m.scoped_machines.map((id) => emu.store.machines.get(id)?.name),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1)),
  scim: emu.store.scimDirectories.list().map((d) => d.group_role_mappings.map((m) => m.scim_group_id)),
  svix: emu.store.svix.get().enabled,
});
/** Every secret Clerk holds for these objects right now. */
const secrets = () => [
  ...emu.store.machines.list().map((m) => m.secret_key),
  ...emu.store.scimDirectories.list().map((d) => d.api_key),
];

describe("Machine, ScimDirectory, SvixWebhooks under the real engine", () => {
  it("1. up creates the machines (the worker allowed to call the API), the directory, and enables webhooks", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(6); // 2 machines, the connection, the directory, webhooks + the stack
    expect(live()).toEqual({
      machines: [
        { name: "billing-worker", ttl: 600, scopes: ["orders-api"] },
        { name: "orders-api", ttl: 3600, scopes: [] },
      ],
      scim: [["it-admins", "everyone"]],
      svix: true,
    });
    // Keys and the dashboard link are secret outputs, and the program gets the live values.
    expect(up.secretOutputs.sort()).toEqual(["dashboard", "scimKey", "workerKey"]);
    expect(up.outputs.workerKey).toBe(machine("billing-worker")?.secret_key);
    expect(up.outputs.scimKey).toBe(emu.store.scimDirectories.list()[0]?.api_key);
    expect(up.outputs.dashboard).toMatch(/^https:\/\//);
  });

  it("2. an immediate preview shows no changes and sends zero requests", async () => {
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: 6 });
    expect(emu.requests()).toEqual([]);
  });

  it("2b. a refresh with nothing changed in Clerk changes nothing in state (webhooks included)", async () => {
    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 0, delete: 0, create: 0 });
  });

  it("3. refresh sees a key rotated, a scope removed and webhooks disabled behind Pulumi's back; up restores", async () => {
    const worker = machine("billing-worker");
    emu.store.machines.update(worker?.id ?? "", {
      secret_key: "ak_rotated_in_dashboard",
      scoped_machines: [],
    });
    emu.store.svix.set({ enabled: false });

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1, delete: 1 });
    const state = await stack.exportState();
    expect(state.resources.some((r) => r.urn.endsWith("::webhooks"))).toBe(false);

    const up = await stack.up();
    expect(up.summary).toMatchObject({ create: 1, update: 1, delete: 0, replace: 0 });
    expect(live().machines[0]).toEqual({ name: "billing-worker", ttl: 600, scopes: ["orders-api"] });
    expect(live().svix).toBe(true);
    // The rotated key reached the program's outputs.
    expect(up.outputs.workerKey).toBe("ak_rotated_in_dashboard");

    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("4. a changed rotation trigger rotates the key with the declared grace period; mappings reorder in place", async () => {
    const before = machine("billing-worker")?.secret_key;
    emu.clearRequests();
    const up = await stack.up({ params: params({ rotate: 1, mappings: [...MAPPINGS].reverse() }) });
    expect(up.summary).toMatchObject({ update: 2, create: 0, delete: 0, replace: 0 });
    const rotations = emu.requests().filter((r) => r.path.endsWith("/secret_key/rotate"));
    expect(rotations.map((r) => r.requestBody)).toEqual([{ previous_token_ttl: 600 }]);
    expect(machine("billing-worker")?.secret_key).not.toBe(before);
    expect(up.outputs.workerKey).toBe(machine("billing-worker")?.secret_key);
    expect(live().scim).toEqual([["everyone", "it-admins"]]);
    // The same trigger again rotates nothing.
    emu.clearRequests();
    expect((await stack.preview()).summary).toMatchObject({ update: 0, create: 0, delete: 0, replace: 0 });
    expect(emu.requests()).toEqual([]);
  });

  it("5. the exported stack holds no machine key, SCIM key or Clerk key in plaintext", async () => {
    const state = await stack.exportState();
    for (const secret of [KEY, ...secrets()]) expect(state.text).not.toContain(secret);
    const outputsOf = (name: string) => state.resources.find((r) => r.urn.endsWith(`::${name}`))?.outputs;
    expect(outputsOf("worker")?.secretKey).toHaveProperty("ciphertext");
    expect(outputsOf("scim")?.apiKey).toHaveProperty("ciphertext");
    expect(outputsOf("webhooks")?.dashboardUrl).toHaveProperty("ciphertext");
  });

  it("6. a scope named by machine name instead of id fails at preview, naming the field, with no request", async () => {
    emu.clearRequests();
    const outcome = await stack.attempt("preview", { params: params({ rotate: 1, bad: true }) });
    expect(outcome.ok).toBe(false);
    const message = outcome.ok ? "" : outcome.message;
    expect(message).toContain("resource 'bad'");
    expect(message).toMatch(/Machine\.scopedMachines\[0\]: must be a machine id \(mch_…\)/);
    expect(emu.requests()).toEqual([]);
    stack.params = params({ rotate: 1 });
  });

  it("7. destroy deletes the machines and the directory, and disables the webhooks this stack enabled", async () => {
    await stack.destroy();
    expect(live()).toEqual({ machines: [], scim: [], svix: false });
  });
});
