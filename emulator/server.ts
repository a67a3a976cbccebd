import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin";
import { DEFAULT_MAX_BODY_BYTES, isJsonContentType, JSON_CONTENT_TYPE, readBody } from "./body";
import {
  ClerkErrorAnswer,
  errorBody,
  malformedBody,
  methodNotAllowed,
  newTraceId,
  payloadTooLarge,
  routeNotFound,
  tooManyRequests,
  unauthenticated,
  unsupportedMediaType,
} from "./errors";
import { type FaultConfig, Faults, mulberry32 } from "./faults";
import { type ExchangeListener, RequestLog, type RequestLogEntry } from "./log";
import { readStateFile, writeStateFile } from "./persist";
import { Platform } from "./platform/registry";
import { type RateLimitConfig, RateLimiter } from "./rate-limit";
import { Router } from "./router";
import { allRoutes } from "./routes";
import { Store } from "./store";

export interface LatencyConfig {
  minMs: number;
  maxMs: number;
  /** Draw the delays from a seeded PRNG (mulberry32), so benchmark runs see the same sequence. */
  seed?: number;
}

/** Runtime switches; in `configure()` a key set to `null` turns that switch off, an absent key keeps it. */
export interface EmulatorSwitches {
  rateLimit?: RateLimitConfig | null;
  faults?: FaultConfig | null;
  latency?: LatencyConfig | null;
  /**
   * Reproduces Clerk settling after `PATCH /instance`: the next N `GET /instance` still answer the
   * `allowed_origins` from before the PATCH (0 or null: always fresh, the default).
   */
  staleAllowedOriginsReads?: number | null;
}

export interface EmulatorOptions extends EmulatorSwitches {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /**
   * Accepted keys of the primary (development) instance; default: any `sk_test_…` or `sk_live_…` key.
   * The secret keys of the other instances (the seeded production one) are always accepted, each
   * reaching its own instance.
   */
  secretKeys?: string[];
  /** Accepted Platform API keys on `/v1/platform/…`; default: any `ak_…` key. */
  platformApiKeys?: string[];
  /** Load state from this file at start (if it exists) and write it atomically after every change. */
  stateFile?: string;
  /** Request bodies above this are answered 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called with one line per request (the CLI's `--verbose`). */
  logLine?: (line: string) => void;
}

export interface Emulator {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:43211/v1`. */
  readonly url: string;
  /** `http://host:port`, for the `/__emulator/…` admin routes. */
  readonly origin: string;
  readonly port: number;
  /** The primary instance's objects: the seeded application's development instance. */
  readonly store: Store;
  /** The Platform API's workspace: applications and every instance's store. */
  readonly platform: Platform;
  requests(): RequestLogEntry[];
  clearRequests(): void;
  configure(switches: EmulatorSwitches): void;
  /** Current switches. */
  config(): { rateLimit: RateLimitConfig | null; faults: FaultConfig | null; latency: LatencyConfig | null };
  onExchange(fn: ExchangeListener): () => void;
  close(): Promise<void>;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);
