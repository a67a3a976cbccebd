import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Emulator, PRIMARY_DOMAIN_ID, type StoreSnapshot, startEmulator } from "../../emulator";
import { TEST_CERTIFICATE, TEST_CERTIFICATE_BODY_LINE } from "../support/certificate";
import { type ConfigValue, createTestStack, REPO_ROOT, type TestStack } from "./harness";

// examples/saas-app under the real Pulumi engine, once per stack (dev, then prod), each against its own
// emulator: the TypeScript program as users run it (transpiled by fixtures/ts-program.cjs), the stack's
// own Pulumi.<stack>.yaml as config, secrets set as secrets. up creates what the stack declares, an
// immediate preview changes nothing and sends no request, destroy deletes the objects, puts back the
// sign-up restrictions as it found them (issue 24: the dev stack's allow-list must not stay on without
// its entries) and only forgets the other singletons.
const EXAMPLE = join(REPO_ROOT, "examples", "saas-app");
const KEY = "sk_test_e2e_saas_app_0123456789";
const SUPABASE_SECRET = "e2e-supabase-jwt-secret-do-not-leak";

type Env = "dev" | "prod";

/** The stack's own Pulumi.<env>.yaml (lists as the JSON Pulumi hands the program), plus the secrets. */
function stackConfig(env: Env): Record<string, ConfigValue> {
  const file = parse(readFileSync(join(EXAMPLE, `Pulumi.${env}.yaml`), "utf8")) as {
    config: Record<string, unknown>;
  };
  const config: Record<string, ConfigValue> = {};
  for (const [key, value] of Object.entries(file.config)) {
    config[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  // The harness names every stack "e2e": the program's documented override picks the environment.
  config["saas-app:environment"] = env;
  config["saas-app:supabaseJwtSecret"] = { value: SUPABASE_SECRET, secret: true };
  if (env === "prod") config["saas-app:ssoIdpCertificate"] = { value: TEST_CERTIFICATE, secret: true };
  return config;
}

/** What each stack declares, by resource type (the stack itself not counted). */
const DECLARED: Record<Env, Record<string, number>> = {
  dev: {
    RedirectUrl: 3,
    AllowlistIdentifier: 3,
    BlocklistIdentifier: 1,
    InstanceRestrictions: 1,
    InstanceSettings: 1,
    OrganizationSettings: 1,
    JwtTemplate: 2,
    OAuthApplication: 1,
    Machine: 2,
    OrganizationPermission: 2,
    OrganizationRole: 1,
    RoleSet: 1,
  },
  prod: {
    RedirectUrl: 2,
    BlocklistIdentifier: 3,
    InstanceRestrictions: 1,
    InstanceSettings: 1,
    OrganizationSettings: 1,
    JwtTemplate: 2,
    OAuthApplication: 1,
    Machine: 2,
    Domain: 1,
    EnterpriseConnection: 1,
    OrganizationPermission: 2,
    OrganizationRole: 1,
    RoleSet: 1,
  },
};
const total = (env: Env) => Object.values(DECLARED[env]).reduce((a, b) => a + b, 0);

/** The collections (objects Pulumi creates and deletes), without the singletons. */
const collections = (s: StoreSnapshot) => {
  const {
    instance: _i,
    restrictions: _r,
    organizationSettings: _o,
    oauthApplicationSettings: _a,
    communication: _c,
    protect: _p,
    ...rest
  } = s;
  return rest;
};
const singletons = (s: StoreSnapshot) => ({
  instance: s.instance,
  restrictions: s.restrictions,
  organizationSettings: s.organizationSettings,
});

for (const env of ["dev", "prod"] as const) {
  describe(`examples/saas-app, stack ${env}`, () => {
    let emu: Emulator;
    let stack: TestStack;
    let initial: StoreSnapshot;
    let afterUp: StoreSnapshot;
    let upOutputs: { outputs: Record<string, unknown>; secretOutputs: string[] };

    beforeAll(async () => {
      emu = await startEmulator({ port: 0 });
      initial = emu.store.snapshot();
      stack = await createTestStack({
        name: `saas-${env}`,
        program: "fixtures/ts-program.cjs",
        apiUrl: emu.url,
        secretKey: KEY,
        config: stackConfig(env),
        params: { file: join(EXAMPLE, "index.ts") },
      });
    });

    afterAll(async () => {
      await stack?.cleanup();
      await emu?.close();
    });

    it("up creates what the stack declares", async () => {
      const up = await stack.up();
      expect(up.summary).toMatchObject({ create: total(env) + 1, update: 0, delete: 0, replace: 0 });
      const created: Record<string, number> = {};
      for (const step of up.steps.filter((s) => s.op === "create" && s.type.includes("clerk:"))) {
        const type = step.type.split(":").pop() ?? "";
        created[type] = (created[type] ?? 0) + 1;
      }
      expect(created).toEqual(DECLARED[env]);

      const store = emu.store;
      const jwt = Object.fromEntries(store.jwtTemplates.list().map((t) => [t.name, t]));
      expect(Object.keys(jwt).sort()).toEqual(["hasura", "supabase"]);
      expect(jwt.supabase).toMatchObject({
        custom_signing_key: true,
        signing_algorithm: "HS256",
        signing_key: SUPABASE_SECRET,
      });
      expect(jwt.hasura?.custom_signing_key).toBe(false);
      const [partner] = store.oauthApplications.list();
      expect(partner?.name).toBe(env === "prod" ? "Acme Analytics" : "Acme Analytics (dev)");
      expect(up.outputs.partnerClientId).toBe(partner?.client_id);
      expect(store.organizationSettings.get()).toMatchObject({
        enabled: true,
        max_allowed_memberships: env === "prod" ? 50 : 10,
        domains_enrollment_modes: ["automatic_invitation", "automatic_suggestion"],
      });

      // The worker may call the API, and gets its key as a secret output.
      const machines = Object.fromEntries(store.machines.list().map((m) => [m.name, m]));
      const [api, worker] = [machines[`saas-api (${env})`], machines[`saas-worker (${env})`]];
      expect(worker).toMatchObject({ scoped_machines: [api?.id], default_token_ttl: 300 });
      expect(up.secretOutputs).toContain("workerMachineSecretKey");
      expect(up.outputs.workerMachineSecretKey).toBe(worker?.secret_key);
      // The role grants the permissions by key; the role set holds it as its default role.
      const billing = store.roles.find((r) => r.key === "org:billing");
      expect(billing?.permissions.map((id) => store.permissions.get(id)?.key).sort()).toEqual([
        "org:invoices:pay",
        "org:invoices:read",
        "org:sys_memberships:read",
      ]);
      expect(store.roleSets.find((r) => r.key === "role_set:finance")?.default_role_id).toBe(billing?.id);

      if (env === "dev") {
        // Sorted: the engine creates these in parallel, so Clerk's order is not the program's.
        expect(
          store.redirectUrls
            .list()
            .map((r) => r.url)
            .sort(),
        ).toEqual([
          "com.example.saas.dev://oauth-callback",
          "exp://127.0.0.1:8081/--/oauth-callback",
          "http://localhost:3000/sso-callback",
        ]);
        expect(
          store.allowlistIdentifiers
            .list()
            .map((a) => a.identifier)
            .sort(),
        ).toEqual(["alice@example.com", "bob@example.com", "qa.contractor@testing.example.net"]);
        expect(store.restrictions.get()).toMatchObject({ allowlist: true, blocklist: true });
        expect(store.instance.get()).toMatchObject({
          test_mode: true,
          development_origin: "http://localhost:3000",
        });
        expect(store.enterpriseConnections.size).toBe(0);
        expect(store.domains.list().map((d) => d.id)).toEqual([PRIMARY_DOMAIN_ID]);
      } else {
        expect(store.allowlistIdentifiers.size).toBe(0);
        expect(store.blocklistIdentifiers.list().map((b) => b.identifier)).toContain("+15005550006");
        expect(store.restrictions.get()).toMatchObject({
          allowlist: false,
          blocklist: true,
          block_email_subaddresses: true,
        });
        expect(store.instance.get().test_mode).toBe(false);
        const satellite = store.domains.find((d) => d.is_satellite);
        expect(satellite?.name).toBe("portal.example.org");
        const [sso] = store.enterpriseConnections.list();
        expect(sso).toMatchObject({ provider: "saml_okta", active: true, domains: ["globex.example"] });
        expect(sso?.saml?.idp_certificates).toEqual([TEST_CERTIFICATE]);
        expect(up.outputs.ssoAcsUrl).toEqual(expect.stringContaining("http"));
      }

      // Secrets reach Clerk but never the state in clear text.
      const state = await stack.exportState();
      for (const secret of [
        KEY,
        SUPABASE_SECRET,
        partner?.client_secret ?? "missing",
        worker?.secret_key ?? "missing",
        TEST_CERTIFICATE_BODY_LINE,
      ]) {
        expect(state.text).not.toContain(secret);
      }
      afterUp = emu.store.snapshot();
      upOutputs = up;
    });

    it("the partner's OAuth client secret is a secret stack output", () => {
      const [partner] = emu.store.oauthApplications.list();
      expect(upOutputs.secretOutputs).toContain("partnerClientSecret");
      expect(upOutputs.outputs.partnerClientSecret).toBe(partner?.client_secret);
    });

    it("an immediate preview shows no changes and sends no request", async () => {
      emu.clearRequests();
      const preview = await stack.preview();
      expect(preview.summary).toMatchObject({
        create: 0,
        update: 0,
        delete: 0,
        replace: 0,
        same: total(env) + 1,
      });
      expect(emu.requests()).toEqual([]);
    });

    it("destroy deletes the objects, puts back the restrictions it found and keeps the other settings", async () => {
      emu.clearRequests();
      const destroy = await stack.destroy();
      expect(destroy.summary.delete).toBe(total(env) + 1);
      // The objects are gone: Clerk is as the stack found it (primary domain and roles included).
      const now = emu.store.snapshot();
      expect(collections(now)).toEqual(collections(initial));
      // Nobody is locked out: the allow-list switch is back as found, not left on without its entries.
      expect(now.restrictions).toEqual(initial.restrictions);
      expect(now.restrictions.allowlist).toBe(false);
      // The other settings keep what up wrote: forgotten, not reset, and no request touched them.
      const { restrictions: _now, ...keptNow } = singletons(now);
      const { restrictions: _up, ...keptUp } = singletons(afterUp);
      expect(keptNow).toEqual(keptUp);
      expect(singletons(now)).not.toEqual(singletons(initial));
      // Clerk has no DELETE for a role set: it is replaced by the instance's initial one (reads + one POST).
      expect(
        emu
          .requests()
          .filter((r) => r.method !== "DELETE" && !r.path.startsWith("/role_sets"))
          .map((r) => `${r.method} ${r.path}`),
      ).toEqual(["PATCH /instance/restrictions"]);
      expect(
        emu
          .requests()
          .filter((r) => r.method === "POST")
          .map((r) => r.route),
      ).toEqual(["/role_sets/{role_set_key_or_id}/replace"]);
    });
  });
}
