import { describe, expect, it } from "vitest";
import { instanceCommunicationDefinition } from "../../../provider/definitions/instance-communication";
import type { OperationContext } from "../../../provider/runtime/definition";
import { makeHandlers } from "../../../provider/runtime/generic";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const noClient = () => {
  throw new Error("check and diff must not touch Clerk");
};
const h = makeHandlers(instanceCommunicationDefinition, noClient);
const state = { blockedCountryCodes: ["RU", "NG", "IR"], __provider: "p" };

describe("InstanceCommunication", () => {
  it("check: each code must be two upper-case letters, named by index", async () => {
    const r = await h.check({}, { blockedCountryCodes: ["RU", "ru", "RUS", "N1"] });
    expect(r.failures?.map((f) => f.property)).toEqual([
      "blockedCountryCodes[1]",
      "blockedCountryCodes[2]",
      "blockedCountryCodes[3]",
    ]);
    expect(r.failures?.[0]?.reason).toBe(
      "InstanceCommunication.blockedCountryCodes[1]: must be a two-letter upper-case ISO 3166-1 country code, such as RU",
    );
  });

  it("check: rejects duplicates and more than 250 codes; accepts [] and an unknown list", async () => {
    const dup = await h.check({}, { blockedCountryCodes: ["RU", "RU"] });
    expect(dup.failures?.[0]?.reason).toBe(
      "InstanceCommunication.blockedCountryCodes: must not list a country twice",
    );
    const many = Array.from({ length: 251 }, (_, i) =>
      String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)),
    );
    expect((await h.check({}, { blockedCountryCodes: many })).failures?.[0]?.reason).toMatch(/at most 250/);
    expect((await h.check({}, { blockedCountryCodes: [] })).failures).toBeUndefined();
    expect((await h.check({}, { blockedCountryCodes: UNKNOWN })).failures).toBeUndefined();
  });

  it("diff compares the list as a set", async () => {
    expect(
      (await h.diff("instance_communication", state, { blockedCountryCodes: ["IR", "RU", "NG"] })).changes,
    ).toBe(false);
    expect(
      (await h.diff("instance_communication", state, { blockedCountryCodes: ["IR", "RU"] })).changes,
    ).toBe(true);
    expect((await h.diff("instance_communication", state, { blockedCountryCodes: [] })).changes).toBe(true);
    expect((await h.diff("instance_communication", state, {})).changes).toBe(false);
  });

  it("a write whose echo lacks declared codes restores the previous list and fails, naming them", async () => {
    const patches: unknown[] = [];
    const client = {
      instanceCommunication: {
        get: async () => ({ object: "instance_communication", blocked_country_codes: ["RU", "IR"] }),
        update: async (body: { blocked_country_codes: string[] }) => {
          patches.push(body);
          return {
            object: "instance_communication",
            blocked_country_codes: body.blocked_country_codes.filter((c) => c !== "US" && c !== "FR"),
          };
        },
      },
    };
    const handlers = makeHandlers(
      instanceCommunicationDefinition,
      () => ({ client, type: "InstanceCommunication" }) as unknown as OperationContext,
    );
    const err = await handlers
      .update("instance_communication", state, { blockedCountryCodes: ["RU", "US", "FR"] })
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^update InstanceCommunication "instance_communication" failed: blockedCountryCodes: Clerk does not accept US, FR:/,
    );
    expect((err as Error).message).toContain("Nothing was changed");
    expect(patches).toEqual([
      { blocked_country_codes: ["RU", "US", "FR"] },
      { blocked_country_codes: ["RU", "IR"] },
    ]);
  });

  it("if putting the previous list back fails too, says what Clerk now holds", async () => {
    let n = 0;
    const client = {
      instanceCommunication: {
        get: async () => ({ object: "instance_communication", blocked_country_codes: [] }),
        update: async () => {
          if (n++ > 0) throw new Error("connection reset");
          return { object: "instance_communication", blocked_country_codes: ["RU"] };
        },
      },
    };
    const handlers = makeHandlers(
      instanceCommunicationDefinition,
      () => ({ client, type: "InstanceCommunication" }) as unknown as OperationContext,
    );
    const err = await handlers.create({ blockedCountryCodes: ["RU", "US"] }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /does not accept US: .*Putting the previous list back failed \(connection reset\); Clerk now blocks RU: run `pulumi refresh`/,
    );
  });
});
