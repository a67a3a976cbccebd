import { beforeEach, describe, expect, it } from "vitest";
import { APPLICATION_ID, PRODUCTION_SECRET_KEY } from "../../../emulator";
import { ClerkApiError, createPlatformClient } from "../../../sdk";
import { api, useEmulator } from "../../support/emulator";

// Production instances, application domains and key rotation through the sdk's Platform client against
// the emulator (every exchange is also checked against the Platform spec by the contract setup).

const AK = "ak_emulatorPlatformKey123";
const emulator = useEmulator();
const client = () => createPlatformClient({ apiKey: AK, apiUrl: emulator().url, retry: false });
beforeEach(() => {
  emulator().store.reset();
  emulator().platform.reset();
});

async function failure(p: Promise<unknown>): Promise<ClerkApiError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof ClerkApiError)) throw new Error(`expected a ClerkApiError, got ${String(e)}`);
  return e;
}

const urls = async (key: string | undefined) =>
  (await api(emulator(), "GET", "/redirect_urls", undefined, { key })).body.map(
    (r: { url: string }) => r.url,
  );

describe("Platform API: production instances", () => {
  it("creates one (201, keys, active domain), refuses a second with 409 production_instance_exists", async () => {
    const c = client();
    const app = await c.applications.create({ name: "Solo" });
    expect(app.instances.map((i) => i.environment_type)).toEqual(["development"]);
    const inst = await c.instances.createProduction(app.application_id, { domain: "Solo.Example.com" });
    expect(inst).toMatchObject({
      object: "instance",
      environment_type: "production",
      active_domain: { name: "solo.example.com", frontend_api_url: "https://clerk.solo.example.com" },
      publishable_key: `pk_live_${Buffer.from("clerk.solo.example.com$").toString("base64")}`,
    });
    expect(inst.secret_key).toMatch(/^sk_live_/);
    expect(inst.created_at).toBeGreaterThan(1_600_000_000_000); // milliseconds
    const read = await c.applications.get(app.application_id, { includeSecretKeys: true });
    expect(read.instances.map((i) => [i.instance_id, i.secret_key])).toContainEqual([
      inst.id,
      inst.secret_key,
    ]);
    expect(
      (await api(emulator(), "GET", "/instance", undefined, { key: inst.secret_key })).body,
    ).toMatchObject({ id: inst.id, environment_type: "production" });

    const again = await failure(
      c.instances.createProduction(app.application_id, { domain: "other.example.com" }),
    );
    expect([again.status, again.code]).toEqual([409, "production_instance_exists"]);
    const missing = await failure(c.instances.createProduction("app_nope", { domain: "x.example.com" }));
    expect(missing.status).toBe(404);
    const bad = await failure(c.instances.createProduction(app.application_id, { domain: "not a domain" }));
    expect([bad.status, bad.code]).toEqual([422, "form_param_format_invalid"]);
  });

  it("clone_instance_id copies the development instance's configuration; a production source is refused", async () => {
    const c = client();
    const app = await c.applications.create({ name: "Clone" });
    const devId = app.instances[0]!.instance_id;
    await c.config.patch(app.application_id, "development", { session: { lifetime: 4321 } });
    const bad = await failure(
      c.instances.createProduction(app.application_id, {
        domain: "c.example.com",
        clone_instance_id: "ins_nope",
      }),
    );
    expect(bad.errors[0]?.meta?.param_name).toBe("clone_instance_id");
    await c.instances.createProduction(app.application_id, {
      domain: "c.example.com",
      clone_instance_id: devId,
    });
    const doc = await c.config.get(app.application_id, "production", { keys: ["session"] });
    expect(doc.session).toMatchObject({ lifetime: 4321 });

    const plain = await c.applications.create({ name: "Plain" });
    await c.instances.createProduction(plain.application_id, { domain: "p.example.com" });
    const fresh = await c.config.get(plain.application_id, "production", { keys: ["session"] });
    expect(fresh.session).not.toMatchObject({ lifetime: 4321 });
  });
});

