import { describe, expect, it } from "vitest";
import { api, useEmulator } from "../../support/emulator";

const emulator = useEmulator();

describe("allowlist identifiers", () => {
  it("creates, lists as a plain array, and deletes", async () => {
    const emu = emulator();
    const created = await api(emu, "POST", "/allowlist_identifiers", { identifier: "Alice@Example.COM" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      object: "allowlist_identifier",
      identifier: "alice@example.com",
      identifier_type: "email_address",
    });
    expect(created.body.id).toMatch(/^alid_\w{27}$/);
    expect(created.body.instance_id).toMatch(/^ins_/);
    expect(created.body.created_at).toBeGreaterThan(1_600_000_000_000);
    expect(created.body).not.toHaveProperty("invitation_id");

    const list = await api(emu, "GET", "/allowlist_identifiers");
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.map((x: { id: string }) => x.id)).toContain(created.body.id);

    const del = await api(emu, "DELETE", `/allowlist_identifiers/${created.body.id}`);
    expect(del.body).toEqual({ object: "allowlist_identifier", id: created.body.id, deleted: true });
    const again = await api(emu, "DELETE", `/allowlist_identifiers/${created.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.errors[0].code).toBe("resource_not_found");
  });

  it("classifies phone numbers and wallets, and sends an invitation only when notify is true", async () => {
    const emu = emulator();
    const formatted = await api(emu, "POST", "/allowlist_identifiers", { identifier: "+1 (415) 555-0100" });
    expect(formatted.status).toBe(422);
    expect(formatted.body.errors[0]).toMatchObject({ meta: { param_name: "identifier" } });
    const phone = await api(emu, "POST", "/allowlist_identifiers", {
      identifier: "+14155550100",
      notify: true,
    });
    expect(phone.body).toMatchObject({ identifier: "+14155550100", identifier_type: "phone_number" });
    expect(phone.body.invitation_id).toMatch(/^inv_/);
    const wallet = await api(emu, "POST", "/allowlist_identifiers", {
      identifier: `0x${"AB".repeat(20)}`,
    });
    expect(wallet.body).toMatchObject({ identifier: `0x${"ab".repeat(20)}`, identifier_type: "web3_wallet" });
  });

  it("rejects the same identifier twice (after normalisation) with 422 form_identifier_exists", async () => {
    const emu = emulator();
    await api(emu, "POST", "/allowlist_identifiers", { identifier: "dup@example.com" });
    const dup = await api(emu, "POST", "/allowlist_identifiers", { identifier: "DUP@example.com" });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]).toMatchObject({
      code: "form_identifier_exists",
      meta: { param_name: "identifier" },
    });
  });

  it("pages with paginated=true&limit&offset ({data,total_count}) and ignores limit otherwise", async () => {
    const emu = emulator();
    for (let i = 0; i < 5; i++)
      await api(emu, "POST", "/allowlist_identifiers", { identifier: `page${i}@example.com` });
    const all = await api(emu, "GET", "/allowlist_identifiers?limit=2");
    expect(all.body.length).toBe(emu.store.allowlistIdentifiers.size);
    const page = await api(emu, "GET", "/allowlist_identifiers?paginated=true&limit=2&offset=1");
    expect(page.body.total_count).toBe(emu.store.allowlistIdentifiers.size);
    expect(page.body.data.map((x: { id: string }) => x.id)).toEqual(
      all.body.slice(1, 3).map((x: { id: string }) => x.id),
    );
    const bad = await api(emu, "GET", "/allowlist_identifiers?paginated=true&limit=501");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].meta).toEqual({ param_name: "limit" });
  });

  it("names missing, unknown and malformed fields in 422s", async () => {
    const emu = emulator();
    const missing = await api(emu, "POST", "/allowlist_identifiers", {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({
      code: "form_param_missing",
      meta: { param_name: "identifier" },
    });
    const unknown = await api(emu, "POST", "/allowlist_identifiers", {
      identifier: "x@example.com",
      extra: 1,
    });
    expect(unknown.body.errors.map((e: { code: string }) => e.code)).toEqual(["form_param_unknown"]);
    expect(unknown.body.errors[0].meta.param_name).toBe("extra");
    const wrongType = await api(emu, "POST", "/allowlist_identifiers", { identifier: 42 });
    expect(wrongType.body.errors[0]).toMatchObject({
      code: "form_param_format_invalid",
      meta: { param_name: "identifier" },
    });
    const notAnIdentifier = await api(emu, "POST", "/allowlist_identifiers", { identifier: "not an email" });
    expect(notAnIdentifier.status).toBe(422);
    expect(typeof notAnIdentifier.body.clerk_trace_id).toBe("string");
  });
});

describe("blocklist identifiers", () => {
  it("creates, lists as {data,total_count}, deletes", async () => {
    const emu = emulator();
    const created = await api(emu, "POST", "/blocklist_identifiers", { identifier: "Spam@Example.com" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: "blocklist_identifier", identifier: "spam@example.com" });
    expect(created.body.id).toMatch(/^blid_/);
    const list = await api(emu, "GET", "/blocklist_identifiers");
    expect(list.body.total_count).toBe(list.body.data.length);
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(created.body.id);
    const dup = await api(emu, "POST", "/blocklist_identifiers", { identifier: "spam@example.com" });
    expect(dup.status).toBe(422);
    const notify = await api(emu, "POST", "/blocklist_identifiers", { identifier: "a@b.co", notify: true });
    expect(notify.body.errors[0]).toMatchObject({
      code: "form_param_unknown",
      meta: { param_name: "notify" },
    });
    expect((await api(emu, "DELETE", `/blocklist_identifiers/${created.body.id}`)).body.deleted).toBe(true);
    expect(
      (await api(emu, "GET", "/blocklist_identifiers")).body.data.map((x: { id: string }) => x.id),
    ).not.toContain(created.body.id);
  });
});
