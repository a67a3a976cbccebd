// vitest setup file (unit/integration project): every exchange of every emulator started in a test file
// is validated against Clerk's OpenAPI spec, and the file fails in afterAll, listing every problem.
// Registered hooks run first (beforeAll) and last (afterAll, vitest's default "stack" order), so the
// subscription spans the test file's own hooks that start and stop emulators.
import { afterAll, beforeAll } from "vitest";
import { record, recordedProblems, writeTally } from "./recorder";

type Listener = (entry: Parameters<typeof record>[0]) => void;
interface Registry {
  onAnyExchange(fn: Listener): () => void;
}

// The public entry first; the log module is where the registry lives today. Specifiers are variables so
// the type checker does not require a file another engineer may not have written yet.
const CANDIDATES = ["../../emulator/index", "../../emulator/log"];

async function loadRegistry(): Promise<Registry | undefined> {
  const failures: string[] = [];
  for (const specifier of CANDIDATES) {
    let mod: Partial<Registry>;
    try {
      mod = (await import(specifier)) as Partial<Registry>;
    } catch (e) {
      const msg = (e as Error).message ?? String(e);
      if (!isNotFound(e, msg)) throw new Error(`contract setup: importing ${specifier} failed: ${msg}`);
      failures.push(specifier);
      continue;
    }
    if (typeof mod.onAnyExchange === "function") return mod as Registry;
    failures.push(`${specifier} (no onAnyExchange export)`);
  }
  // No emulator module at all means no emulator can run in this file, so there is nothing to check;
  // a module that exists without the registry would let traffic through unchecked: fail loudly.
  if (failures.some((f) => f.includes("no onAnyExchange"))) {
    throw new Error(
      `contract setup: the emulator exposes no onAnyExchange(fn) registry (looked in ${failures.join(", ")}); ` +
        "without it emulator traffic cannot be validated against the spec",
    );
  }
  return undefined;
}

function isNotFound(e: unknown, msg: string): boolean {
  const code = (e as { code?: string }).code;
  return (
    code === "ERR_MODULE_NOT_FOUND" ||
    code === "MODULE_NOT_FOUND" ||
    /Cannot find module|Failed to load url|does not exist/i.test(msg)
  );
}

let unsubscribe: (() => void) | undefined;

beforeAll(async () => {
  const registry = await loadRegistry();
  unsubscribe = registry?.onAnyExchange((entry) => {
    record(entry);
  });
});

// vitest passes fixtures first (it insists on a destructuring pattern there) and the suite second.
// biome-ignore lint/correctness/noEmptyPattern: required by vitest's fixture parser
afterAll(({}, suite) => {
  unsubscribe?.();
  // At file level the suite is the file itself.
  writeTally((suite as { filepath?: string }).filepath ?? suite.name);
  const problems = recordedProblems();
  if (problems.length === 0) return;
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p, (counts.get(p) ?? 0) + 1);
  const lines = [...counts].map(([p, n]) => (n > 1 ? `  ${p}  (×${n})` : `  ${p}`));
  throw new Error(
    `contract: ${problems.length} emulator exchange problem(s) against Clerk's OpenAPI spec:\n${lines.join("\n")}`,
  );
});
