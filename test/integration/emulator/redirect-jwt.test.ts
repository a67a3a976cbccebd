import { describe, expect, it } from "vitest";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("redirect URLs", () => {
  it("round-trips create, get, list (plain array), delete", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/redirect_urls", { url: "https://app.example.com/callback" });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ object: "redirect_url", url: "https://app.example.com/callback" });
    expect(c.body.id).toMatch(/^ru_/);
    expect(Object.keys(c.body).sort()).toEqual(["created_at", "id", "object", "updated_at", "url"]);
    expect((await api(emu, "GET", `/redirect_urls/${c.body.id}`)).body).toEqual(c.body);
    const list = await api(emu, "GET", "/redirect_urls");
    expect(list.body).toContainEqual(c.body);
    expect((await api(emu, "DELETE", `/redirect_urls/${c.body.id}`)).body).toEqual({
      object: "redirect_url",
      id: c.body.id,
      deleted: true,
    });
    const gone = await api(emu, "GET", `/redirect_urls/${c.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].code).toBe("resource_not_found");
  });

  it("accepts custom schemes, rejects non-URLs and duplicates", async () => {
    const emu = emulator();
    expect((await api(emu, "POST", "/redirect_urls", { url: "my-app://oauth-callback" })).status).toBe(200);
    const bad = await api(emu, "POST", "/redirect_urls", { url: "not a url" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "url" },
    });
    const dup = await api(emu, "POST", "/redirect_urls", { url: "my-app://oauth-callback" });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0].code).toBe("form_identifier_exists");
  });
});

describe("JWT templates", () => {
  it("creates with defaults, never echoes signing_key, PATCH needs name + claims", async () => {
    const emu = emulator();
    const c = await api(emu, "POST", "/jwt_templates", {
      name: "supabase",
      claims: { aud: "authenticated", role: "{{user.public_metadata.role}}" },
      custom_signing_key: true,
      signing_algorithm: "HS256",
      signing_key: "super-secret",
    });
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({
      object: "jwt_template",
      name: "supabase",
      lifetime: 60,
      allowed_clock_skew: 5,
      custom_signing_key: true,
      signing_algorithm: "HS256",
    });
    expect(c.body.id).toMatch(/^jtmp_/);
    expect(JSON.stringify(c.body)).not.toContain("super-secret");
    expect(emu.store.jwtTemplates.get(c.body.id)?.signing_key).toBe("super-secret");
    const got = await api(emu, "GET", `/jwt_templates/${c.body.id}`);
    expect(got.body).not.toHaveProperty("signing_key");

    const noClaims = await api(emu, "PATCH", `/jwt_templates/${c.body.id}`, {
      name: "supabase",
      lifetime: 120,
    });
    expect(noClaims.status).toBe(422);
    expect(noClaims.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "claims" },
    });

    const p = await api(emu, "PATCH", `/jwt_templates/${c.body.id}`, {
      name: "supabase-2",
      claims: { a: 1 },
      lifetime: 120,
    });
    expect(p.body).toMatchObject({
      name: "supabase-2",
      claims: { a: 1 },
      lifetime: 120,
      custom_signing_key: true,
    });
    expect(p.body.updated_at).toBeGreaterThanOrEqual(c.body.updated_at);
    expect((await api(emu, "GET", "/jwt_templates")).body.map((t: { id: string }) => t.id)).toContain(
      c.body.id,
    );
    expect((await api(emu, "DELETE", `/jwt_templates/${c.body.id}`)).body.deleted).toBe(true);
  });

  it("rejects duplicate names, out-of-range lifetimes and a custom key without its key", async () => {
    const emu = emulator();
    await api(emu, "POST", "/jwt_templates", { name: "dup", claims: {} });
    const dup = await api(emu, "POST", "/jwt_templates", { name: "dup", claims: {} });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "name" },
    });
    const short = await api(emu, "POST", "/jwt_templates", { name: "short", claims: {}, lifetime: 10 });
    expect(short.body.errors[0].meta.param_name).toBe("lifetime");
    const noKey = await api(emu, "POST", "/jwt_templates", {
      name: "k",
      claims: {},
      custom_signing_key: true,
    });
    expect(noKey.body.errors.map((e: { meta: { param_name: string } }) => e.meta.param_name).sort()).toEqual([
      "signing_algorithm",
      "signing_key",
    ]);
    const claimsArray = await api(emu, "POST", "/jwt_templates", { name: "arr", claims: [1] });
    expect(claimsArray.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "claims" },
    });
  });

  it("refuses a claim Clerk sets itself (create and PATCH), naming each one, as Clerk does", async () => {
    const emu = emulator();
    const refused = await api(emu, "POST", "/jwt_templates", {
      name: "convex",
      claims: { sub: "{{user.id}}", aud: "convex", iss: "me" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        code: "form_param_value_invalid",
        long_message: "You can't use the reserved claim: sub",
        meta: { param_name: "claims" },
      }),
      expect.objectContaining({ long_message: "You can't use the reserved claim: iss" }),
    ]);
    expect(refused.body.clerk_trace_id).toEqual(expect.any(String));
    const convex = () => emu.store.jwtTemplates.list().filter((t) => t.name === "convex");
    expect(convex()).toEqual([]);
    // `aud` is the template's own to set; nested claims are not the token's top-level ones.
    const made = await api(emu, "POST", "/jwt_templates", {
      name: "convex",
      claims: { aud: "convex", app: { sub: "x" } },
    });
    expect(made.status).toBe(200);
    const patched = await api(emu, "PATCH", `/jwt_templates/${made.body.id}`, {
      name: "convex",
      claims: { exp: 1 },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.errors[0].long_message).toBe("You can't use the reserved claim: exp");
    expect(convex().map((t) => t.claims)).toEqual([{ aud: "convex", app: { sub: "x" } }]);
  });

  it("lists as a plain array, and as {data,total_count} pages with paginated=true", async () => {
    const emu = emulator();
    for (let i = 0; i < 3; i++) await api(emu, "POST", "/jwt_templates", { name: `page-${i}`, claims: {} });
    const all = await api(emu, "GET", "/jwt_templates");
    expect(Array.isArray(all.body)).toBe(true);
    const page = await api(emu, "GET", "/jwt_templates?paginated=true&limit=1&offset=1");
    expect(page.body).toEqual({ data: [all.body[1]], total_count: all.body.length });
  });
});
