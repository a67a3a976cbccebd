// Everything the client logs or puts in an error message goes through here first, so a secret key
// or a client secret never reaches a log line, a terminal or Pulumi's state.

const REDACTED = "[REDACTED]";

/** Secret keys look like `sk_test_…` / `sk_live_…`; restricted keys like `rk_test_…` / `rk_live_…`. */
const SECRET_KEY_PATTERN = /\b(sk|rk)_(test|live)_[A-Za-z0-9_-]+/g;
/** Platform API keys (`ak_…`) reach every application of a workspace. */
const PLATFORM_KEY_PATTERN = /\bak_[A-Za-z0-9_-]+/g;

/** Body fields that carry secrets in the endpoints this client covers. */
const SECRET_FIELDS = new Set([
  "client_secret",
  "signing_key",
  "secret",
  "secret_key",
  "api_key",
  "svix_url",
]);

export function redactString(text: string): string {
  return text
    .replace(SECRET_KEY_PATTERN, (_m, kind: string, env: string) => `${kind}_${env}_${REDACTED}`)
    .replace(PLATFORM_KEY_PATTERN, `ak_${REDACTED}`);
}

/** A copy of `value` with secret fields masked and secret keys scrubbed from every string. */
export function redactBody(value: unknown): unknown {
  if (typeof value === "string") return redactString(value);
  if (Array.isArray(value)) return value.map(redactBody);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_FIELDS.has(key) && v !== null && v !== "" ? REDACTED : redactBody(v);
    }
    return out;
  }
  return value;
}

/** Headers as a plain object, with `Authorization` (and any cookie) masked. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (lower === "authorization") out[name] = value.startsWith("Bearer ") ? `Bearer ${REDACTED}` : REDACTED;
    else if (lower === "cookie" || lower === "set-cookie") out[name] = REDACTED;
    else out[name] = redactString(value);
  }
  return out;
}
