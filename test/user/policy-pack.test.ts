// The policy pack as a user runs it: a JavaScript project with pulumi-clerk (the tarball) and
// @pulumi/policy installed, a production stack (an sk_live_ key, set with --secret), and
// `pulumi preview --policy-pack node_modules/pulumi-clerk/policy-pack`. One program breaks every rule at
// once; the pack config relaxes and turns off rules; a clean program passes silently and is deployed;
// the certificate rule judges the deployed stack; a violating value unknown at preview passes the
// preview and is stopped by `pulumi up`; a user's own pack matches pulumi-clerk's classes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { IDP_CERT_ONE } from "../support/certificate";
import { createProject, initStack, installPackages, type Run, seconds, type UserProject } from "./harness";

const KEY = "sk_live_user_tier_policy_pack";
const PACK = "node_modules/pulumi-clerk/policy-pack";
const PROD = "(the default instance, production)";

const violating = `const clerk = require("pulumi-clerk");
new clerk.RedirectUrl("callback", { url: "http://localhost:3000/callback" });
new clerk.InstanceSettings("settings", {
  testMode: true,
  allowedOrigins: ["https://app.example.com", "http://app.example.com"],
});
new clerk.OAuthApplication("cli", { name: "cli", public: true, redirectUris: ["https://127.0.0.1/cb"] });
new clerk.JwtTemplate("supabase", { name: "supabase", claims: { role: "authenticated" }, lifetime: 604800 });
new clerk.Machine("worker", { name: "worker", defaultTokenTtl: 604800 });
new clerk.AllowlistIdentifier("friend", { identifier: "friend@gmail.com" });
`;

const clean = `const clerk = require("pulumi-clerk");
new clerk.RedirectUrl("callback", { url: "myapp://oauth-callback" });
new clerk.InstanceSettings("settings", { testMode: false, allowedOrigins: ["https://app.example.com"] });
new clerk.OAuthApplication("cli", {
  name: "cli",
  public: true,
  pkceRequired: true,
  redirectUris: ["https://app.example.com/cb"],
});
new clerk.JwtTemplate("supabase", { name: "supabase", claims: { role: "authenticated" }, lifetime: 60 });
new clerk.Machine("worker", { name: "worker", defaultTokenTtl: 3600 });
new clerk.AllowlistIdentifier("ceo", { identifier: "ceo@example.com" });
new clerk.SamlConnection("okta", {
  name: "Okta",
  domains: ["example.com"],
  provider: "saml_custom",
  idpEntityId: "https://idp.example.com/entity",
  idpSsoUrl: "https://idp.example.com/sso",
  idpCertificates: [${JSON.stringify(IDP_CERT_ONE)}],
});
`;

// The clean program plus two violations whose values depend on a resource not created yet.
const unknownAtPreview = `${clean}
const extra = new clerk.JwtTemplate("extra", { name: "extra", claims: {}, lifetime: 60 });
new clerk.RedirectUrl("later", { url: extra.id.apply(() => "http://localhost:4000/cb") });
new clerk.OAuthApplication("later-app", {
  name: "later",
  public: true,
  pkceRequired: extra.id.apply(() => false),
  redirectUris: ["https://app.example.com/cb"],
});
`;

// A pack of the user's own: pulumi-clerk's rules plus one matching a pulumi-clerk class.
const ownPack = `const { PolicyPack, validateResourceOfType } = require("@pulumi/policy");
const clerk = require("pulumi-clerk");
const { clerkPolicies } = require("pulumi-clerk/policy");

new PolicyPack("acme-clerk", {
  policies: [
    ...clerkPolicies(),
    {
      name: "jwt-templates-are-prefixed",
      description: "JWT template names start with acme-.",
      enforcementLevel: "mandatory",
      validateResource: validateResourceOfType(clerk.JwtTemplate, (template, args, reportViolation) => {
        if (!template.name.startsWith("acme-"))
          reportViolation(\`own rule: JwtTemplate "\${args.name}" is named "\${template.name}", not acme-*\`);
      }),
    },
  ],
});
`;

const timings: string[] = [];
let emu: Emulator;
let project: UserProject;

