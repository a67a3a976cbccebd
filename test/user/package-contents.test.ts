// What `npm pack` ships, read from the tarball every project of this tier installs: compiled code with
// its type declarations, README and LICENSE; no tests, no TypeScript sources, no source maps, and no
// path of the machine that built it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT } from "./harness";

let root: string;
let files: string[];

beforeAll(() => {
  const tarball = inject("tarball");
  const out = join(inject("runDir"), "unpacked");
  mkdirSync(out, { recursive: true });
  execFileSync("tar", ["xzf", tarball, "-C", out]);
  root = join(out, "package");
  files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
});

interface Manifest {
  main: string;
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
}

describe("the packed pulumi-clerk", () => {
  it("holds README, LICENSE and package.json at its root", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE"]));
    expect(readFileSync(join(root, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });

  it("holds every file its package.json points at: main, types, each export and each bin", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
    const targets = [
      manifest.main,
      manifest.types,
      ...Object.values(manifest.exports).flatMap((e) => (typeof e === "string" ? [e] : [e.types, e.default])),
      ...Object.values(manifest.bin),
    ];
    expect(targets.length).toBeGreaterThan(10);
    for (const t of targets) expect(existsSync(join(root, t)), t).toBe(true);
  });

  it("ships a type declaration next to every compiled module", () => {
    // Compiled modules; policy-pack/index.js is an entry point Pulumi runs, not a module to import.
    const js = files.filter((f) => f.startsWith("dist/") && f.endsWith(".js"));
    expect(js.length).toBeGreaterThan(50);
    for (const f of js) expect(files, f).toContain(f.replace(/\.js$/, ".d.ts"));
  });

  it("ships only compiled code: no tests, no TypeScript sources, no source maps", () => {
    const outsideDist = files.filter((f) => !f.startsWith("dist/"));
    // The ready-to-run policy pack folder (docs/policy-pack.md) is a small JavaScript entry point.
    expect(outsideDist.sort()).toEqual([
      "LICENSE",
      "README.md",
      "package.json",
      "policy-pack/PulumiPolicy.yaml",
      "policy-pack/index.js",
      "policy-pack/package.json",
    ]);
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.test\.|\.spec\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const mapped = files.filter((f) => readFileSync(join(root, f), "utf8").includes("sourceMappingURL"));
    expect(mapped).toEqual([]);
  });

  it("contains no path of the machine it was packed on", () => {
    const local = [REPO_ROOT, homedir(), "/work/", "/tmp/"];
    const leaks = files.flatMap((f) => {
      const text = readFileSync(join(root, f), "utf8");
      return local.filter((p) => text.includes(p)).map((p) => `${f}: ${p}`);
    });
    expect(leaks).toEqual([]);
  });

  it("declares the resource classes without zod or the sdk, so a program's type check stays small", () => {
    // Every declaration file `import * as clerk from "pulumi-clerk"` makes TypeScript read: the
    // definitions (zod schemas, sdk calls) are `@internal` and stripped from the published types. A
    // resource whose public types reach zod shows here as the file that imports it.
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
    const seen = new Set<string>();
    const outside: string[] = [];
    const queue = [join(root, manifest.types)];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const from = file.slice(root.length + 1);
      for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        const spec = m[1] as string;
        const target = spec.startsWith(".") ? resolve(dirname(file), `${spec}.d.ts`) : undefined;
        if (!target) {
          if (spec !== "@pulumi/pulumi") outside.push(`${from} imports ${spec}`);
          continue;
        }
        const rel = target.slice(root.length + 1);
        if (rel.startsWith("dist/sdk/") && rel !== "dist/sdk/schemas/providers.d.ts")
          outside.push(`${from} imports ${rel}`);
        else queue.push(target);
      }
    }
    expect(outside).toEqual([]);
    expect([...seen].map((f) => f.slice(root.length + 1))).toContain(
      "dist/provider/resources/jwt-template.d.ts",
    );
  });
});
