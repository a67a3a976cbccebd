import type { ServerResponse } from "node:http";
import { JSON_CONTENT_TYPE } from "./body";
import type { FaultConfig } from "./faults";
import type { RequestLog } from "./log";
import type { Platform } from "./platform/registry";
import type { RateLimitConfig } from "./rate-limit";
import type { EmulatorSwitches, LatencyConfig } from "./server";
import type { Store } from "./store";

interface AdminDeps {
  store: Store;
  platform: Platform;
  log: RequestLog;
  configure(s: EmulatorSwitches): void;
  config(): { rateLimit: RateLimitConfig | null; faults: FaultConfig | null; latency: LatencyConfig | null };
}

/**
 * `/__emulator/…`: control routes for an emulator running in another process. Outside `/v1`, not
 * authenticated (the emulator binds to loopback by default), never logged as exchanges.
 */
export function handleAdmin(
  req: { method: string; path: string; body: string },
  res: ServerResponse,
  deps: AdminDeps,
): void {
  const [status, body] = route(req, deps);
  res.writeHead(status, body === undefined ? {} : { "content-type": JSON_CONTENT_TYPE });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

type Reply = [status: number, body?: unknown];

function route(req: { method: string; path: string; body: string }, deps: AdminDeps): Reply {
  const reply = (status: number, body?: unknown): Reply => [status, body];
  const fail = (status: number, code: string, message: string): Reply =>
    reply(status, { errors: [{ code, message, long_message: message }] });

  const key = `${req.method} ${req.path.replace(/\/+$/, "")}`;
  switch (key) {
    case "GET /__emulator/requests":
      return reply(200, deps.log.entries());
    case "DELETE /__emulator/requests":
      deps.log.clear();
      return reply(204);
    case "GET /__emulator/state":
      return reply(200, deps.store.snapshot());
    case "POST /__emulator/reset":
      deps.store.reset();
      deps.platform.reset();
      return reply(204);
    case "GET /__emulator/config":
      return reply(200, deps.config());
    case "PUT /__emulator/config": {
      let switches: EmulatorSwitches;
      try {
        switches = JSON.parse(req.body || "{}") as EmulatorSwitches;
        if (switches === null || typeof switches !== "object" || Array.isArray(switches))
          throw new Error("not an object");
      } catch (e) {
        return fail(400, "malformed_request_body", `config must be a JSON object: ${(e as Error).message}`);
      }
      try {
        deps.configure(switches);
      } catch (e) {
        return fail(422, "invalid_config", (e as Error).message);
      }
      return reply(200, deps.config());
    }
    default:
      return fail(404, "resource_not_found", `No emulator admin route ${req.method} ${req.path}.`);
  }
}