/** `pulumi preview` with the shipped pack (and a pack config file, if given). */
async function preview(config?: string, pack = PACK): Promise<Run> {
  const args = ["preview", "--policy-pack", pack];
  if (config !== undefined) args.push("--policy-pack-config", config);
  const r = await project.pulumi(args);
  timings.push(`preview ${seconds(r.ms)}`);
  return r;
}

const output = (r: Run) => `${r.stdout}\n${r.stderr}`;

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  project = createProject("policy-pack", {
    "Pulumi.yaml": "name: clerk-policy\nruntime: nodejs\n",
    "package.json": `${JSON.stringify(
      {
        name: "clerk-policy",
        private: true,
        main: "index.js",
        dependencies: { "@pulumi/pulumi": "^3.270.0" },
        devDependencies: { "@pulumi/policy": "^1.21.0" },
      },
      null,
      2,
    )}\n`,
    "index.js": violating,
    "strict.json": JSON.stringify({ "clerk-allowlist-domains": { domains: ["example.com"] } }),
    "relaxed.json": JSON.stringify({
      all: "advisory",
      "clerk-test-mode-off": "disabled",
      "clerk-jwt-template-lifetime": { maxSeconds: 604800 },
      "clerk-allowlist-domains": { domains: ["example.com"] },
    }),
    "certificates.json": JSON.stringify({ "clerk-sso-certificate-expiry": { minDaysLeft: 400 } }),
    "my-pack/PulumiPolicy.yaml": "runtime: nodejs\n",
    "my-pack/package.json": `${JSON.stringify({ name: "acme-clerk", version: "1.0.0", main: "index.js" })}\n`,
    "my-pack/index.js": ownPack,
  });
  timings.push(`npm install ${seconds((await installPackages(project)).ms)}`);
  await initStack(project, { secretKey: KEY, apiUrl: emu.url });
});

afterAll(async () => {
  console.log(`user tier, policy pack: ${timings.join(", ")}`);
  await emu?.close();
});

