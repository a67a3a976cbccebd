import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { configure, provider } from "../../../provider/runtime";

// Two Clerk instances in one provider process, as Pulumi's dynamic-provider process runs them: the
// default one (clerk:secretKey, clerk:apiUrl) on one emulator and "production" (clerk:instances) on
// another, each emulator accepting only its own key.
const DEFAULT_KEY = "sk_test_default_instance_key";
const PROD_KEY = "sk_live_production_instance_key";
let dev: Emulator;
let prod: Emulator;

beforeAll(async () => {
  dev = await startEmulator({ port: 0, secretKeys: [DEFAULT_KEY] });
  prod = await startEmulator({ port: 0, secretKeys: [PROD_KEY] });
  const config: Record<string, string> = {
    "clerk:secretKey": DEFAULT_KEY,
    "clerk:apiUrl": dev.url,
    // As the engine hands a structured config value to the provider: its JSON text.
    "clerk:instances": JSON.stringify({ production: { secretKey: PROD_KEY, apiUrl: prod.url } }),
  };
  await configure({ config: { get: (k: string) => config[k] } });
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});
beforeEach(() => {
  dev.clearRequests();
  prod.clearRequests();
});

const sent = (emu: Emulator) => emu.requests().map((r) => `${r.method} ${r.path}`);

describe("several Clerk instances in one provider process", () => {
  const jwt = provider("JwtTemplate");
  const redirect = provider("RedirectUrl");

  it("creates each resource in its own instance and records the instance name only", async () => {
    const a = await redirect.create({ url: "myapp://dev-callback" });
    const b = await redirect.create({ url: "myapp://prod-callback", instance: "production" });
    expect(dev.store.redirectUrls.list().map((r) => r.url)).toEqual(["myapp://dev-callback"]);
    expect(prod.store.redirectUrls.list().map((r) => r.url)).toEqual(["myapp://prod-callback"]);
    expect(a.outs).not.toHaveProperty("instance");
    expect(b.outs).toMatchObject({ instance: "production" });
    expect(JSON.stringify([a, b])).not.toMatch(/sk_(test|live)_/);
  });

  it("refresh reads each resource from its own instance, through that instance's own listing", async () => {
    const inputs = { name: "api", claims: { aud: "api" } };
    const a = await jwt.create({ ...inputs, lifetime: 60 });
    const b = await jwt.create({ ...inputs, lifetime: 600, instance: "production" });
    dev.clearRequests();
    prod.clearRequests();

    const readA = await jwt.read(a.id, a.outs ?? {});
    expect(readA.props).toMatchObject({ lifetime: 60 });
    expect(sent(dev)).toEqual(["GET /jwt_templates"]);
    expect(sent(prod)).toEqual([]);

    const readB = await jwt.read(b.id, b.outs ?? {});
    expect(readB.props).toMatchObject({ lifetime: 600, instance: "production" });
    expect(readB.inputs).toMatchObject({ instance: "production" });
    // Production's own listing, not an answer from the default instance's.
    expect(sent(prod)).toEqual(["GET /jwt_templates"]);
    expect(sent(dev)).toEqual(["GET /jwt_templates"]);
  });

  it("moving a resource to another instance: diff replaces, create lands there, delete leaves the old one's", async () => {
    const old = await redirect.create({ url: "myapp://moving" });
    const news = { url: "myapp://moving", instance: "production" };
    const diff = await redirect.diff(old.id, old.outs ?? {}, news);
    expect(diff).toMatchObject({ changes: true, replaces: ["instance"], deleteBeforeReplace: false });

    // The engine's create-before-delete replacement.
    const moved = await redirect.create((await redirect.check({}, news)).inputs ?? {});
    await redirect.delete(old.id, old.outs ?? {});
    expect(prod.store.redirectUrls.list().some((r) => r.id === moved.id)).toBe(true);
    expect(dev.store.redirectUrls.list().some((r) => r.url === "myapp://moving")).toBe(false);
    expect(sent(prod)).toEqual(["POST /redirect_urls"]);
    expect(sent(dev)).toEqual(["POST /redirect_urls", `DELETE /redirect_urls/${old.id}`]);
  });

  it("singletons are per instance: InstanceSettings of each instance are that instance's", async () => {
    const settings = provider("InstanceSettings");
    await settings.create({ allowedOrigins: ["https://dev.example.com"] });
    await settings.create({ allowedOrigins: ["https://example.com"], instance: "production" });
    expect(dev.store.instance.get().allowed_origins).toEqual(["https://dev.example.com"]);
    expect(prod.store.instance.get().allowed_origins).toEqual(["https://example.com"]);
  });

  it("an unknown instance fails at check, before any request, naming the field and the configured names", async () => {
    const r = await redirect.check({}, { url: "myapp://x", instance: "prod" });
    expect(r.failures).toEqual([
      {
        property: "instance",
        reason: expect.stringContaining(
          'RedirectUrl.instance: unknown Clerk instance "prod"; configured: production',
        ),
      },
    ]);
    expect(JSON.stringify(r)).not.toContain(PROD_KEY);
    expect(sent(dev)).toEqual([]);
    expect(sent(prod)).toEqual([]);
  });

  it("a failure names the instance and its own settings, never the key", async () => {
    const err = await redirect
      .create({ url: "myapp://dup-prod", instance: "production" })
      .then(() => redirect.create({ url: "myapp://dup-prod", instance: "production" }))
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(
      /^create RedirectUrl in Clerk instance "production" failed: Clerk API 4\d\d/,
    );
    expect((err as Error).message).not.toContain(PROD_KEY);
  });
});
