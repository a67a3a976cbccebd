import type { z } from "zod";
import {
  type ClerkErrorAnswer,
  combine,
  paramFormatInvalid,
  paramMissing,
  paramUnknown,
  paramValueInvalid,
} from "./errors";

// Request validation: each route's zod schema (strict where the spec says `additionalProperties: false`)
// with zod's issues translated into Clerk's 422 codes naming the parameter. Why the routes keep their own
// schemas rather than the sdk's: emulator/README.md, "Request validation".

const paramName = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");

function toClerk(issue: z.core.$ZodIssue): ClerkErrorAnswer[] {
  const at = (extra?: PropertyKey) => paramName(extra === undefined ? issue.path : [...issue.path, extra]);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => paramUnknown(at(k)));
    case "invalid_type":
      // zod reports the input only when there was one: no input means the key was absent.
      if (!("input" in issue) || issue.input === undefined) return [paramMissing(at())];
      return [paramFormatInvalid(at(), `${at()} must be ${article(issue.expected)}.`)];
    case "invalid_value":
      return [paramValueInvalid(at(), `${at()} must be one of: ${issue.values.map(String).join(", ")}.`)];
    case "too_small":
    case "too_big":
      return [paramValueInvalid(at(), `${at()}: ${issue.message}`)];
    case "invalid_format":
      return [paramFormatInvalid(at(), `${at()} is not a valid ${issue.format}.`)];
    case "invalid_union":
      return [paramFormatInvalid(at())];
    default:
      return [paramFormatInvalid(at(), `${at()}: ${issue.message}`)];
  }
}

const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

/** Parses a JSON body (absent body = `{}`), or throws one 422 listing every failing parameter. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? {}, { reportInput: true });
  if (r.success) return r.data;
  throw combine(r.error.issues.flatMap(toClerk));
}

export interface Page {
  limit: number;
  offset: number;
}

/** `limit` (1..500, default 10) and `offset` (≥0, default 0), as the spec's shared parameters say. */
export function parsePage(query: URLSearchParams): Page {
  return {
    limit: intParam(query, "limit", 10, 1, 500),
    offset: intParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export function intParam(
  query: URLSearchParams,
  name: string,
  dflt: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return dflt;
  if (!/^-?\d+$/.test(raw)) throw paramFormatInvalid(name, `${name} must be an integer.`);
  const n = Number(raw);
  if (n < min || n > max) throw paramValueInvalid(name, `${name} must be between ${min} and ${max}.`);
  return n;
}

export function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw paramFormatInvalid(name, `${name} must be true or false.`);
}

export function paginate<T>(items: T[], page: Page): T[] {
  return items.slice(page.offset, page.offset + page.limit);
}

// Formats Clerk checks on strings.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const isEmail = (s: string) => EMAIL.test(s) && s.length <= 320;
/** A fully qualified domain name (at least one dot), lowercase. */
export const isFqdn = (s: string) => HOSTNAME.test(s) && s.includes(".");
/** `host` or `host:port` (development instances may carry a port). */
export const isHostWithOptionalPort = (s: string) => {
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(s);
  if (!m?.[1]) return false;
  if (m[2] !== undefined && Number(m[2]) > 65535) return false;
  return HOSTNAME.test(m[1]);
};

/** An absolute URL; http(s) ones need a host. */
export function isUrl(s: string, opts: { customScheme?: boolean; httpsOnly?: boolean } = {}): boolean {
  // Control characters would be silently stripped or escaped by URL parsing; reject them instead.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  if (/[\s\u0000-\u001f\u007f]/.test(s) || s.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  const web = u.protocol === "http:" || u.protocol === "https:";
  if (web) return u.hostname !== "" && (!opts.httpsOnly || u.protocol === "https:" || isLocal(u.hostname));
  return (
    opts.customScheme === true && /^[a-z][a-z0-9+.-]*:$/.test(u.protocol) && !UNSAFE_SCHEMES.has(u.protocol)
  );
}

/** Schemes that run code or read local files are never valid redirect targets. */
const UNSAFE_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:"]);

const isLocal = (host: string) => host === "localhost" || host === "127.0.0.1" || host.endsWith(".localhost");

/** An origin: scheme + host (+ port), no path. */
export function isOrigin(s: string): boolean {
  if (!isUrl(s, { customScheme: true })) return false;
  const u = new URL(s);
  return (u.pathname === "" || u.pathname === "/") && u.search === "" && u.hash === "";
}
