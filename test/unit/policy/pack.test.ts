// The pack around the rules: which instances count as production (from the keys the pack can see,
// or the user's own resolver), how properties the policy SDK hands over (with unknowns) reach the
// rules, and what Pulumi gets as policies (names, levels, config schemas with defaults).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import * as sdkProxy from "@pulumi/policy/proxy";
import { describe, expect, it } from "vitest";
import { clerkPolicies, keyEnvironments } from "../../../policy";
import { plain, UNKNOWN } from "../../../policy/values";

// The SDK's own proxy (internal to it, so untyped): the properties exactly as a policy receives them.
const { unknownCheckingProxy } = sdkProxy as unknown as {
  unknownCheckingProxy: (o: object) => Record<string, unknown>;
};

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const LIVE = "sk_live_policy_unit_aaaaaaaaaaaa";

describe("production, from the keys the pack sees", () => {
  it("an sk_live_ key is production, sk_test_ development, none unknown; named instances resolve as the provider does", () => {
    const env = keyEnvironments(
      config({
        "clerk:secretKey": "sk_test_dev",
        "clerk:instances": JSON.stringify({
          prod: { secretKey: LIVE },
          nokey: { apiUrl: "https://api.clerk.com/v1" },
        }),
      }),
      { CLERK_SECRET_KEY_EU: LIVE },
    );
    expect(env(undefined).environment).toBe("development");
    expect(env("prod").environment).toBe("production");
    expect(env("eu").environment).toBe("production");
    expect(env("nokey").environment).toBe("unknown");
    expect(env("missing").environment).toBe("unknown");
    for (const name of [undefined, "prod", "eu", "nokey", "missing"])
      expect(JSON.stringify(env(name))).not.toContain("sk_live_policy");
  });

  it("the default instance from CLERK_SECRET_KEY when the stack config has none", () => {
    expect(keyEnvironments(config({}), { CLERK_SECRET_KEY: LIVE })(undefined).environment).toBe("production");
    expect(keyEnvironments(config({}), {})(undefined).reason).toBe(
      "no secret key is visible to the policy pack",
    );
  });
});

describe("properties from the policy SDK", () => {
  it("plain() copies through the SDK's unknown-checking proxy, marking each unknown value instead of stopping", () => {
    const proxied = unknownCheckingProxy({
      url: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
      redirectUris: ["04da6b54-80e4-46f7-96ec-b56ff0331ba9", "http://x.dev/cb"],
      nested: { a: 1 },
    });
    expect(() => proxied.url).toThrow(/can't be known during preview/);
    expect(plain(proxied)).toEqual({
      url: UNKNOWN,
      redirectUris: [UNKNOWN, "http://x.dev/cb"],
      nested: { a: 1 },
    });
  });
});

type Report = (message: string, urn?: string) => void;

function run(
  policies: ReturnType<typeof clerkPolicies>,
  name: string,
  resource: { type: string; name: string; props: Record<string, unknown> },
  cfg: object = {},
): string[] {
  const p = policies.find((x) => x.name === name) as ResourceValidationPolicy;
  const found: string[] = [];
  const args = { ...resource, urn: `urn:${resource.name}`, getConfig: () => cfg } as never;
  (p.validateResource as (a: never, r: Report) => void)(args, (m) => found.push(m));
  return found;
}

describe("clerkPolicies()", () => {
  const token = (t: string) => `pulumi-nodejs:dynamic/clerk:${t}`;
  const testMode = { type: token("InstanceSettings"), name: "settings", props: { testMode: true } };

  it("production-only rules judge production instances only; appliesTo: all judges every instance", () => {
    const policies = clerkPolicies({ environment: (i) => (i === "prod" ? "production" : "development") });
    expect(run(policies, "clerk-test-mode-off", testMode)).toEqual([]);
    const prod = { ...testMode, props: { testMode: true, instance: "prod" } };
    expect(run(policies, "clerk-test-mode-off", prod)[0]).toContain(
      'InstanceSettings "settings" (instance "prod", production): testMode is true',
    );
    expect(run(policies, "clerk-test-mode-off", testMode, { appliesTo: "all" })[0]).toContain(
      "(the default instance, development)",
    );
    // An instance name unknown at preview: its environment is unknown, so a production-only rule waits.
    expect(
      run(policies, "clerk-test-mode-off", { ...testMode, props: { testMode: true, instance: UNKNOWN } }),
    ).toEqual([]);
  });

  it("ignores resources of other types, and takes parameters from the pack config over the defaults", () => {
    const policies = clerkPolicies();
    const jwt = { type: token("JwtTemplate"), name: "t", props: { lifetime: 7200 } };
    expect(run(policies, "clerk-jwt-template-lifetime", jwt)).toHaveLength(1);
    expect(run(policies, "clerk-jwt-template-lifetime", jwt, { maxSeconds: 7200 })).toEqual([]);
    expect(run(policies, "clerk-jwt-template-lifetime", { ...jwt, type: "aws:s3/bucket:Bucket" })).toEqual(
      [],
    );
  });

  it("gives Pulumi each rule's level and a config schema with every default; exclude leaves rules out", () => {
    const policies = clerkPolicies();
    const urls = policies.find((p) => p.name === "clerk-secure-urls");
    expect(urls?.enforcementLevel).toBe("mandatory");
    expect(policies.find((p) => p.name === "clerk-machine-token-lifetime")?.enforcementLevel).toBe(
      "advisory",
    );
    expect(urls?.configSchema?.properties.appliesTo?.default).toBe("production");
    expect(urls?.configSchema?.properties.customSchemes?.default).toEqual([]);
    const certs = policies.find((p) => p.name === "clerk-sso-certificate-expiry") as StackValidationPolicy;
    expect(typeof certs.validateStack).toBe("function");
    expect(clerkPolicies({ exclude: ["clerk-secure-urls"] }).map((p) => p.name)).not.toContain(
      "clerk-secure-urls",
    );
  });

  it("the stack-level rule reports each violation against the resource's URN", () => {
    const certs = clerkPolicies().find(
      (p) => p.name === "clerk-sso-certificate-expiry",
    ) as StackValidationPolicy;
    const reports: [string, string | undefined][] = [];
    const resources = [
      {
        type: token("SamlConnection"),
        name: "okta",
        urn: "urn:okta",
        props: { idpCertificateExpiresAt: Date.now() },
      },
      { type: token("RedirectUrl"), name: "cb", urn: "urn:cb", props: { url: "http://x" } },
    ];
    (certs.validateStack as (a: never, r: Report) => void)(
      { resources, getConfig: () => ({}) } as never,
      (m, u) => reports.push([m, u]),
    );
    expect(reports).toHaveLength(1);
    expect(reports[0]?.[1]).toBe("urn:okta");
  });
});

describe("the shipped pack folder", () => {
  it("carries the package's version (Pulumi reports the pack as pulumi-clerk@v<version>)", () => {
    const read = (f: string) => JSON.parse(readFileSync(join(__dirname, "../../..", f), "utf8"));
    expect(read("policy-pack/package.json").version).toBe(read("package.json").version);
  });
});
