// The Automation API stack every in-process bench run uses, and the inline programs it runs.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** A stack in its own folder below the repository (so `pulumi-clerk/runtime` resolves via its self-link). */
export async function createStack(workRoot, name, apiUrl, secretKey, envVars = {}) {
  const workDir = join(workRoot, name);
  mkdirSync(join(workDir, ".backend"), { recursive: true });
  writeFileSync(join(workDir, "Pulumi.yaml"), "name: clerk-bench\nruntime: nodejs\n");
  const { LocalWorkspace } = require("@pulumi/pulumi/automation");
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "bench", projectName: "clerk-bench", program: async () => ({}) },
    {
      workDir,
      envVars: {
        PULUMI_BACKEND_URL: `file://${join(workDir, ".backend")}`,
        PULUMI_HOME: join(workDir, ".pulumi-home"),
        PULUMI_CONFIG_PASSPHRASE: "bench",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...envVars,
      },
    },
  );
  await stack.setAllConfig({
    "clerk:apiUrl": { value: apiUrl },
    "clerk:secretKey": { value: secretKey, secret: true },
  });
  return stack;
}

/** The inline program: the resources, built exactly as a user's program builds them. */
export function program(resources) {
  return async () => {
    const clerk = require("pulumi-clerk");
    for (const r of resources) new clerk[r.type](r.name, r.args);
    return {};
  };
}

// A dynamic provider that loads nothing and answers at once: what the engine and Pulumi's
// dynamic-provider process cost per resource on their own.
const NOTHING_PROVIDER =
  "exports.handler = () => ({ check: async (_o, n) => ({ inputs: n }), diff: async () => ({}), " +
  "create: async (i) => ({ id: String(i.n), outs: i }), delete: async () => {} });\n";

/** The floor program: `n` dynamic resources served by NOTHING_PROVIDER. */
export function floorProgram(n) {
  return async () => {
    const pulumi = require("@pulumi/pulumi");
    class Nothing extends pulumi.CustomResource {
      constructor(name, i) {
        super("pulumi-nodejs:dynamic:Resource", name, { __provider: NOTHING_PROVIDER, n: i });
      }
    }
    for (let i = 0; i < n; i++) new Nothing(`f${i}`, i);
    return {};
  };
}
