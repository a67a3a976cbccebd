import { beforeEach, describe, expect, it } from "vitest";
import { provider } from "../../../provider/runtime";
import { mayHaveCreated } from "../../../provider/runtime/failures";
import { CREATE_ATTEMPTS } from "../../../provider/runtime/generic";
import { ClerkApiError, ClerkNetworkError } from "../../../sdk";
import { faultOnce as injectOnce } from "../../support/fault-once";
import { deleteMadeObjects } from "../../support/made-objects";
import { useRuntimeEmulator } from "../../support/runtime-emulator";
import { OKTA_SAML_INPUTS } from "../../support/saml-inputs";

// Issue 7, ambiguous creates: the answer to a create is lost (after Clerk committed it, or before), and
// the runtime must end with exactly one object in Clerk, the one it reports to Pulumi.
const KEY = "sk_test_reliability_ambiguous";
const emu = useRuntimeEmulator(KEY);
beforeEach(() => {
  emu.configure({ faults: null });
  emu.clearRequests();
});

const faultOnce = (fault: Parameters<typeof injectOnce>[1]) => injectOnce(emu, fault);

const OIDC_SECRET = "oidc-secret-ambiguous-9d1";

// Every resource type that creates a new object in Clerk; `count` is how many of them Clerk holds.
const cases = [
  {
    type: "AllowlistIdentifier",
    inputs: { identifier: "ceo@example.com" },
    count: () => emu.store.allowlistIdentifiers.list().length,
  },
  {
    type: "BlocklistIdentifier",
    inputs: { identifier: "spam@example.net" },
    count: () => emu.store.blocklistIdentifiers.list().length,
  },
  { type: "RedirectUrl", inputs: { url: "myapp://cb" }, count: () => emu.store.redirectUrls.list().length },
  {
    type: "JwtTemplate",
    inputs: { name: "supabase", claims: { r: 1 }, signingAlgorithm: "HS256", signingKey: "k-1" },
    count: () => emu.store.jwtTemplates.list().length,
  },
  {
    type: "OAuthApplication",
    inputs: { name: "Partner", redirectUris: ["https://partner.example.com/cb"], scopes: ["profile"] },
    count: () => emu.store.oauthApplications.list().length,
  },
  {
    type: "Domain",
    inputs: { name: "sat.example.com", isSecondary: true },
    count: () => emu.store.domains.list().filter((d) => d.is_satellite).length,
  },
  {
    type: "SamlConnection",
    inputs: OKTA_SAML_INPUTS,
    count: () => emu.store.samlConnections.list().filter((c) => c.name === "Okta").length,
  },
  {
    type: "EnterpriseConnection",
    inputs: {
      name: "Corp",
      provider: "oidc_custom",
      domains: ["corp.example.com"],
      syncUserAttributes: true,
      oidc: {
        clientId: "cid",
        clientSecret: OIDC_SECRET,
        discoveryUrl: "https://idp.example.com/.well-known/openid-configuration",
      },
    },
    count: () => emu.store.enterpriseConnections.list().length,
  },
  {
    type: "OrganizationPermission",
    inputs: { key: "org:invoices:read", name: "Read invoices" },
    count: () => emu.store.permissions.list().filter((x) => x.key === "org:invoices:read").length,
  },
  {
    type: "OrganizationRole",
    inputs: { key: "org:billing", name: "Billing" },
    count: () => emu.store.roles.list().filter((x) => x.key === "org:billing").length,
  },
  {
    type: "RoleSet",
    inputs: {
      key: "role_set:finance",
      name: "Finance",
      roles: ["org:admin", "org:member"],
      defaultRoleKey: "org:member",
      creatorRoleKey: "org:admin",
    },
    count: () => emu.store.roleSets.list().filter((x) => x.key === "role_set:finance").length,
  },
] as const;

/** Deletes every object of the case's type, so each scenario starts from an empty collection. */
async function reset(count: () => number) {
  emu.configure({ faults: null });
  deleteMadeObjects(emu.store);
  expect(count()).toBe(0);
  emu.clearRequests();
}

const posts = () => emu.requests().filter((r) => r.method === "POST" && !r.path.endsWith("/rotate_secret"));

