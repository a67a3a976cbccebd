import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_oauth_application_integration";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => emu.clearRequests());

const count = (method: string, suffix = "") =>
  emu
    .requests()
    .filter((r) => r.method === method && r.path.startsWith("/oauth_applications") && r.path.endsWith(suffix))
    .length;

describe("OAuthApplication", () => {
  const p = provider("OAuthApplication");
  const inputs = {
    name: "partner",
    redirectUris: ["https://partner.example.com/cb"],
    scopes: ["profile", "email"],
  };

  it("creates with a secret, keeps it on read and update, sees out-of-band edits, deletes", async () => {
    const { id, outs } = await p.create(inputs);
    const secret = emu.store.oauthApplications.get(id)?.client_secret;
    expect(secret).toMatch(/.{16,}/);
    expect(outs).toMatchObject({
      clientSecret: secret,
      clientId: expect.any(String),
      // Clerk holds "email offline_access profile": the same set once its implicit scope is left aside.
      scopes: ["profile", "email"],
    });
    expect(emu.store.oauthApplications.get(id)?.scopes).toBe("email offline_access profile");
    expect(outs).toHaveProperty("authorizeUrl");

    expect((await p.diff(id, outs ?? {}, inputs)).changes).toBe(false);

    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ clientSecret: secret });
    // A refresh right after create changes nothing: same outputs, inputs as declared.
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(inputs);

    emu.store.oauthApplications.update(id, { name: "renamed-in-dashboard" });
    const drifted = await p.read(id, read.props ?? {});
    expect(drifted.props).toMatchObject({ name: "renamed-in-dashboard", clientSecret: secret });
    expect((await p.diff(id, drifted.props ?? {}, inputs)).changes).toBe(true);

    emu.clearRequests();
    const updated = await p.update(id, drifted.props ?? {}, { ...inputs, pkceRequired: true });
    expect(updated.outs).toMatchObject({ name: "partner", pkceRequired: true, clientSecret: secret });
    expect(count("POST", "/rotate_secret")).toBe(0);
    // Only what changed is sent.
    const patch = emu.requests().find((r) => r.method === "PATCH");
    expect(patch?.requestBody).toEqual({ name: "partner", pkce_required: true });

    await p.delete(id, updated.outs ?? {});
    expect(emu.store.oauthApplications.get(id)).toBeUndefined();
    expect(await p.read(id, updated.outs ?? {})).toEqual({});
    await expect(p.delete(id, updated.outs ?? {})).resolves.toBeUndefined();
  });

  it("rotates the secret when rotateSecret changes, and only then", async () => {
    const { id, outs } = await p.create({ ...inputs, rotateSecret: 1 });
    const first = outs?.clientSecret;
    const same = await p.update(id, outs ?? {}, { ...inputs, rotateSecret: 1, name: "n2" });
    expect(same.outs?.clientSecret).toBe(first);
    emu.clearRequests();
    const rotated = await p.update(id, same.outs ?? {}, { ...inputs, rotateSecret: 2, name: "n2" });
    expect(count("POST", "/rotate_secret")).toBe(1);
    expect(count("PATCH")).toBe(0);
    expect(rotated.outs?.clientSecret).not.toBe(first);
    expect(rotated.outs?.clientSecret).toBe(emu.store.oauthApplications.get(id)?.client_secret);
    expect(rotated.outs).toMatchObject({ rotateSecret: 2 });
    // The trigger is write-only: kept on read.
    expect((await p.read(id, rotated.outs ?? {})).props).toMatchObject({ rotateSecret: 2 });
  });

  it.each([
    ["without offline_access, in another order", ["email", "profile"]],
    ["with offline_access", ["offline_access", "profile", "email"]],
  ])("converges when scopes are declared %s", async (_label, scopes) => {
    const declared = { ...inputs, scopes };
    const { id, outs } = await p.create(declared);
    const read = await p.read(id, outs ?? {});
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(declared);
    emu.clearRequests();
    expect((await p.diff(id, read.props ?? {}, declared)).changes).toBe(false);
    // Dropping a declared offline_access is no change either: Clerk keeps it regardless.
    expect((await p.diff(id, read.props ?? {}, { ...inputs, scopes: ["profile", "email"] })).changes).toBe(
      false,
    );
    expect((await p.diff(id, read.props ?? {}, { ...inputs, scopes: ["profile"] })).changes).toBe(true);
    expect(emu.requests()).toEqual([]);
  });

  it("switching between public and confidential replaces the application", async () => {
    const { id, outs } = await p.create({ ...inputs, public: true });
    expect(outs?.clientSecret ?? "").toBe("");
    expect(await p.diff(id, outs ?? {}, { ...inputs, public: false })).toMatchObject({
      changes: true,
      replaces: ["public"],
    });
  });

  it("adoption has no secret until rotateSecret is set", async () => {
    const existing = await p.create(inputs);
    const adopted = await p.create({ ...inputs, importId: existing.id });
    expect(adopted.outs?.clientSecret ?? "").toBe("");
    const rotated = await p.update(existing.id, adopted.outs ?? {}, { ...inputs, rotateSecret: "now" });
    expect(rotated.outs?.clientSecret).toBe(emu.store.oauthApplications.get(existing.id)?.client_secret);
  });
});
