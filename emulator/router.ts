import type { Platform } from "./platform/registry";
import type { Store } from "./store";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  store: Store;
  /** Switches that change how Clerk-like answers are (not faults): see EmulatorSwitches. */
  behaviour?: RouteBehaviour;
  /** The Platform API's workspace (applications and their instances' stores). */
  platform?: Platform;
  /** Request headers, lower-case names. */
  headers?: Record<string, string | undefined>;
}

export interface RouteBehaviour {
  /** After a PATCH /instance that sets allowed_origins, this many GET /instance still show the old list. */
  staleAllowedOriginsReads: number;
}

export interface RouteResult {
  status: number;
  /** Omitted for bodiless answers (204). */
  body?: unknown;
}

export type Handler = (ctx: RouteContext) => RouteResult;

export interface Route {
  method: Method;
  /** The spec's path template, relative to /v1, e.g. `/jwt_templates/{template_id}`. */
  path: string;
  handler: Handler;
}

export type Match =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: Method[]; template: string }
  | { kind: "none" };

const split = (p: string) => p.split("/").filter((s) => s !== "");

/** Matches a path (without /v1) against the spec templates; `{name}` segments capture. */
export class Router {
  readonly #routes: Array<Route & { segments: string[] }> = [];

  add(...routes: Route[]): this {
    for (const r of routes) this.#routes.push({ ...r, segments: split(r.path) });
    return this;
  }

  get routes(): readonly Route[] {
    return this.#routes;
  }

  match(method: string, path: string): Match {
    const segs = split(path);
    const allowed: Method[] = [];
    let template = "";
    for (const r of this.#routes) {
      const params = matchSegments(r.segments, segs);
      if (!params) continue;
      if (r.method === method) return { kind: "found", route: r, params };
      allowed.push(r.method);
      template = r.path;
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed, template } : { kind: "none" };
  }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const a = actual[i] as string;
    if (t.startsWith("{") && t.endsWith("}")) {
      let v: string;
      try {
        v = decodeURIComponent(a);
      } catch {
        return undefined;
      }
      params[t.slice(1, -1)] = v;
    } else if (t !== a) {
      return undefined;
    }
  }
  return params;
}