describe.each(cases)("$type: a create whose answer is lost", ({ type, inputs, count }) => {
  const p = provider(type);
  const checked = async () => (await p.check({}, inputs)).inputs ?? {};

  it("after Clerk committed it: adopts the object it made (one POST, no duplicate, nothing untracked)", async () => {
    await reset(count);
    const news = await checked();
    faultOnce({ dropAfterCommit: 1 });
    const { id, outs } = await p.create(news);
    expect(emu.requests()[0]?.fault).toBe("dropAfterCommit");
    expect(posts()).toHaveLength(1);
    expect(count()).toBe(1);
    // The id handed to Pulumi is the object in Clerk, and it looks as declared (no diff).
    const read = await p.read(id, outs ?? {});
    expect(read.id).toBe(id);
    expect((await p.diff(id, read.props ?? {}, news)).changes).toBe(false);
    await p.delete(id, outs ?? {});
    expect(count()).toBe(0);
  });

  it.each([
    ["the connection dropped before Clerk acted", { rateDrop: 1 }],
    // Seed 3 draws a 500 (not a 503, which the sdk retries by itself).
    ["a 500 answer before Clerk acted", { rate5xx: 1, seed: 3 }],
  ] as const)("after %s: creates it again, once", async (_why, fault) => {
    await reset(count);
    const news = await checked();
    faultOnce(fault);
    const { id } = await p.create(news);
    expect(emu.requests()[0]?.fault).toBeDefined();
    expect(emu.requests()[0]?.status).not.toBe(503);
    expect(count()).toBe(1);
    // The lookup ran and found nothing, then exactly one more POST.
    expect(emu.requests()[1]?.method).toBe("GET");
    expect(posts()).toHaveLength(2);
    await p.delete(id, {});
  });
});

