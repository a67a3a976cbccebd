import { parseArgs } from "node:util";
import type { FaultConfig } from "./faults";
import type { RateLimitConfig } from "./rate-limit";
import type { EmulatorOptions, LatencyConfig } from "./server";

export const USAGE = `Usage: clerk-emulator [options]

A local Clerk Backend API (https://api.clerk.com/v1) for tests and demos.
Prints its base URL (e.g. http://127.0.0.1:43211/v1) as the first line of stdout.

Options:
  --port N                   port to listen on (default 0: a free port)
  --host HOST                address to bind (default 127.0.0.1)
  --state FILE               load state from FILE and save every change to it
  --secret-key KEY           accept only this key (repeatable; default: any sk_test_/sk_live_ key)
  --platform-api-key KEY     accept only this Platform API key on /v1/platform (repeatable; default: any ak_ key)
  --rate-limit N/WINDOW      e.g. 100/10s (Clerk's development limit); WINDOW in ms, s or m
  --faults SPEC              e.g. 429=0.2,5xx=0.1,drop=0.05,afterCommit=0.05,seed=42
                             (also hang=P, slowAfterCommit=P, hangMs=N: requests held N ms)
  --latency MIN-MAX          added delay per request in ms, e.g. 50-150
  --verbose                  log one line per request to stderr
  --help                     show this help`;

/** Parses `100/10s`. */
export function parseRateLimit(spec: string): RateLimitConfig {
  const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(spec.trim());
  if (!m) throw new Error(`--rate-limit: expected N/WINDOW like 100/10s, got ${JSON.stringify(spec)}`);
  const unit = { ms: 1, s: 1000, m: 60_000 }[(m[3] ?? "s") as "ms" | "s" | "m"];
  return { requests: Number(m[1]), windowMs: Number(m[2]) * unit };
}

/** Parses `429=0.2,5xx=0.1,drop=0.05,afterCommit=0.05,seed=42`. */
export function parseFaults(spec: string): FaultConfig {
  const out: FaultConfig = { seed: 1 };
  const names: Record<string, keyof FaultConfig> = {
    "429": "rate429",
    "5xx": "rate5xx",
    drop: "rateDrop",
    afterCommit: "dropAfterCommit",
    dropAfterCommit: "dropAfterCommit",
    hang: "rateHang",
    slowAfterCommit: "slowAfterCommit",
    hangMs: "hangMs",
    seed: "seed",
  };
  for (const part of spec.split(",").filter((p) => p.trim() !== "")) {
    const [k, v] = part.split("=").map((s) => s.trim());
    const key = k === undefined ? undefined : names[k];
    const n = Number(v);
    if (key === undefined || v === undefined || v === "" || !Number.isFinite(n)) {
      throw new Error(
        `--faults: cannot read ${JSON.stringify(part)} (known: ${Object.keys(names).join(", ")})`,
      );
    }
    out[key] = n;
  }
  return out;
}

/** Parses `50-150` (or a single `100`). */
export function parseLatency(spec: string): LatencyConfig {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) throw new Error(`--latency: expected MIN-MAX in ms like 50-150, got ${JSON.stringify(spec)}`);
  const minMs = Number(m[1]);
  return { minMs, maxMs: m[2] === undefined ? minMs : Number(m[2]) };
}

export interface CliOptions extends EmulatorOptions {
  verbose: boolean;
  help: boolean;
}

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      state: { type: "string" },
      "secret-key": { type: "string", multiple: true },
      "platform-api-key": { type: "string", multiple: true },
      "rate-limit": { type: "string" },
      faults: { type: "string" },
      latency: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port: not a port: ${values.port}`);
  return {
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.state ? { stateFile: values.state } : {}),
    ...(values["secret-key"] ? { secretKeys: values["secret-key"] } : {}),
    ...(values["platform-api-key"] ? { platformApiKeys: values["platform-api-key"] } : {}),
    ...(values["rate-limit"] ? { rateLimit: parseRateLimit(values["rate-limit"]) } : {}),
    ...(values.faults ? { faults: parseFaults(values.faults) } : {}),
    ...(values.latency ? { latency: parseLatency(values.latency) } : {}),
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}
