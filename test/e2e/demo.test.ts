import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./harness";

// The README's main job, exactly as a newcomer runs it (`npm run demo` is `node tools/demo.mjs`
// after build and engine), in a demo folder of its own: twice up, then the drift and export walk. The
// demo runs the examples/quickstart project through the `pulumi` CLI and its Node.js language host.
const NODE = join(REPO_ROOT, "node_modules", ".bin", "node");
const DEMO_DIR = join(REPO_ROOT, "tmp", "e2e", `demo-${process.pid}`);
let port = 0;

async function demo(...args: string[]): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_DIR, DEMO_EMULATOR_PORT: String(port) };
  for (const k of Object.keys(env)) if (k.startsWith("VITEST") || k === "NODE_OPTIONS") delete env[k];
  try {
    const { stdout, stderr } = await promisify(execFile)(NODE, ["tools/demo.mjs", ...args], {
      cwd: REPO_ROOT,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

beforeAll(async () => {
  // One free port for every run: a refresh talks to the URL recorded at the last update.
  port = await new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => done(p));
    });
  });
});

afterAll(() => rmSync(DEMO_DIR, { recursive: true, force: true }));

describe("npm run demo (the README quickstart)", () => {
  it("creates the quickstart objects, and the second run changes nothing", async () => {
    const first = await demo();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain("pulumi up done (create 6)");
    expect(existsSync(join(DEMO_DIR, "emulator-state.json"))).toBe(true);
    // The stack's config file lives in the demo folder, not in the project folder the CLI ran in.
    expect(existsSync(join(DEMO_DIR, "Pulumi.demo.yaml"))).toBe(true);
    expect(existsSync(join(REPO_ROOT, "examples", "quickstart", "Pulumi.demo.yaml"))).toBe(false);
    const second = await demo();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain("pulumi up done (same 6)");
  });

  it("--tamper then --drift exits 2 naming the field; up restores it; --drift then exits 0", async () => {
    expect((await demo("--tamper")).out).toContain('changed JWT template "supabase" lifetime 60 -> 3600');
    const drift = await demo("--drift");
    expect(drift.code).toBe(2);
    expect(drift.out).toMatch(/supabase \(JwtTemplate jtmp_\w+\):\s+lifetime: 60 -> 3600/);
    const up = await demo();
    expect(up.out).toContain("update 1");
    const clean = await demo("--drift");
    expect(clean.code, clean.out).toBe(0);
  });

  it("--export writes a program that adopts the objects by importId", async () => {
    const out = join(DEMO_DIR, "export");
    const r = await demo("--export", out);
    expect(r.code, r.out).toBe(0);
    const program = readFileSync(join(out, "index.ts"), "utf8");
    expect(program).toMatch(/new clerk\.JwtTemplate\("supabase", \{\s+importId: "jtmp_\w+"/);
    expect(program).toContain('identifier: "ceo@example.com"');
  });

  it("--destroy removes what the demo created", async () => {
    const r = await demo("--destroy");
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("pulumi destroy done (delete 6)");
    expect(r.out).toContain(
      "0 redirect URL(s), 0 allow-list and 0 block-list identifier(s), 0 JWT template(s)",
    );
  });
});
