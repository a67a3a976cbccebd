import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "../../..");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

/**
 * The CLI as users run it: dist/emulator/cli.js when `npm run build` produced it after the last source
 * change (CI builds before testing); otherwise the sources transpiled (no type check) into a cache.
 */
function cliPath(): string {
  const src = sources(join(root, "emulator"));
  const newest = Math.max(...src.map((f) => statSync(f).mtimeMs));
  const dist = join(root, "dist/emulator/cli.js");
  try {
    if (statSync(dist).mtimeMs >= newest) return dist;
  } catch {}
  const out = join(root, "node_modules/.cache/clerk-emulator-cli");
  for (const f of src) {
    const js = ts.transpileModule(readFileSync(f, "utf8"), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    }).outputText;
    const target = join(out, relative(join(root, "emulator"), f)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
  }
  return join(out, "cli.js");
}

let cli = "";
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), "clerk-emulator-cli-"));
beforeAll(() => {
  cli = cliPath();
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with its first stdout line. */
function start(args: string[]): Promise<{ child: ChildProcess; firstLine: string; stderr: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let err = "";
  child.stderr?.on("data", (d) => {
    err += d;
  });
  return new Promise((res, rej) => {
    const rl = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    rl.once("line", (firstLine) => res({ child, firstLine, stderr: () => err }));
    child.once("exit", (code) => rej(new Error(`exited ${code}: ${err}`)));
  });
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.once("exit", (code) => r(code)));

describe("clerk-emulator CLI", () => {
  it("prints the base URL first, serves it, logs with --verbose, exits 0 on SIGTERM", async () => {
    const state = join(dir, "state.json");
    const { child, firstLine, stderr } = await start([
      "--port",
      "0",
      "--state",
      state,
      "--secret-key",
      "sk_test_cli",
      "--rate-limit",
      "100/10s",
      "--verbose",
    ]);
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await fetch(`${firstLine}/redirect_urls`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_cli", "content-type": "application/json" },
      body: JSON.stringify({ url: "https://cli.example.com" }),
    });
    expect(res.status).toBe(200);
    const denied = await fetch(`${firstLine}/redirect_urls`, {
      headers: { authorization: "Bearer sk_test_other" },
    });
    expect(denied.status).toBe(401);
    expect(JSON.parse(readFileSync(state, "utf8")).redirectUrls[0].url).toBe("https://cli.example.com");
    const code = exited(child);
    child.kill("SIGTERM");
    expect(await code).toBe(0);
    expect(stderr()).toMatch(/POST \/v1\/redirect_urls -> 200/);
  });

  it("applies --faults deterministically and stops on SIGINT", async () => {
    const run = async () => {
      const { child, firstLine } = await start(["--faults", "429=0.5,seed=3"]);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push(
          (await fetch(`${firstLine}/jwt_templates`, { headers: { authorization: "Bearer sk_test_x" } }))
            .status,
        );
      }
      const code = exited(child);
      child.kill("SIGINT");
      expect(await code).toBe(0);
      return statuses;
    };
    const a = await run();
    expect(a).toContain(429);
    expect(a).toContain(200);
    expect(await run()).toEqual(a);
  });

  it("rejects bad flags with exit code 2 and a usage message", async () => {
    const child = spawn(process.execPath, [cli, "--rate-limit", "lots"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    expect(await exited(child)).toBe(2);
    expect(err).toContain("--rate-limit");
    expect(err).toContain("Usage: clerk-emulator");
  });
});
