import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { startRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_oauth_application_integration";
let emu: Emulator;

beforeAll(async () => {
  emu = await startRuntimeEmulator(KEY);
});
afterAll(() => emu.close());
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
      scopes: ["email", "profile"],
    });
    expect(outs).toHaveProperty("authorizeUrl");

    // Clerk's sorted scopes are no change.
    expect((await p.diff(id, outs ?? {}, inputs)).changes).toBe(false);

    const read = await p.read(id, outs ?? {});
    expect(read.props).toMatchObject({ clientSecret: secret });

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

  it("switching a public client to confidential rotates to learn the new secret", async () => {
    const { id, outs } = await p.create({ ...inputs, public: true });
    expect(outs?.clientSecret ?? "").toBe("");
    const conf = await p.update(id, outs ?? {}, { ...inputs, public: false });
    expect(conf.outs?.clientSecret).toBe(emu.store.oauthApplications.get(id)?.client_secret);
    expect(conf.outs?.clientSecret).not.toBe("");
  });

  it("adoption has no secret until rotateSecret is set", async () => {
    const existing = await p.create(inputs);
    const adopted = await p.create({ ...inputs, importId: existing.id });
    expect(adopted.outs?.clientSecret ?? "").toBe("");
    const rotated = await p.update(existing.id, adopted.outs ?? {}, { ...inputs, rotateSecret: "now" });
    expect(rotated.outs?.clientSecret).toBe(emu.store.oauthApplications.get(existing.id)?.client_secret);
  });
});
