import { execFileSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { definitions } from "../../../provider/runtime/registry";

// The built package as programs load it by name: from a CommonJS program (what `pulumi new
// typescript` makes) and from an ESM one. Needs dist/ (npm test builds first).
const root = resolve(__dirname, "../../..");
const node = join(root, "node_modules", ".bin", "node");
const run = (args: string[]) => execFileSync(node, args, { cwd: root, encoding: "utf8" }).trim();

describe("the pulumi-clerk package", () => {
  const types = [...definitions.keys()].sort().join(",");

  it("exports every resource class to CommonJS programs", () => {
    const out = run([
      "-e",
      `const c = require("pulumi-clerk"); console.log(Object.keys(c).filter((k) => typeof c[k] === "function" && /^[A-Z]/.test(k)).sort().join(","))`,
    ]);
    expect(out).toBe(types);
  });

  it("exports every resource class as named ESM imports, and the emulator subpath", () => {
    const out = run([
      "--input-type=module",
      "-e",
      `import * as c from "pulumi-clerk"; import { startEmulator } from "pulumi-clerk/emulator";
       console.log(typeof startEmulator, Object.keys(c).filter((k) => typeof c[k] === "function" && /^[A-Z]/.test(k)).sort().join(","))`,
    ]);
    expect(out).toBe(`function ${types}`);
  });

  it("exports the read-only lookups, each with its Output form", () => {
    const out = run([
      "-e",
      `const c = require("pulumi-clerk"); console.log(Object.keys(c).filter((k) => typeof c[k] === "function" && /^get/.test(k)).sort().join(","))`,
    ]);
    expect(out).toBe("getInstance,getInstanceOutput,getJwks,getJwksOutput");
  });

  it("loads only the classes and lookups in a program: no zod, sdk schema or provider runtime", () => {
    // The definitions (zod schemas, sdk calls) and the runtime serve the provider process; loading them
    // in the program would delay its first registration, hence the provider's start.
    const out = run([
      "-e",
      `require("pulumi-clerk"); console.log(JSON.stringify(Object.keys(require.cache)))`,
    ]);
    const loaded = (JSON.parse(out) as string[]).map((f) => relative(root, f));
    expect(loaded).toContain("dist/provider/resources/jwt-template.js");
    const heavy = loaded.filter((f) =>
      /(^|\/)node_modules\/zod\/|^dist\/(sdk\/schemas|provider\/(runtime|definitions))\//.test(f),
    );
    expect(heavy).toEqual([]);
  });
});
