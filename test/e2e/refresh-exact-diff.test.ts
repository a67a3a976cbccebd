import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, PRIMARY_DOMAIN_ID, PRIMARY_DOMAIN_NAME } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// What a reviewer sees under the real engine: a refresh right after `up` finds nothing for any resource
// type (OAuth scopes declared in another order than Clerk's, with and without the offline_access Clerk
// adds), and after a dashboard edit `preview --diff` names only the edited field, never a Clerk default
// the program did not declare (a JWT template's clock skew and signing algorithm).
const KEY = "sk_test_e2e_exact_diff_0123456789";

type Decl = { type: string; name: string; args: Record<string, unknown> };

const resources: Decl[] = [
  { type: "RedirectUrl", name: "callback", args: { url: "myapp://oauth-callback" } },
  { type: "AllowlistIdentifier", name: "ceo", args: { identifier: "ceo@example.com" } },
  { type: "AllowlistIdentifier", name: "ceo-phone", args: { identifier: "+15555555555" } },
  { type: "BlocklistIdentifier", name: "spammer", args: { identifier: "spam@example.net" } },
  // No allowedClockSkew, no signingAlgorithm: Clerk picks them.
  { type: "JwtTemplate", name: "supabase", args: { name: "supabase", claims: { role: "a" }, lifetime: 60 } },
  {
    type: "OAuthApplication",
    name: "reordered",
    args: { name: "reordered", scopes: ["profile", "email"], redirectUris: ["https://b.example.com/cb"] },
  },
  {
    type: "OAuthApplication",
    name: "offline",
    args: { name: "offline", scopes: ["offline_access", "profile", "email"] },
  },
  { type: "OAuthApplication", name: "spa", args: { name: "spa", public: true } },
  { type: "Domain", name: "satellite", args: { name: "sat.example.com" } },
  { type: "Domain", name: "primary", args: { name: PRIMARY_DOMAIN_NAME, importId: PRIMARY_DOMAIN_ID } },
  {
    type: "SamlConnection",
    name: "okta",
    args: {
      name: "Okta",
      provider: "saml_okta",
      domains: ["okta.example.com"],
      idpMetadataUrl: "https://idp.example.com/metadata",
    },
  },
  {
    type: "EnterpriseConnection",
    name: "corp",
    args: {
      name: "Corp",
      provider: "oidc_custom",
      domains: ["corp.example.com"],
      oidc: {
        clientId: "cid",
        clientSecret: "e2e-oidc-secret",
        discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
      },
    },
  },
  {
    type: "InstanceSettings",
    name: "instance",
    args: { allowedOrigins: ["https://b.example.com", "https://a.example.com"] },
  },
  { type: "InstanceRestrictions", name: "restrictions", args: { blocklist: true } },
  { type: "OrganizationSettings", name: "orgs", args: { enabled: true } },
  { type: "OAuthApplicationSettings", name: "oauth-settings", args: { defaultScopes: ["openid", "email"] } },
  { type: "InstanceCommunication", name: "sms", args: { blockedCountryCodes: ["RU"] } },
  { type: "InstanceProtect", name: "protect", args: { rulesEnabled: true } },
];
const COUNT = resources.length + 1; // and the stack

let emu: Emulator;
let stack: TestStack;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({ name: "exact-diff", secretKey: KEY, params: { resources } }));
});

afterAll(() => closeClerkStack(stack, emu));

/** Recorded inputs per resource name; secret values reduced to a marker (their ciphertext is salted). */
async function recordedInputs(): Promise<Record<string, unknown>> {
  const state = await stack.exportState();
  const plain = (v: unknown): unknown => (v && typeof v === "object" && "ciphertext" in v ? "(secret)" : v);
  return Object.fromEntries(
    state.resources
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/clerk:"))
      .map((r) => [
        r.urn.split("::").pop(),
        Object.fromEntries(Object.entries(r.inputs ?? {}).map(([k, v]) => [k, plain(v)])),
      ]),
  );
}

describe("exact diffs under the real engine", () => {
  it("a refresh right after up finds nothing, for every resource type", async () => {
    const up = await stack.up();
    expect(up.summary.create).toBe(COUNT);
    expect(emu.store.oauthApplications.list().map((a) => a.scopes)).toContain("email offline_access profile");
    const before = await recordedInputs();

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 0, delete: 0, same: COUNT });
    // Not even silently: the recorded inputs are still what the program declared.
    expect(await recordedInputs()).toEqual(before);

    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: COUNT });
    expect(emu.requests()).toEqual([]);

    const again = await stack.up();
    expect(again.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0, same: COUNT });
  });

  it("after a dashboard edit, preview --diff and up name only the edited field", async () => {
    const jwt = emu.store.jwtTemplates.list()[0];
    emu.store.jwtTemplates.update(jwt?.id ?? "", { lifetime: 3600 });

    const refresh = await stack.refresh();
    expect(refresh.summary).toMatchObject({ update: 1 });
    const state = await stack.exportState();
    const recorded = state.resources.find((r) => r.urn.endsWith("::supabase"))?.inputs;
    expect(Object.keys(recorded ?? {}).sort()).toEqual(["__provider", "claims", "lifetime", "name"]);

    const preview = await stack.preview({ options: { diff: true } });
    expect(preview.summary).toMatchObject({ update: 1, same: COUNT - 1 });
    const step = preview.steps.find((s) => s.name === "supabase");
    expect(step?.op).toBe("update");
    // Dynamic providers report no per-field diff: the engine shows what differs between the recorded
    // inputs and the program's, which is what a reviewer reads.
    expect(preview.stdout).toMatch(/lifetime\s*:\s*3600\s*=>\s*60/);
    expect(preview.stdout).not.toMatch(/allowedClockSkew|signingAlgorithm/);

    const up = await stack.up({ options: { diff: true } });
    expect(up.summary).toMatchObject({ update: 1 });
    expect(up.stdout).toMatch(/lifetime/);
    expect(up.stdout).not.toMatch(/allowedClockSkew|signingAlgorithm/);
    expect(emu.store.jwtTemplates.list()[0]?.lifetime).toBe(60);

    emu.clearRequests();
    const after = await stack.preview({ options: { diff: true } });
    expect(after.summary).toMatchObject({ update: 0, same: COUNT });
    expect(emu.requests()).toEqual([]);
  });

  it("destroy removes what it created", async () => {
    await stack.destroy();
    expect(emu.store.jwtTemplates.size).toBe(0);
    expect(emu.store.oauthApplications.size).toBe(0);
  });
});
