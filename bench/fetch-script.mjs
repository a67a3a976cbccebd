// The baseline: the same configuration applied the way a user would without Pulumi, a straightforward
// script with plain `fetch`, one object at a time (create everything, then delete everything). No retries,
// no validation, no state: the least work that gets the objects made.
const ENDPOINTS = {
  RedirectUrl: { path: "/redirect_urls", body: (a) => ({ url: a.url }) },
  JwtTemplate: { path: "/jwt_templates", body: (a) => ({ name: a.name, claims: a.claims }) },
  AllowlistIdentifier: { path: "/allowlist_identifiers", body: (a) => ({ identifier: a.identifier }) },
  BlocklistIdentifier: { path: "/blocklist_identifiers", body: (a) => ({ identifier: a.identifier }) },
};

/** Creates then deletes `resources` (bench/run.mjs's shape) one request at a time; returns timings. */
export async function runFetchScript(apiUrl, secretKey, resources) {
  const headers = { authorization: `Bearer ${secretKey}`, "content-type": "application/json" };
  const call = async (method, path, body) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const created = [];
  let t = performance.now();
  for (const r of resources) {
    const e = ENDPOINTS[r.type];
    const obj = await call("POST", e.path, e.body(r.args));
    created.push(`${e.path}/${obj.id}`);
  }
  const createMs = Math.round(performance.now() - t);
  t = performance.now();
  for (const path of created) await call("DELETE", path);
  const deleteMs = Math.round(performance.now() - t);
  return { createMs, deleteMs };
}
