import { describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

// Clerk pages the block-list (10 per page unless asked otherwise). A refresh that read one page would
// report entries 11.. as deleted, and the next `up` would create them again.
useRuntimeEmulator("sk_test_blocklist_refresh");

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
