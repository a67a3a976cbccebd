import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { configure, provider } from "../../../provider/runtime";

// The Application resource through the provider runtime against the emulator's Platform API: create
// with both instances, refresh, no-op diff without requests, key rotation, deletion protection.

const AK = "ak_applicationIntegration123";
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  const config: Record<string, string> = { "clerk:platformApiKey": AK, "clerk:apiUrl": emu.url };
  await configure({ config: { get: (k: string) => config[k] } });
});
afterAll(() => emu?.close());
beforeEach(() => emu.clearRequests());

const p = provider("Application");
const declared = {
  name: "Acme",
  environmentTypes: ["development", "production"],
  domain: "acme.example.com",
  template: "b2b-saas",
};

describe("Application", () => {
  it("creates both instances with keys as outputs, reads them back, diffs a no-op with 0 requests, rotates", async () => {
    const checked = await p.check({}, declared);
    expect(checked.failures).toBeUndefined();
    const made = await p.create(checked.inputs ?? {});
    expect(made.id).toMatch(/^app_/);
    const app = emu.platform.application(made.id)!;
    const [dev, prod] = app.instances;
    expect(made.outs).toMatchObject({
      name: "Acme",
      environmentTypes: ["development", "production"],
      deletionProtection: true,
      applicationId: made.id,
      developmentSecretKey: dev?.secret_key,
      productionSecretKey: prod?.secret_key,
    });
    expect(made.outs?.instances).toEqual([
      expect.objectContaining({ instanceId: dev?.instance_id, environmentType: "development" }),
      {
        instanceId: prod?.instance_id,
        environmentType: "production",
        publishableKey: prod?.publishable_key,
        frontendApiUrl: "https://clerk.acme.example.com",
      },
    ]);
    const read = await p.read(made.id, made.outs ?? {});
    expect(read.props).toEqual(made.outs);

    emu.clearRequests();
    const again = await p.check(read.inputs ?? {}, declared);
    expect((await p.diff(made.id, read.props ?? {}, again.inputs ?? {})).changes).toBe(false);
    expect(emu.requests()).toEqual([]);

    const rotate = { ...declared, rotateSecretKeys: 1 };
    expect((await p.diff(made.id, read.props ?? {}, rotate)).replaces).toEqual([]);
    const rotated = await p.update(
      made.id,
      read.props ?? {},
      (await p.check(read.inputs ?? {}, rotate)).inputs ?? {},
    );
    const after = emu.platform.application(made.id)!;
    expect(rotated.outs?.developmentSecretKey).toBe(after.instances[0]?.secret_key);
    expect(rotated.outs?.developmentSecretKey).not.toBe(dev?.secret_key);
    expect(rotated.outs?.productionSecretKey).not.toBe(prod?.secret_key);
  });

  it("refuses destroy while protected, naming what would be lost; deletes after the switch", async () => {
    const made = await p.create((await p.check({}, { name: "Doomed" })).inputs ?? {});
    await expect(p.delete(made.id, made.outs ?? {})).rejects.toThrow(
      /deletion protection.*users.*deletionProtection: false/s,
    );
    expect(emu.platform.application(made.id)).toBeDefined();
    const off = (await p.check({}, { name: "Doomed", deletionProtection: false })).inputs ?? {};
    const updated = await p.update(made.id, made.outs ?? {}, off);
    await p.delete(made.id, updated.outs ?? {});
    expect(emu.platform.application(made.id)).toBeUndefined();
  });

  it("a replace-causing change fails at preview while protected, before any request", async () => {
    emu.clearRequests();
    const olds = { name: "Old", environmentTypes: ["development"], deletionProtection: true };
    const refused = await p.check(olds, { name: "New" });
    expect(refused.failures?.[0]?.reason).toMatch(
      /Application: changing name replaces the application.*users/,
    );
    const allowed = await p.check(olds, { name: "New", deletionProtection: false });
    expect(allowed.failures).toBeUndefined();
    expect(emu.requests()).toEqual([]);
  });

  const hostile: Array<[string, Record<string, unknown>, RegExp]> = [
    ["empty name", { name: "" }, /name/],
    ["blank name", { name: "   " }, /name/],
    ["long name", { name: "x".repeat(257) }, /name/],
    ["control characters", { name: "a\u0000b" }, /name.*control/],
    ["name not a string", { name: 7 }, /name/],
    ["unknown environment", { name: "a", environmentTypes: ["staging"] }, /environmentTypes/],
    ["no environment", { name: "a", environmentTypes: [] }, /environmentTypes/],
    ["environment twice", { name: "a", environmentTypes: ["development", "development"] }, /twice/],
    ["production without domain", { name: "a", environmentTypes: ["production"] }, /domain/],
    ["unknown template", { name: "a", template: "saas" }, /template/],
    ["domain with scheme", { name: "a", domain: "https://example.com" }, /domain/],
    ["domain with path", { name: "a", domain: "example.com/x" }, /domain/],
    ["domain with port", { name: "a", domain: "example.com:443" }, /domain/],
    ["wildcard domain", { name: "a", domain: "*.example.com" }, /domain/],
    ["single-label domain", { name: "a", domain: "localhost" }, /domain/],
    ["domain with spaces", { name: "a", domain: "exa mple.com" }, /domain/],
    ["deletionProtection not boolean", { name: "a", deletionProtection: "no" }, /deletionProtection/],
    ["rotation trigger object", { name: "a", rotateSecretKeys: { at: 1 } }, /rotateSecretKeys/],
    ["unknown field", { name: "a", secretKey: "sk_test_x" }, /secretKey/],
  ];
  for (const [what, news, field] of hostile) {
    it(`refuses at check: ${what}`, async () => {
      emu.clearRequests();
      const r = await p.check({}, news);
      expect(r.failures?.length ?? 0).toBeGreaterThan(0);
      expect(r.failures?.map((f) => `${f.property} ${f.reason}`).join("\n")).toMatch(field);
      expect(r.failures?.map((f) => f.reason).join("\n")).toMatch(/Application/);
      expect(emu.requests()).toEqual([]);
    });
  }
});
