// Requests of the configuration-document resources (Platform API): every such resource of an instance
// shares one read of the document, so a refresh of all of them costs one GET, and an `up` that changes
// k of them one GET and k PATCHes (see docs/sign-in-configuration.md, "Refresh is cheap").
import { createStack, program } from "./stack.mjs";

const PLATFORM_KEY = "ak_pulumi_clerk_bench";

/**
 * One resource of most document types, each with a second value for one argument (`change`): an up
 * with the first k changed touches exactly k resources.
 */
const RESOURCES = [
  { type: "PasswordPolicy", name: "passwords", args: { minLength: 12 }, change: { minLength: 14 } },
  {
    type: "MultiFactor",
    name: "mfa",
    args: { authenticatorAppEnabled: true, backupCodeEnabled: true },
    change: { backupCodeEnabled: false },
  },
  {
    type: "AccessControl",
    name: "access",
    args: { signUpMode: "restricted" },
    change: { signUpMode: "public" },
  },
  {
    type: "SessionSettings",
    name: "sessions",
    args: { maximumLifetimeEnabled: true, maximumLifetimeSeconds: 86_400 },
    change: { maximumLifetimeSeconds: 43_200 },
  },
  {
    type: "EmailSignIn",
    name: "email",
    args: { usedForSignIn: true, signInStrategies: ["email_code"] },
    change: { signInStrategies: ["email_code", "email_link"] },
  },
  {
    type: "UsernameSignIn",
    name: "username",
    args: { usedForSignIn: true, minLength: 5 },
    change: { minLength: 6 },
  },
  {
    type: "SocialConnection",
    name: "google",
    args: {
      provider: "google",
      enabled: true,
      clientId: "bench.apps.googleusercontent.com",
      clientSecret: "bench",
    },
    change: { clientId: "bench2.apps.googleusercontent.com" },
  },
  { type: "SessionToken", name: "token", args: { lifetime: 120 }, change: { lifetime: 180 } },
  { type: "ApplicationPaths", name: "paths", args: { signIn: "/sign-in" }, change: { signIn: "/login" } },
  {
    type: "AttackProtection",
    name: "attacks",
    args: { userLockoutEnabled: true, userLockoutMaxAttempts: 10 },
    change: { userLockoutMaxAttempts: 5 },
  },
  {
    type: "BillingFeature",
    name: "reports",
    args: { slug: "reports", name: "Reports" },
    change: { name: "Reports+" },
  },
  {
    type: "BillingPlan",
    name: "pro",
    args: { slug: "pro", name: "Pro", amount: 2000, currency: "USD" },
    change: { amount: 2500 },
  },
];

/** The resources with the first k changed. */
const changed = (k) => RESOURCES.map((r, i) => ({ ...r, args: i < k ? { ...r.args, ...r.change } : r.args }));

/**
 * up of every resource, refresh, then an up changing k of them for each k (from the unchanged state);
 * the Platform API's requests counted for each.
 */
export async function configDocRuns({ workRoot, emu, secretKey, applicationId, parallel, ks = [1, 4], log }) {
  emu.store.reset();
  const stack = await createStack(workRoot, "config-doc", emu.url, secretKey);
  await stack.setAllConfig({
    "clerk:platformApiKey": { value: PLATFORM_KEY, secret: true },
    "clerk:applicationId": { value: applicationId },
  });
  const opts = { parallel, color: "never" };
  const op = async (name, resources, run) => {
    stack.workspace.program = program(resources);
    emu.clearRequests();
    const t = performance.now();
    await run();
    const wallMs = Math.round(performance.now() - t);
    const reqs = emu.requests().filter((r) => r.path.startsWith("/platform/"));
    const count = (m) => reqs.filter((r) => r.method === m).length;
    const out = { wallMs, requests: reqs.length, reads: count("GET"), writes: count("PATCH") + count("PUT") };
    out.failed = reqs.filter((r) => r.status >= 400).length;
    log(
      `config document ${name}: ${out.requests} requests (${out.reads} reads, ${out.writes} writes), ${wallMs} ms`,
    );
    return out;
  };
  const out = { resources: RESOURCES.length, up: await op("up", RESOURCES, () => stack.up(opts)) };
  out.refresh = { ...(await op("refresh", RESOURCES, () => stack.refresh(opts))), target: 1 };
  out.changes = [];
  for (const [i, k] of ks.entries()) {
    // Back to the unchanged program first, so each run changes exactly k resources.
    if (i > 0) {
      stack.workspace.program = program(RESOURCES);
      await stack.up(opts);
    }
    const r = await op(`up changing ${k}`, changed(k), () => stack.up(opts));
    out.changes.push({ k, ...r, target: { reads: 1, writes: k } });
  }
  await stack.destroy(opts);
  emu.store.reset();
  return out;
}

/** The lines printTable shows: actual / target beside each. */
export function printConfigDoc(c) {
  console.log(
    `\nConfiguration document (Platform API), ${c.resources} resources of one instance: requests (actual / target)`,
  );
  console.log(
    `  refresh of all of them    ${c.refresh.requests} / ${c.refresh.target} (reads ${c.refresh.reads})`,
  );
  for (const u of c.changes) {
    console.log(
      `  up changing ${u.k} of them${" ".repeat(Math.max(1, 8 - String(u.k).length))}${u.requests} / ${u.target.reads + u.target.writes} (reads ${u.reads} / ${u.target.reads}, writes ${u.writes} / ${u.target.writes})`,
    );
  }
}
