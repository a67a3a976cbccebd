import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../../emulator";
import { type ClerkClient, createClerkClient } from "../../../sdk";

// Clerk adds fields and enum values before this package learns of them. Every read of every endpoint
// group must keep working in the strictest validation mode when each object carries a field nobody
// knows and each enum carries a value nobody knows, and the debug log must say what was ignored.

const KEY = "sk_test_tolerantReader";
let emu: Emulator;
let clerk: ClerkClient;
const debug: Array<{ message: string; details?: Record<string, unknown> }> = [];

const FUTURE_VALUES: Record<string, unknown> = {
  identifier_type: "email_domain",
  provider: "saml_future_idp",
  domains_enrollment_modes: ["automatic_future"],
  mode: "future_hint",
};

/** Adds `future_field` to every object and replaces every known enum with a value nobody knows yet. */
function fromTheFuture(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromTheFuture);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = { future_field: { nested: true } };
  for (const [k, v] of Object.entries(value)) {
    // JWT claims are free-form: whatever is in them is the user's, not a field of Clerk's.
    out[k] = k in FUTURE_VALUES ? FUTURE_VALUES[k] : k === "claims" ? v : fromTheFuture(v);
  }
  return out;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
  const seed = createClerkClient({ secretKey: KEY, apiUrl: emu.url, retry: false });
  await seed.allowlistIdentifiers.create({ identifier: "future@example.com" });
  await seed.blocklistIdentifiers.create({ identifier: "future@spam.test" });
  await seed.redirectUrls.create({ url: "https://future.example.com/cb" });
  await seed.jwtTemplates.create({ name: "future", claims: {} });
  await seed.oauthApplications.create({ name: "future" });
  await seed.domains.create({ name: "future.example.com", is_satellite: true });
  await seed.samlConnections.create({ name: "Future", provider: "saml_custom", domain: "saml-future.test" });
  await seed.enterpriseConnections.create({
    name: "Future",
    provider: "saml_custom",
    domains: ["future.test"],
  });

  const future: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.text();
    const body = text === "" || res.status >= 300 ? text : JSON.stringify(fromTheFuture(JSON.parse(text)));
    return new Response(res.status === 204 ? null : body, { status: res.status, headers: res.headers });
  };
  clerk = createClerkClient({
    secretKey: KEY,
    apiUrl: emu.url,
    retry: false,
    fetch: future,
    responseValidation: "error",
    logger: { debug: (message, details) => debug.push({ message, details }) },
  });
});
afterAll(() => emu.close());

describe("a response from a newer Clerk", () => {
  it("never fails a read: unknown fields are dropped, unknown enum values kept", async () => {
    const reads = {
      allowlist: await clerk.allowlistIdentifiers.list(),
      blocklist: await clerk.blocklistIdentifiers.list(),
      redirects: await clerk.redirectUrls.list(),
      jwt: await clerk.jwtTemplates.list(),
      oauth: await clerk.oauthApplications.list(),
      domains: await clerk.domains.list(),
      saml: await clerk.samlConnections.list(),
      enterprise: await clerk.enterpriseConnections.list(),
      roles: await clerk.organizationRoles.list(),
    };
    for (const [name, list] of Object.entries(reads)) expect(list.length, name).toBeGreaterThan(0);
    const singles = [
      await clerk.jwtTemplates.get(reads.jwt[0]!.id),
      await clerk.redirectUrls.get(reads.redirects[0]!.id),
      await clerk.oauthApplications.get(reads.oauth[0]!.id),
      await clerk.samlConnections.get(reads.saml[0]!.id),
      await clerk.enterpriseConnections.get(reads.enterprise[0]!.id),
      await clerk.instance.get(),
      await clerk.instanceRestrictions.update({}),
      await clerk.organizationSettings.get(),
      await clerk.oauthApplicationSettings.get(),
      await clerk.instanceCommunication.get(),
      await clerk.instanceProtect.get(),
    ];
    for (const obj of [...Object.values(reads).flat(), ...singles]) {
      expect(JSON.stringify(obj)).not.toContain("future_field");
    }
    expect(reads.allowlist[0]?.identifier_type).toBe("email_domain");
    expect(reads.saml[0]?.provider).toBe("saml_future_idp");
    expect(reads.enterprise[0]?.provider).toBe("saml_future_idp");
    expect(singles[7]).toMatchObject({ domains_enrollment_modes: ["automatic_future"] });
  });

  it("says at debug level what it ignored, naming endpoint, fields and values", async () => {
    debug.length = 0;
    await clerk.allowlistIdentifiers.list();
    expect(debug.map((d) => d.message)).toContainEqual(
      'clerk: GET /allowlist_identifiers: ignoring what this client does not know: fields future_field, data[].future_field; enum values "email_domain"',
    );
    debug.length = 0;
    await clerk.organizationSettings.get();
    const line = debug.find((d) => d.message.includes("ignoring"));
    expect(line?.details).toEqual({
      unknownFields: ["future_field"],
      unknownEnumValues: ["automatic_future"],
    });
  });
});
