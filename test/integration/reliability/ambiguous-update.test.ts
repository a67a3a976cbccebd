import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { faultOnce } from "../../support/fault-once";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

// Updates made of POSTs the sdk must not repeat blindly (adding roles to a set, moving members off a
// role, rotating a key): when the answer is lost after Clerk acted, the update still succeeds, in one
// `up`, with what Clerk now holds, and acts only once.
const KEY = "sk_test_reliability_ambiguous_update";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.configure({ faults: null });
  emu.clearRequests();
});

const writes = () =>
  emu
    .requests()
    .filter((r) => r.method !== "GET")
    .map((r) => `${r.method} ${r.path.replace(/(rs|mch|oa)_\w+/g, ":id")}${r.fault ? ` [${r.fault}]` : ""}`);

describe("RoleSet: a role change whose answer is lost", () => {
  const p = provider("RoleSet");
  const base = {
    key: "role_set:lost_answers",
    name: "Lost answers",
    roles: ["org:admin"],
    defaultRoleKey: "org:admin",
    creatorRoleKey: "org:admin",
  };

  it("adding a role: the set as Clerk holds it now ends the update, the POST is not repeated", async () => {
    const { id, outs } = await p.create(base);
    emu.clearRequests();
    const news = { ...base, roles: ["org:admin", "org:member"] };
    faultOnce(emu, { dropAfterCommit: 1 });
    const updated = await p.update(id, outs ?? {}, news);
    expect(writes()).toEqual(["POST /role_sets/:id/roles [dropAfterCommit]"]);
    expect(updated.outs?.roles).toEqual(["org:admin", "org:member"]);

    // And back: removing the role, whose answer is lost too.
    emu.clearRequests();
    faultOnce(emu, { dropAfterCommit: 1 });
    const back = await p.update(id, updated.outs ?? {}, base);
    expect(writes()).toEqual(["POST /role_sets/:id/roles/replace [dropAfterCommit]"]);
    expect(back.outs?.roles).toEqual(["org:admin"]);
    expect((await p.diff(id, (await p.read(id, back.outs ?? {})).props ?? {}, base)).changes).toBe(false);
    await p.delete(id, back.outs ?? {});
  });
});

describe("Machine: a scope or a rotation whose answer is lost", () => {
  const p = provider("Machine");

  it("a scope added: the repeat finds it there (409) and the update succeeds", async () => {
    const callee = await p.create({ name: "callee" });
    const caller = await p.create({ name: "caller" });
    emu.clearRequests();
    faultOnce(emu, { dropAfterCommit: 1 });
    const updated = await p.update(caller.id, caller.outs ?? {}, {
      name: "caller",
      scopedMachines: [callee.id],
    });
    expect(writes()).toEqual(["POST /machines/:id/scopes [dropAfterCommit]", "POST /machines/:id/scopes"]);
    expect(updated.outs?.scopedMachines).toEqual([callee.id]);
    expect(emu.store.machines.get(caller.id)?.scoped_machines).toEqual([callee.id]);
  });

  it("a rotation: state gets the key Clerk holds now, and Clerk rotated once", async () => {
    const m = await p.create({ name: "rotated" });
    const before = m.outs?.secretKey;
    emu.clearRequests();
    faultOnce(emu, { dropAfterCommit: 1 });
    const updated = await p.update(m.id, m.outs ?? {}, { name: "rotated", rotateSecretKey: 1 });
    expect(writes()).toEqual(["POST /machines/:id/secret_key/rotate [dropAfterCommit]"]);
    const live = emu.store.machines.get(m.id)?.secret_key;
    expect(live).not.toBe(before);
    expect(updated.outs?.secretKey).toBe(live);
  });
});

describe("OAuthApplication: a secret rotation whose answer is lost", () => {
  it("is sent again, and state holds the secret Clerk holds now", async () => {
    const p = provider("OAuthApplication");
    const app = await p.create({ name: "Rotated twice", redirectUris: ["https://r2.example.com/cb"] });
    emu.clearRequests();
    faultOnce(emu, { dropAfterCommit: 1 });
    const updated = await p.update(app.id, app.outs ?? {}, {
      name: "Rotated twice",
      redirectUris: ["https://r2.example.com/cb"],
      rotateSecret: 1,
    });
    expect(writes()).toEqual([
      "POST /oauth_applications/:id/rotate_secret [dropAfterCommit]",
      "POST /oauth_applications/:id/rotate_secret",
    ]);
    const live = emu.store.oauthApplications.get(app.id)?.client_secret;
    expect(updated.outs?.clientSecret).toBe(live);
    expect(live).not.toBe(app.outs?.clientSecret);
  });
});
