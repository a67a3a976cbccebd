import { describe, expect, it } from "vitest";
import { redactBody, redactHeaders, redactString } from "../../../sdk/redact";

describe("redaction", () => {
  it("masks secret keys anywhere in a string", () => {
    expect(redactString("key=sk_test_abc123XYZ and sk_live_Q-w_e")).toBe(
      "key=sk_test_[REDACTED] and sk_live_[REDACTED]",
    );
    expect(redactString("pk_test_abc is public")).toBe("pk_test_abc is public");
  });

  it("masks restricted keys (rk_) as it masks secret keys", () => {
    expect(redactString("rk_test_abc123 then rk_live_Q-w_e")).toBe(
      "rk_test_[REDACTED] then rk_live_[REDACTED]",
    );
    expect(redactBody({ note: "key rk_live_zzz9" })).toEqual({ note: "key rk_live_[REDACTED]" });
  });

  it("masks the Authorization header but keeps the others", () => {
    const h = redactHeaders(
      new Headers({ Authorization: "Bearer sk_test_123", "Clerk-API-Version": "2026-05-12" }),
    );
    expect(h.authorization).toBe("Bearer [REDACTED]");
    expect(h["clerk-api-version"]).toBe("2026-05-12");
    expect(JSON.stringify(h)).not.toContain("sk_test_123");
  });

  it("masks secret fields at any depth without touching the input", () => {
    const body = {
      name: "app",
      client_secret: "cs_very_secret",
      oidc: { client_id: "id", client_secret: "nested" },
      items: [{ signing_key: "-----BEGIN PRIVATE KEY-----" }],
      secret: "s",
      note: "uses sk_live_zzz",
      empty_secret: null,
    };
    const out = redactBody(body) as typeof body;
    expect(out.client_secret).toBe("[REDACTED]");
    expect(out.oidc.client_secret).toBe("[REDACTED]");
    expect(out.oidc.client_id).toBe("id");
    expect(out.items[0]?.signing_key).toBe("[REDACTED]");
    expect(out.secret).toBe("[REDACTED]");
    expect(out.note).toBe("uses sk_live_[REDACTED]");
    expect(body.client_secret).toBe("cs_very_secret");
  });

  it("masks machine secret keys, SCIM directory API keys and Svix dashboard links", () => {
    const out = redactBody({
      created: { id: "mch_1", secret_key: "ak_machine" },
      rotated: { object: "machine_secret_key", secret: "ak_new" },
      directory: { id: "scimdir_1", api_key: "scim-token", endpoint_url: "https://x/scim" },
      svix: { svix_url: "https://app.svix.com/login#key=token" },
    });
    expect(JSON.stringify(out)).not.toMatch(/ak_machine|ak_new|scim-token|key=token/);
    expect(out).toMatchObject({ directory: { endpoint_url: "https://x/scim" } });
  });
});

describe("redaction of Platform API keys", () => {
  it("masks ak_ keys in strings, bodies and headers like secret keys", () => {
    expect(redactString("Bearer ak_2xYZabc_def-9 then sk_test_1")).toBe(
      "Bearer ak_[REDACTED] then sk_test_[REDACTED]",
    );
    expect(redactBody({ note: "key ak_live0123" })).toEqual({ note: "key ak_[REDACTED]" });
    expect(redactHeaders({ "x-debug": "ak_abc" })["x-debug"]).toBe("ak_[REDACTED]");
    // A word that merely contains "ak_" is not a key.
    expect(redactString("break_glass")).toBe("break_glass");
  });
});
