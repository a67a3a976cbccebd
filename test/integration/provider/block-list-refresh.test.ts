import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { startRuntimeEmulator } from "../../support/runtime-emulator";

// Clerk pages the block-list (10 per page unless asked otherwise). A refresh that read one page would
// report entries 11.. as deleted, and the next `up` would create them again.
let emu: Emulator;
beforeAll(async () => {
  emu = await startRuntimeEmulator("sk_test_blocklist_refresh");
});
afterAll(() => emu.close());

describe("BlocklistIdentifier refresh", () => {
  it("finds every one of 25 entries", async () => {
    const p = provider("BlocklistIdentifier");
    const created = [];
    for (let i = 0; i < 25; i++) created.push(await p.create({ identifier: `refresh${i}@spam.test` }));
    for (const { id, outs } of created) {
      const read = await p.read(id, outs ?? {});
      expect(read.id, `entry ${outs?.identifier} looked deleted`).toBe(id);
    }
  });
});
