// The baselines: the same configuration applied the way a user would without Pulumi, with plain `fetch`
// (create everything, then delete everything). No validation, no state: the least work that gets the
// objects made.
//   - sequential: one request at a time, no retries; the simplest script anyone writes.
//   - concurrent: what a competent engineer writes instead: a fixed number of requests in flight,
//     a 429 waited out for its `Retry-After` and tried again.
const ENDPOINTS = {
  RedirectUrl: { path: "/redirect_urls", body: (a) => ({ url: a.url }) },
  JwtTemplate: { path: "/jwt_templates", body: (a) => ({ name: a.name, claims: a.claims }) },
  AllowlistIdentifier: { path: "/allowlist_identifiers", body: (a) => ({ identifier: a.identifier }) },
  BlocklistIdentifier: { path: "/blocklist_identifiers", body: (a) => ({ identifier: a.identifier }) },
};

/** How many requests the concurrent script keeps in flight. */
export const CONCURRENT_IN_FLIGHT = 8;

function caller(apiUrl, secretKey, { retry429 }) {
  const headers = { authorization: `Bearer ${secretKey}`, "content-type": "application/json" };
  return async function call(method, path, body) {
    for (;;) {
      const res = await fetch(`${apiUrl}${path}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (res.status === 429 && retry429) {
        const seconds = Number(res.headers.get("retry-after") ?? "1");
        await new Promise((r) => setTimeout(r, (Number.isFinite(seconds) ? seconds : 1) * 1000));
        continue;
      }
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    }
  };
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
async function pool(items, limit, work) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function createThenDelete(resources, inFlight, call) {
  let t = performance.now();
  const created = await pool(resources, inFlight, async (r) => {
    const e = ENDPOINTS[r.type];
    const obj = await call("POST", e.path, e.body(r.args));
    return `${e.path}/${obj.id}`;
  });
  const createMs = Math.round(performance.now() - t);
  t = performance.now();
  await pool(created, inFlight, (path) => call("DELETE", path));
  const deleteMs = Math.round(performance.now() - t);
  return { createMs, deleteMs };
}

/** Creates then deletes `resources` (bench/run.mjs's shape) one request at a time; returns timings. */
export function runFetchScript(apiUrl, secretKey, resources) {
  return createThenDelete(resources, 1, caller(apiUrl, secretKey, { retry429: false }));
}

/** The same with CONCURRENT_IN_FLIGHT requests in flight, honouring 429 `Retry-After`. */
export function runConcurrentFetchScript(apiUrl, secretKey, resources) {
  return createThenDelete(resources, CONCURRENT_IN_FLIGHT, caller(apiUrl, secretKey, { retry429: true }));
}