const BODY_METHODS = new Set(["POST", "PATCH", "PUT"]);
const KEY_PATTERN = /^Bearer\s+(sk_(?:test|live)_[A-Za-z0-9_-]+)\s*$/;
const PLATFORM_KEY_PATTERN = /^Bearer\s+(ak_[A-Za-z0-9_-]+)\s*$/;
const isPlatformPath = (path: string) => path === "/platform" || path.startsWith("/platform/");

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const secretKeys = options.secretKeys ? new Set(options.secretKeys) : undefined;
  const platformKeys = options.platformApiKeys ? new Set(options.platformApiKeys) : undefined;
  const initial = options.stateFile ? readStateFile(options.stateFile) : undefined;
  const store = new Store(initial);
  const platform = new Platform(store, initial?.platform);
  const stateFile = options.stateFile;
  if (stateFile) {
    // One file for the workspace: the primary instance's snapshot carries the platform's.
    const save = () => writeStateFile(stateFile, { ...store.snapshot(), platform: platform.snapshot() });
    store.onChange(save);
    platform.onChange(save);
    if (!initial) save();
  }
  const router = new Router().add(...allRoutes);
  const log = new RequestLog();

  let limiter: RateLimiter | null = null;
  let faults: Faults | null = null;
  let latency: LatencyConfig | null = null;
  let latencyRandom: () => number = Math.random;
  const behaviour = { staleAllowedOriginsReads: 0 };
  const configure = (s: EmulatorSwitches) => {
    if (s.staleAllowedOriginsReads !== undefined) {
      const n = s.staleAllowedOriginsReads ?? 0;
      if (!(Number.isInteger(n) && n >= 0))
        throw new RangeError("staleAllowedOriginsReads must be a whole number >= 0");
      behaviour.staleAllowedOriginsReads = n;
    }
    if (s.rateLimit !== undefined) limiter = s.rateLimit ? new RateLimiter(s.rateLimit) : null;
    if (s.faults !== undefined) faults = s.faults ? new Faults(s.faults) : null;
    if (s.latency !== undefined) {
      if (s.latency && !(s.latency.minMs >= 0 && s.latency.maxMs >= s.latency.minMs)) {
        throw new RangeError("latency needs 0 <= minMs <= maxMs");
      }
      latency = s.latency ? { ...s.latency } : null;
      latencyRandom = s.latency?.seed === undefined ? Math.random : mulberry32(s.latency.seed);
    }
  };
  configure(options);
  const currentConfig = () => ({
    rateLimit: limiter ? { ...limiter.config } : null,
    faults: faults ? faults.config : null,
    latency: latency ? { ...latency } : null,
  });

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A client that hung up mid-body is not our error; there is no one left to answer.
      if (req.destroyed || res.destroyed) return;
      // Otherwise only a bug gets here; answer 500 and keep serving.
      process.stderr.write(`clerk-emulator: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      if (!res.headersSent) send(res, 500, internalError(newTraceId()), newTraceId());
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const at = new Date().toISOString();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const raw = await readBody(req, maxBody);

    if (url.pathname === "/__emulator" || url.pathname.startsWith("/__emulator/")) {
      return handleAdmin({ method, path: url.pathname, body: raw.text }, res, {
        store,
        platform,
        log,
        configure,
        config: currentConfig,
      });
    }

    const traceId = newTraceId();
    const apiPath =
      url.pathname === "/v1" ? "/" : url.pathname.startsWith("/v1/") ? url.pathname.slice(3) : undefined;
    const entry: RequestLogEntry = {
      seq: log.nextSeq(),
      method,
      path: apiPath ?? url.pathname,
      query: queryObject(url.searchParams),
      requestHeaders: redactHeaders(req),
      requestBody: parseForLog(raw.text),
      status: 0,
      responseHeaders: {},
      responseBody: undefined,
      durationMs: 0,
      at,
    };
    const finish = (status: number, body: unknown, headers: Record<string, string>, drop = false) => {
      entry.status = drop && entry.fault === "drop" ? 0 : status;
      entry.responseBody = body;
      entry.responseHeaders = drop ? {} : responseHeaders(traceId, headers, body);
      entry.durationMs = Math.round((performance.now() - started) * 100) / 100;
      if (drop) {
        req.socket.destroy();
      } else {
        send(res, status, body, traceId, headers);
      }
      log.add(entry);
      options.logLine?.(
        `${at} ${method} ${url.pathname}${url.search} -> ${drop ? "DROPPED" : status}${entry.fault ? ` [fault ${entry.fault}]` : ""} ${entry.durationMs}ms`,
      );
    };
    const fail = (e: ClerkErrorAnswer) => finish(e.status, errorBody(e.errors, traceId), e.headers);

    if (apiPath === undefined) return fail(routeNotFound(method, url.pathname));
    if (latency) await sleep(latency.minMs + latencyRandom() * (latency.maxMs - latency.minMs));

    // The Platform API takes a Platform API key and nothing else; the Backend API an instance secret
    // key, which also says which instance's objects the request reaches.
    const authorization = req.headers.authorization ?? "";
    let target: Store = store;
    if (isPlatformPath(apiPath)) {
      const key = PLATFORM_KEY_PATTERN.exec(authorization)?.[1];
      if (key === undefined || (platformKeys !== undefined && !platformKeys.has(key)))
        return fail(
          unauthenticated("a Platform API key (ak_…); an instance secret key is not accepted here"),
        );
    } else {
      const key = KEY_PATTERN.exec(authorization)?.[1];
      const other = key === undefined ? undefined : platform.storeForSecretKey(key);
      if (other) target = other;
      else if (
        key === undefined ||
        (secretKeys !== undefined && !secretKeys.has(key)) ||
        platform.isRetiredSecretKey(key)
      )
        return fail(unauthenticated());
    }

    if (limiter) {
      const wait = limiter.take();
      if (wait > 0) {
        entry.fault = "rateLimit";
        return fail(tooManyRequests(wait));
      }
    }

    const decision = faults ? faults.decide(WRITE_METHODS.has(method)) : { kind: "none" as const };
    if (decision.kind === "429") {
      entry.fault = "429";
      return fail(tooManyRequests(1));
    }
    if (decision.kind === "5xx") {
      entry.fault = "5xx";
      return finish(decision.status, internalError(traceId), {});
    }
    if (decision.kind === "drop") {
      entry.fault = "drop";
      return finish(0, undefined, {}, true);
    }
    if (decision.kind === "hang") {
      entry.fault = "hang";
      await hold(decision.ms);
      return finish(0, undefined, {}, true);
    }

    const match = router.match(method, apiPath);
    if (match.kind === "none") return fail(routeNotFound(method, apiPath));
    if (match.kind === "wrong-method") {
      entry.route = match.template;
      return fail(methodNotAllowed(method, apiPath, match.allowed));
    }
    entry.route = match.route.path;

    let body: unknown;
    if (BODY_METHODS.has(method) && raw.bytes > 0) {
      if (raw.tooLarge) return fail(payloadTooLarge(maxBody));
      if (!isJsonContentType(req.headers["content-type"])) {
        return fail(unsupportedMediaType(req.headers["content-type"] ?? ""));
      }
      if (raw.text.trim() !== "") {
        try {
          body = JSON.parse(raw.text);
        } catch (e) {
          return fail(malformedBody((e as Error).message));
        }
        if (body === null || typeof body !== "object" || Array.isArray(body)) {
          return fail(malformedBody("expected a JSON object"));
        }
      }
    }

    let status: number;
    let out: unknown;
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]),
      );
      const result = platform.batch(() =>
        match.route.handler({
          params: match.params,
          query: url.searchParams,
          body,
          store: target,
          behaviour,
          platform,
          headers,
        }),
      );
      status = result.status;
      out = result.body;
    } catch (e) {
      if (!(e instanceof ClerkErrorAnswer)) throw e;
      if (decision.kind === "dropAfterCommit") entry.fault = "dropAfterCommit";
      return finish(e.status, errorBody(e.errors, traceId), e.headers, decision.kind === "dropAfterCommit");
    }
    if (decision.kind === "dropAfterCommit") entry.fault = "dropAfterCommit";
    if (decision.kind === "slowAfterCommit") {
      entry.fault = "slowAfterCommit";
      await hold(decision.ms);
    }
    return finish(status, out, {}, decision.kind === "dropAfterCommit");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: `${origin}/v1`,
    origin,
    port,
    store,
    platform,
    requests: () => log.entries(),
    clearRequests: () => log.clear(),
    configure,
    config: currentConfig,
    onExchange: (fn) => log.onExchange(fn),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  traceId: string,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, responseHeaders(traceId, headers, body));
  res.end(text);
}

function responseHeaders(
  traceId: string,
  extra: Record<string, string>,
  body: unknown,
): Record<string, string> {
  return {
    // Exactly `application/json`: Clerk's Node client parses a body as JSON only for that exact value.
    ...(body === undefined ? {} : { "content-type": JSON_CONTENT_TYPE }),
    // Clerk's answers carry the trace id as `x-clerk-trace-id`; its Go client reads `Clerk-Trace-Id`.
    "x-clerk-trace-id": traceId,
    "clerk-trace-id": traceId,
    ...extra,
  };
}

const internalError = (traceId: string) =>
  errorBody(
    [
      {
        code: "internal_clerk_error",
        message: "Oops, an unexpected error occurred",
        long_message:
          "There was an internal error on our servers. We've been notified and are working on fixing it.",
      },
    ],
    traceId,
  );

function queryObject(q: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of new Set(q.keys())) {
    const all = q.getAll(k);
    out[k] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

/** The log keeps headers for the contract tests, but never a secret key. */
function redactHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k] = k === "authorization" ? String(v).replace(/\b(sk_(?:test|live)_|ak_).*/, "$1***") : String(v);
  }
  return out;
}

function parseForLog(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A wait that does not keep the process alive: a closed emulator's held requests must not delay exit. */
const hold = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