describe("recovery specifics", () => {
  it("OAuthApplication: the secret the lost answer carried is replaced by a rotated one that works", async () => {
    const p = provider("OAuthApplication");
    for (const a of emu.store.oauthApplications.list()) emu.store.oauthApplications.delete(a.id);
    faultOnce({ dropAfterCommit: 1 });
    const { id, outs } = await p.create({ name: "Rotated", redirectUris: ["https://r.example.com/cb"] });
    const secret = outs?.clientSecret;
    expect(typeof secret).toBe("string");
    expect(String(secret).length).toBeGreaterThan(10);
    expect(emu.store.oauthApplications.get(id)?.client_secret).toBe(secret);
    expect(emu.requests().map((r) => `${r.method} ${r.path.replace(/oa_\w+/, ":id")}`)).toEqual([
      "POST /oauth_applications",
      "GET /oauth_applications",
      "POST /oauth_applications/:id/rotate_secret",
    ]);
  });

  it("OAuthApplication: two look-alikes make it refuse to guess, and it never creates a duplicate", async () => {
    const p = provider("OAuthApplication");
    for (const a of emu.store.oauthApplications.list()) emu.store.oauthApplications.delete(a.id);
    // A hand-made application with the same name and redirect URIs already exists.
    await p.create({ name: "Twin", redirectUris: ["https://twin.example.com/cb"] });
    emu.clearRequests();
    faultOnce({ dropAfterCommit: 1 });
    const err = await p
      .create({ name: "Twin", redirectUris: ["https://twin.example.com/cb"] })
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^create OAuthApplication failed: .*may have reached Clerk/);
    expect((err as Error).message).toMatch(/2 objects match.*pulumi refresh/);
    expect(emu.store.oauthApplications.list()).toHaveLength(2);
    expect(posts()).toHaveLength(1);
  });

  it("SvixWebhooks: a lost answer to the enable keeps the app it made as this stack's (destroy disables it)", async () => {
    const p = provider("SvixWebhooks");
    emu.store.svix.set({ enabled: false });
    emu.clearRequests();
    // The first POST asks for a dashboard link (no app yet); the second, the enable, loses its answer.
    injectOnce(emu, { dropAfterCommit: 1 }, (e) => e.path === "/webhooks/svix_url");
    const { outs } = await p.create({});
    expect(emu.requests().map((r) => `${r.method} ${r.path} ${r.fault ?? ""}`.trim())).toEqual([
      "POST /webhooks/svix_url",
      "POST /webhooks/svix dropAfterCommit",
      "POST /webhooks/svix_url",
    ]);
    expect(outs).toMatchObject({ adopted: false, dashboardUrl: expect.stringMatching(/^https:\/\//) });
    await p.delete("svix", outs ?? {});
    expect(emu.store.svix.get().enabled).toBe(false);
  });

  it("gives up after a bounded number of creates when every one of them fails ambiguously", async () => {
    const p = provider("RedirectUrl");
    emu.configure({ faults: null });
    for (const x of emu.store.redirectUrls.list()) emu.store.redirectUrls.delete(x.id);
    emu.clearRequests();
    // Every POST is dropped before Clerk acts; the lookups (GETs) in between get through.
    const drop = { seed: 1, rateDrop: 1 };
    emu.configure({ faults: drop });
    const stop = emu.onExchange((e) => emu.configure({ faults: e.method === "POST" ? null : drop }));
    const err = await p.create({ url: "myapp://never" }).catch((e: Error) => e);
    stop();
    emu.configure({ faults: null });
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^create RedirectUrl failed: .*reset/);
    expect(emu.store.redirectUrls.list()).toHaveLength(0);
    expect(posts()).toHaveLength(CREATE_ATTEMPTS);
    expect(emu.requests().filter((r) => r.method === "GET")).toHaveLength(CREATE_ATTEMPTS - 1);
  });

  it("treats only failures that may have reached Clerk as ambiguous", () => {
    const net = (reached: boolean, kind: "reset" | "refused" | "aborted" = "reset") =>
      new ClerkNetworkError({ kind, mayHaveReachedServer: reached, method: "POST", path: "/x" });
    const api = (status: number) =>
      new ClerkApiError({ status, method: "POST", path: "/x", headers: {}, rawBody: "" });
    expect(mayHaveCreated(net(true))).toBe(true);
    expect(mayHaveCreated(net(false, "refused"))).toBe(false);
    expect(mayHaveCreated(net(true, "aborted"))).toBe(false);
    expect(mayHaveCreated(api(500))).toBe(true);
    expect(mayHaveCreated(api(502))).toBe(true);
    expect(mayHaveCreated(api(422))).toBe(false);
    expect(mayHaveCreated(api(429))).toBe(false);
    expect(mayHaveCreated(new Error("x"))).toBe(false);
  });
});

describe("CLERK_ADOPT_EXISTING (recovery after an interrupted up, docs/recovery.md)", () => {
  it("adopts an object matching by natural key instead of creating a second one; off by default", async () => {
    const p = provider("OAuthApplication");
    emu.configure({ faults: null });
    for (const a of emu.store.oauthApplications.list()) emu.store.oauthApplications.delete(a.id);
    const made = await p.create({ name: "Left behind", redirectUris: ["https://l.example.com/cb"] });
    emu.clearRequests();
    process.env.CLERK_ADOPT_EXISTING = "true";
    try {
      const again = await p.create({ name: "Left behind", redirectUris: ["https://l.example.com/cb"] });
      expect(again.id).toBe(made.id);
      expect(again.outs?.clientSecret).toBe(emu.store.oauthApplications.get(made.id)?.client_secret);
    } finally {
      delete process.env.CLERK_ADOPT_EXISTING;
    }
    expect(emu.store.oauthApplications.list()).toHaveLength(1);
    expect(posts()).toHaveLength(0);
    // Without the switch, a create is a create (Clerk allows two applications with one name).
    await p.create({ name: "Left behind", redirectUris: ["https://l.example.com/cb"] });
    expect(emu.store.oauthApplications.list()).toHaveLength(2);
  });
});

describe("types without a natural key (Machine, ScimDirectory): a lost create fails as it is", () => {
  it("Machine: one POST, no lookup that could adopt a look-alike, no second machine, no key in the error", async () => {
    const p = provider("Machine");
    for (const m of emu.store.machines.list()) emu.store.machines.delete(m.id);
    // A hand-made look-alike: a lookup by name could only guess between it and the one the lost create made.
    await p.create({ name: "worker" });
    emu.clearRequests();
    faultOnce({ dropAfterCommit: 1 });
    const err = await p.create({ name: "worker" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^create Machine failed: .*may have reached Clerk/);
    expect(emu.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /machines"]);
    const machines = emu.store.machines.list();
    expect(machines).toHaveLength(2);
    for (const m of machines) expect((err as Error).message).not.toContain(m.secret_key);
  });

  it("ScimDirectory: one POST, no lookup, the directory the lost answer made is left for the user", async () => {
    const res = await fetch(`${emu.url}/enterprise_connections`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Lost", provider: "saml_okta", domains: ["lost.example.com"] }),
    });
    const connection = ((await res.json()) as { id: string }).id;
    const before = emu.store.scimDirectories.size;
    emu.clearRequests();
    faultOnce({ dropAfterCommit: 1 });
    const err = await provider("ScimDirectory")
      .create({ enterpriseConnectionId: connection, provider: "okta" })
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^create ScimDirectory failed: .*may have reached Clerk/);
    expect(emu.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /scim_directories"]);
    expect(emu.store.scimDirectories.size).toBe(before + 1);
  });
});
