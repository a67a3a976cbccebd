// Prints how many spec operations the last test run exercised, summed over every test file whose
// contract setup wrote a tally: `node test/contract/print-tally.mjs [--all-runs] [--missing]`.
// Plain JavaScript so it runs without a TypeScript loader; the directory rule mirrors recorder.ts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const key = createHash("sha256").update(root).digest("hex").slice(0, 12);
const dir = process.env.CONTRACT_TALLY_DIR ?? join(tmpdir(), `pulumi-clerk-contract-tally-${key}`);

let files = [];
try {
  files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
} catch {
  // No directory: nothing recorded yet.
}
if (files.length === 0) {
  console.log(`no contract tally in ${dir}; run the tests first (npx vitest run)`);
  process.exit(0);
}
const newest = files.reduce((a, b) => (b.at > a.at ? b : a));
const chosen = process.argv.includes("--all-runs") ? files : files.filter((f) => f.run === newest.run);

const ops = new Map();
for (const f of chosen) {
  for (const o of f.tally.operations) {
    const s = ops.get(o.operationId) ?? { ...o, count: 0, ok: 0 };
    s.count += o.count;
    s.ok += o.ok;
    ops.set(o.operationId, s);
  }
}
const all = [...ops.values()];
const covered = all.filter((o) => o.covered);
const n = all.filter((o) => o.count > 0).length;
const k = covered.filter((o) => o.count > 0).length;
console.log(
  `${n} of ${all.length} spec operations exercised (${k} of ${covered.length} in the covered groups), ` +
    `over ${chosen.length} test file(s)`,
);
if (process.argv.includes("--missing")) {
  for (const o of covered.filter((c) => c.count === 0))
    console.log(`  not exercised: ${o.operationId} (${o.method} ${o.path})`);
}
