import { describe, expect, it } from "vitest";
import { jwtTemplateDefinition } from "../../../provider/definitions/jwt-template";
import { redirectUrlDefinition } from "../../../provider/definitions/redirect-url";
import { describeFailure } from "../../../provider/runtime/failures";
import { makeHandlers } from "../../../provider/runtime/generic";
import { ClientPool, Instances } from "../../../provider/runtime/instances";
import { ListCache } from "../../../provider/runtime/list-cache";
import { UNKNOWN } from "../../../provider/runtime/unknowns";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk/errors";

const config = (values: Record<string, unknown>) => ({ get: (k: string) => values[k] as string | undefined });
const instances = (values: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  new Instances(config(values), env);
const two = JSON.stringify({
  production: { secretKey: "sk_live_prodsecret", apiUrl: "http://127.0.0.1:1/v1" },
  staging: { secretKey: "sk_test_stagingsecret", requestTimeoutMs: 900 },
});

describe("clerk:instances resolution", () => {
  it("resolves a named instance from its own entry; API version and timeout fall back to the default's, key and URL never", () => {
    const i = instances({
      "clerk:secretKey": "sk_test_default",
      "clerk:apiUrl": "http://127.0.0.1:9/v1",
      "clerk:apiVersion": "2025-11-10",
      "clerk:requestTimeoutMs": "5000",
      "clerk:instances": two,
    });
    expect(i.settings()).toMatchObject({ secretKey: "sk_test_default", apiUrl: "http://127.0.0.1:9/v1" });
    expect(i.settings("production")).toEqual({
      instance: "production",
      secretKey: "sk_live_prodsecret",
      apiUrl: "http://127.0.0.1:1/v1",
      apiVersion: "2025-11-10",
      requestTimeoutMs: "5000",
    });
    expect(i.settings("staging")).toMatchObject({ apiUrl: undefined, requestTimeoutMs: "900" });
    expect(i.names()).toEqual(["production", "staging"]);
  });

  it("accepts the config as the engine may pass it: an object with secret markers inside", () => {
    const sig = "4dabf18193072939515e22adb298388d";
    const i = instances({
      "clerk:instances": {
        production: { secretKey: { [sig]: "1b47061264138c4ac30d75fd1eb44270", value: "sk_live_x" } },
      },
    });
    expect(i.settings("production").secretKey).toBe("sk_live_x");
  });

  it("takes a named instance's settings from CLERK_*_<NAME> when the config lacks them (config first)", () => {
    const env = {
      CLERK_SECRET_KEY_EU_PROD: "sk_live_fromenv",
      CLERK_API_URL_EU_PROD: "http://127.0.0.1:2/v1",
      CLERK_SECRET_KEY_PREVIEW: "sk_test_preview",
    };
    const i = instances(
      { "clerk:instances": JSON.stringify({ "eu-prod": { apiUrl: "http://127.0.0.1:3/v1" } }) },
      env,
    );
    expect(i.settings("eu-prod")).toMatchObject({
      secretKey: "sk_live_fromenv",
      apiUrl: "http://127.0.0.1:3/v1",
    });
    // Known from the environment alone.
    expect(i.refusal("preview")).toBeUndefined();
    expect(i.settings("preview").secretKey).toBe("sk_test_preview");
    expect(i.names()).toEqual(["eu-prod", "preview"]);
  });

  it("an unknown name is refused, naming the configured names and how to add it, without any key", () => {
    const i = instances({ "clerk:secretKey": "sk_test_default", "clerk:instances": two });
    const why = i.refusal("prod") ?? "";
    expect(why).toContain('unknown Clerk instance "prod"; configured: production, staging');
    expect(why).toContain("pulumi config set --secret --path 'clerk:instances.prod.secretKey' sk_...");
    expect(why).toContain("CLERK_SECRET_KEY_PROD");
    expect(why).not.toMatch(/sk_(live|test)_[a-z]/);
    expect(() => i.settings("prod")).toThrow(/unknown Clerk instance "prod"/);
    expect(instances({}).refusal("prod")).toMatch(/configured: none/);
  });

  it.each([
    ["not JSON", "{nope", /clerk:instances is not a JSON object/],
    ["a list", "[]", /must be an object of instances by name/],
    ["a bad name", JSON.stringify({ "1st": {} }), /"1st" is not an instance name/],
    ["the name default", JSON.stringify({ default: {} }), /the default instance is clerk:secretKey/],
    [
      "an unknown setting",
      JSON.stringify({ prod: { secret_key: "sk_live_zzz" } }),
      /clerk:instances.prod.secret_key is not a setting/,
    ],
    [
      "two names, one env suffix",
      JSON.stringify({ "eu-prod": {}, eu_prod: {} }),
      /share the environment variables \*_EU_PROD/,
    ],
  ])("malformed clerk:instances (%s) is reported wherever a named instance is used", (_, raw, message) => {
    const i = instances({ "clerk:instances": raw });
    expect(i.refusal("prod")).toMatch(message);
    expect(i.refusal("prod")).not.toContain("sk_live_zzz");
    // The default instance does not depend on it.
    expect(() => i.settings()).not.toThrow();
  });

  it("a named instance without a key fails at first use, naming its own config key and variable", () => {
    const pool = new ClientPool(
      instances({ "clerk:instances": JSON.stringify({ production: { apiUrl: "http://127.0.0.1:1/v1" } }) }),
    );
    expect(() => pool.get("production")).toThrow(
      /Clerk secret key of instance "production" is not set.*pulumi config set --secret --path 'clerk:instances.production.secretKey' sk_\.\.\..*CLERK_SECRET_KEY_PRODUCTION/,
    );
  });

  it("a named instance's bad URL names its own setting", () => {
    const pool = new ClientPool(
      instances({
        "clerk:instances": JSON.stringify({
          production: { secretKey: "sk_live_a", apiUrl: "http://clerk.example.com/v1" },
        }),
      }),
    );
    expect(() => pool.get("production")).toThrow(
      /clerk:instances.production.apiUrl \(or CLERK_API_URL_PRODUCTION\)/,
    );
  });

  it("keeps one client per instance, distinct across instances, kept across identical reconfigures", () => {
    const values = { "clerk:secretKey": "sk_test_default", "clerk:instances": two };
    const pool = new ClientPool(instances(values));
    const prod = pool.get("production");
    const dflt = pool.get();
    expect(prod).not.toBe(dflt);
    expect(pool.get("staging")).not.toBe(prod);
    pool.configure(instances(values));
    expect(pool.get("production")).toBe(prod);
    pool.configure(
      instances({
        ...values,
        "clerk:instances": JSON.stringify({ production: { secretKey: "sk_live_rotated" } }),
      }),
    );
    expect(pool.get("production")).not.toBe(prod);
    expect(() => pool.get("staging")).toThrow(/unknown Clerk instance "staging"/);
  });
});

describe("instance argument in the generic layer", () => {
  const names = instances({ "clerk:instances": two });
  const noClient = () => {
    throw new Error("check and diff must not need a client");
  };
  const jwt = makeHandlers(jwtTemplateDefinition, noClient, names);
  const redirect = makeHandlers(redirectUrlDefinition, noClient, names);

  it("check accepts a configured name and keeps it in the inputs, without a client", async () => {
    const r = await redirect.check({}, { url: "https://a.example.com/cb", instance: "production" });
    expect(r.failures).toBeUndefined();
    expect(r.inputs).toEqual({ url: "https://a.example.com/cb", instance: "production" });
  });

  it("check refuses an unknown name on the instance field, naming the resource type and the configured names", async () => {
    const r = await jwt.check({}, { name: "t", claims: {}, instance: "prod" });
    expect(r.failures).toEqual([
      {
        property: "instance",
        reason: expect.stringMatching(
          /^JwtTemplate.instance: unknown Clerk instance "prod"; configured: production, staging/,
        ),
      },
    ]);
    const empty = await jwt.check({}, { name: "t", claims: {}, instance: " " });
    expect(empty.failures?.[0]?.reason).toMatch(
      /JwtTemplate.instance: must be the name of a configured Clerk instance/,
    );
  });

  it("check lets an unknown (preview) instance through", async () => {
    const r = await jwt.check({}, { name: "t", claims: {}, instance: UNKNOWN });
    expect(r.failures).toBeUndefined();
  });

  it("diff replaces on a change of instance (also to and from the default), and not otherwise", async () => {
    const olds = { url: "https://a.example.com/cb", instance: "production", id: "redir_1" };
    const same = await redirect.diff("redir_1", olds, {
      url: "https://a.example.com/cb",
      instance: "production",
    });
    expect(same.changes).toBe(false);
    const moved = await redirect.diff("redir_1", olds, {
      url: "https://a.example.com/cb",
      instance: "staging",
    });
    expect(moved).toMatchObject({ changes: true, replaces: ["instance"], deleteBeforeReplace: false });
    const toDefault = await redirect.diff("redir_1", olds, { url: "https://a.example.com/cb" });
    expect(toDefault.replaces).toEqual(["instance"]);
    const fromDefault = await jwt.diff(
      "j",
      { name: "t", claims: {} },
      { name: "t", claims: {}, instance: "staging" },
    );
    expect(fromDefault.replaces).toEqual(["instance"]);
    const unknown = await jwt.diff(
      "j",
      { name: "t", claims: {} },
      { name: "t", claims: {}, instance: UNKNOWN },
    );
    expect(unknown.replaces).toEqual(["instance"]);
  });

  it("the definitions never see the instance: each operation gets that instance's context", async () => {
    const seen: (string | undefined)[] = [];
    const h = makeHandlers(redirectUrlDefinition, (instance) => {
      seen.push(instance);
      return {
        type: "RedirectUrl",
        lists: new ListCache(),
        client: {
          redirectUrls: {
            create: async (body: { url: string }) => {
              expect(body).toEqual({ url: "https://a.example.com/cb" });
              return { object: "redirect_url", id: "redir_1", url: body.url, created_at: 1, updated_at: 1 };
            },
          },
        } as never,
      };
    });
    const created = await h.create({ url: "https://a.example.com/cb", instance: "staging" });
    expect(new Set(seen)).toEqual(new Set(["staging"]));
    expect(created.outs).toMatchObject({ url: "https://a.example.com/cb", instance: "staging" });
  });
});

describe("failures of a named instance", () => {
  it("name the instance and point at its own settings", () => {
    const rejected = new ClerkApiError({
      status: 401,
      method: "GET",
      path: "/jwt_templates",
      headers: {},
      rawBody: JSON.stringify({ errors: [{ code: "authentication_invalid", message: "Invalid key" }] }),
    });
    const message = describeFailure(rejected, "read", "JwtTemplate", "jtmp_1", "eu-prod").message;
    expect(message).toMatch(/^read JwtTemplate "jtmp_1" in Clerk instance "eu-prod" failed: /);
    expect(message).toContain("check clerk:instances.eu-prod.secretKey or CLERK_SECRET_KEY_EU_PROD");
    const unreachable = new ClerkNetworkError({
      kind: "refused",
      mayHaveReachedServer: false,
      method: "GET",
      path: "/jwt_templates",
    });
    expect(describeFailure(unreachable, "read", "JwtTemplate", "jtmp_1", "eu-prod").message).toContain(
      "check clerk:instances.eu-prod.apiUrl or CLERK_API_URL_EU_PROD",
    );
    // The default instance keeps its messages.
    expect(describeFailure(rejected, "read", "JwtTemplate", "jtmp_1").message).toContain(
      "check clerk:secretKey or CLERK_SECRET_KEY",
    );
  });
});