describe("Platform API: key rotation", () => {
  it("an application's rotation issues new keys; old ones are refused (401), never taken for another instance", async () => {
    const c = client();
    const app = await c.applications.create({
      name: "Rot",
      domain: "rot.example.com",
      environment_types: ["development", "production"],
    });
    const [d, p] = app.instances;
    await api(
      emulator(),
      "POST",
      "/redirect_urls",
      { url: "https://rot.example.com/cb" },
      { key: d!.secret_key },
    );
    const rotated = await c.instances.rotateSecretKeys(app.application_id, undefined, { reason: "test" });
    expect(rotated.instances.map((i) => i.instance_id)).toEqual([d!.instance_id, p!.instance_id]);
    const newDev = rotated.instances[0]!.secret_key;
    expect(newDev).toMatch(/^sk_test_/);
    expect(newDev).not.toBe(d!.secret_key);
    expect(await urls(newDev)).toEqual(["https://rot.example.com/cb"]);
    // The old development key would otherwise count as "any sk_test_ key" of the seeded instance.
    expect((await api(emulator(), "GET", "/redirect_urls", undefined, { key: d!.secret_key })).status).toBe(
      401,
    );
    const read = await c.applications.get(app.application_id, { includeSecretKeys: true });
    expect(read.instances.map((i) => i.secret_key)).toEqual(rotated.instances.map((i) => i.secret_key));
  });

  it("an instance's rotation touches that instance only; a grace period keeps the old key working", async () => {
    const c = client();
    const before = await c.applications.get(APPLICATION_ID, { includeSecretKeys: true });
    const r = await c.instances.rotateSecretKeys(APPLICATION_ID, "production", {
      delay_old_secrets_expiration_hours: 1,
    });
    expect(r.instances.map((i) => i.environment_type)).toEqual(["production"]);
    const after = await c.applications.get(APPLICATION_ID, { includeSecretKeys: true });
    expect(after.instances[0]?.secret_key).toBe(before.instances[0]?.secret_key);
    expect(after.instances[1]?.secret_key).toBe(r.instances[0]?.secret_key);
    await api(
      emulator(),
      "POST",
      "/redirect_urls",
      { url: "https://prod.example/cb" },
      { key: PRODUCTION_SECRET_KEY },
    );
    expect(await urls(r.instances[0]!.secret_key)).toEqual(["https://prod.example/cb"]);
    const unknown = await failure(c.instances.rotateSecretKeys(APPLICATION_ID, "ins_nope"));
    expect(unknown.status).toBe(404);
    const badBody = await failure(
      c.instances.rotateSecretKeys(APPLICATION_ID, "production", { delay_old_secrets_expiration_hours: -1 }),
    );
    expect(badBody.status).toBe(422);
  });
});

describe("Platform API: application domains", () => {
  it("lists {data,total_count}, adds a satellite (409 twice), changes the primary, reports DNS status", async () => {
    const c = client();
    const app = await c.applications.create({
      name: "Dom",
      domain: "dom.example.com",
      environment_types: ["development", "production"],
    });
    const id = app.application_id;
    const list = await c.domains.list(id);
    expect(list.total_count).toBe(1);
    expect(list.data[0]).toMatchObject({ name: "dom.example.com", is_satellite: false });
    expect(list.data[0]?.cname_targets?.map((t) => t.host)).toContain("clerk.dom.example.com");

    const sat = await c.domains.create(id, { name: "sat.example.org", proxy_path: "/__clerk" });
    expect(sat).toMatchObject({ is_satellite: true, proxy_url: "https://sat.example.org/__clerk" });
    expect((await failure(c.domains.create(id, { name: "SAT.example.org" }))).status).toBe(409);
    expect((await c.domains.list(id)).total_count).toBe(2);
    expect((await c.domains.get(id, "sat.example.org")).id).toBe(sat.id);

    const primary = await c.domains.updatePrimary(id, { name: "new.example.com" });
    expect(primary).toMatchObject({
      name: "new.example.com",
      frontend_api_url: "https://clerk.new.example.com",
    });
    const read = await c.applications.get(id);
    expect(read.instances[1]?.publishable_key).toBe(
      `pk_live_${Buffer.from("clerk.new.example.com$").toString("base64")}`,
    );

    const status = await c.domains.status(id, primary.id);
    expect(status.status).toBe("incomplete");
    expect(status.dns).toMatchObject({ status: "not_started" });
    expect(status.ssl).toMatchObject({ required: true });
    expect(status.mail).toBeDefined();
    expect(status.proxy).toBeDefined();

    const primaryDelete = await failure(c.domains.delete(id, primary.id));
    expect(primaryDelete.status).toBe(422);
    expect(await c.domains.delete(id, sat.id)).toMatchObject({ id: sat.id, deleted: true });
    expect((await failure(c.domains.status(id, sat.id))).status).toBe(404);
  });

  it("an application without a production instance has no domains to manage (404)", async () => {
    const c = client();
    const app = await c.applications.create({ name: "DevOnly" });
    expect((await failure(c.domains.list(app.application_id))).status).toBe(404);
    const bad = await failure(c.domains.create(APPLICATION_ID, { name: "https://x.example.com/" }));
    expect([bad.status, bad.code]).toEqual([422, "form_param_format_invalid"]);
  });
});

describe("Platform API: two applications never mix", () => {
  it("each application's keys reach its own instances' objects only", async () => {
    const c = client();
    const both = { environment_types: ["development", "production"] as ("development" | "production")[] };
    const a = await c.applications.create({ name: "A", domain: "a.example.com", ...both });
    const b = await c.applications.create({ name: "B", domain: "b.example.com", ...both });
    const keys = [...a.instances, ...b.instances].map((i) => i.secret_key!);
    for (const [n, key] of keys.entries()) {
      await api(emulator(), "POST", "/redirect_urls", { url: `https://k${n}.example.com/cb` }, { key });
    }
    for (const [n, key] of keys.entries()) expect(await urls(key)).toEqual([`https://k${n}.example.com/cb`]);
    expect(await urls(undefined)).toEqual([]);
  });
});