describe("pulumi-clerk's policy pack through the pulumi CLI", () => {
  it("a program breaking every rule fails the preview, and each violation is named with its fix", async () => {
    emu.clearRequests();
    const r = await preview("strict.json");
    const out = output(r);
    expect(r.code, out).not.toBe(0);
    for (const line of [
      `RedirectUrl "callback" ${PROD}: url "http://localhost:3000/callback" uses plain http://. Fix: use an https:// URL`,
      `InstanceSettings "settings" ${PROD}: allowedOrigins[1] "http://app.example.com" uses plain http://`,
      `OAuthApplication "cli" ${PROD}: redirectUris[0] "https://127.0.0.1/cb" points at 127.0.0.1`,
      `OAuthApplication "cli" ${PROD}: pkceRequired is not set (Clerk's default: false) on a public application`,
      `JwtTemplate "supabase" ${PROD}: lifetime 604800 s is longer than the allowed 3600 s`,
      `Machine "worker" ${PROD}: defaultTokenTtl 604800 s is longer than the allowed 86400 s`,
      `AllowlistIdentifier "friend" ${PROD}: identifier "friend@gmail.com" is from gmail.com, not one of the allowed domains`,
      `InstanceSettings "settings" ${PROD}: testMode is true`,
    ]) {
      expect(out).toContain(line);
    }
    // Each violation is listed under its rule and resource, at the rule's level (the machine rule is
    // advisory: it is listed, but does not fail the preview on its own).
    const listed = [
      ...out.matchAll(/- \[(\w+)\]\s+(\S+)\s+\(pulumi-nodejs:dynamic\/clerk:(\w+): (\S+)\)/g),
    ].map((m) => m.slice(1).join(" "));
    expect(listed.sort()).toEqual(
      [
        "mandatory clerk-secure-urls RedirectUrl callback",
        "mandatory clerk-secure-urls InstanceSettings settings",
        "mandatory clerk-secure-urls OAuthApplication cli",
        "mandatory clerk-public-oauth-pkce OAuthApplication cli",
        "mandatory clerk-jwt-template-lifetime JwtTemplate supabase",
        "mandatory clerk-allowlist-domains AllowlistIdentifier friend",
        "mandatory clerk-test-mode-off InstanceSettings settings",
        "advisory clerk-machine-token-lifetime Machine worker",
      ].sort(),
    );
    // The pack read the key to know the instance is production; it never shows it.
    expect(out).not.toContain(KEY);
    // The pack sends nothing; the provider's preview reads the settings it would adopt at most once each
    // (what the first up changes), and writes nothing.
    expect(emu.requests().filter((r) => r.method !== "GET")).toEqual([]);
    expect(emu.requests().every((r) => r.path.startsWith("/instance"))).toBe(true);
  });

  it("the pack config turns rules advisory or off and moves a bound: warnings, and the preview passes", async () => {
    const r = await preview("relaxed.json");
    const out = output(r);
    expect(r.code, out).toBe(0);
    expect(out).toMatch(/advisory/);
    expect(out).toContain(
      `RedirectUrl "callback" ${PROD}: url "http://localhost:3000/callback" uses plain http://`,
    );
    expect(out).toContain(`AllowlistIdentifier "friend" ${PROD}: identifier "friend@gmail.com"`);
    expect(out).not.toContain("testMode is true");
    expect(out).not.toContain('JwtTemplate "supabase"');
    expect(out).not.toMatch(/\bmandatory\b/);
  });

  it("a clean program passes with no policy message, and pulumi up with the pack deploys it", async () => {
    project.write("index.js", clean);
    const r = await preview("strict.json");
    expect(r.code, output(r)).toBe(0);
    expect(output(r)).toMatch(/✅ pulumi-clerk@v[\d.]+ \(local: node_modules\/pulumi-clerk\/policy-pack\)/);
    expect(output(r)).not.toMatch(/\[(advisory|mandatory)\]/);
    const up = await project.pulumi([
      "up",
      "--yes",
      "--policy-pack",
      PACK,
      "--policy-pack-config",
      "strict.json",
    ]);
    timings.push(`up ${seconds(up.ms)}`);
    expect(up.code, output(up)).toBe(0);
    expect(output(up)).not.toMatch(/\[(advisory|mandatory)\]/);
    expect(emu.store.samlConnections.list()).toHaveLength(1);
  });

  it("the certificate rule judges the deployed stack from Clerk's expiry outputs; its bound is a parameter", async () => {
    const r = await preview("certificates.json");
    const out = output(r);
    expect(r.code, out).not.toBe(0);
    expect(out).toMatch(
      /SamlConnection "okta" \(the default instance, production\): the IdP certificate \(idpCertificateExpiresAt 2027-12-01T03:35:25\.000Z\) expires in \d+ days, less than the required 400 days\. Fix: add the IdP's new certificate/,
    );
  });

  it("a user's own rule written with validateResourceOfType against a pulumi-clerk class fires", async () => {
    const r = await preview(undefined, "my-pack");
    const out = output(r);
    expect(r.code, out).not.toBe(0);
    expect(out).toContain('own rule: JwtTemplate "supabase" is named "supabase", not acme-*');
    // The typed helper matched JwtTemplate only; pulumi-clerk's own rules, composed in, found nothing.
    expect(out.match(/own rule:/g)).toHaveLength(1);
    expect(out).not.toContain(PROD);
  });

  it("a violating value unknown at preview passes the preview; pulumi up judges it once known and stops it", async () => {
    project.write("index.js", unknownAtPreview);
    const r = await preview("strict.json");
    expect(r.code, output(r)).toBe(0);
    expect(output(r)).not.toContain("http://localhost:4000");
    const up = await project.pulumi([
      "up",
      "--yes",
      "--policy-pack",
      PACK,
      "--policy-pack-config",
      "strict.json",
    ]);
    const out = output(up);
    expect(up.code, out).not.toBe(0);
    // The engine stops the update at the first mandatory violation it meets: either resource (they are
    // judged in parallel, once their inputs are known). Neither was created.
    const stopped = [
      `RedirectUrl "later" ${PROD}: url "http://localhost:4000/cb" uses plain http://`,
      `OAuthApplication "later-app" ${PROD}: pkceRequired is false on a public application`,
    ].filter((m) => out.includes(m));
    expect(stopped.length, out).toBeGreaterThanOrEqual(1);
    expect(emu.store.redirectUrls.list().map((u) => u.url)).not.toContain("http://localhost:4000/cb");
    expect(emu.store.oauthApplications.list().map((a) => a.name)).not.toContain("later");
  });
});
