import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_ROLE_ID, MEMBER_ROLE_ID } from "../../../emulator";
import { provider } from "../../../provider/runtime";
import { useRuntimeEmulator } from "../../support/runtime-emulator";

const KEY = "sk_test_scim_integration";
const emu = useRuntimeEmulator(KEY);
let connection = "";

beforeAll(async () => {
  const res = await fetch(`${emu.url}/enterprise_connections`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Okta", provider: "saml_okta", domains: ["scim.example.com"] }),
  });
  connection = ((await res.json()) as { id: string }).id;
});
beforeEach(() => emu.clearRequests());

const scimCalls = (method: string, suffix = "") =>
  emu
    .requests()
    .filter((r) => r.method === method && r.path.startsWith("/scim_directories") && r.path.endsWith(suffix));

describe("ScimDirectory", () => {
  const p = provider("ScimDirectory");
  const declared = () => ({
    enterpriseConnectionId: connection,
    provider: "okta",
    name: "Okta users",
    groupRoleMappingEnabled: true,
    groupRoleMappings: [
      { scimGroupId: "admins", roleId: ADMIN_ROLE_ID },
      { scimGroupId: "staff", roleId: MEMBER_ROLE_ID },
    ],
    attributeMapping: { user_name: 'emails[type eq "work"].value' },
  });

  it("creates with its API key and mappings in order, reads both back, updates, deletes", async () => {
    const { id, outs } = await p.create(declared());
    const stored = emu.store.scimDirectories.get(id);
    expect(outs).toMatchObject({
      name: "Okta users",
      groupRoleMappingEnabled: true,
      groupRoleMappings: declared().groupRoleMappings,
      apiKey: stored?.api_key,
      endpointUrl: expect.stringContaining(id),
    });
    expect(stored?.group_role_mappings.map((m) => m.scim_group_id)).toEqual(["admins", "staff"]);
    expect(scimCalls("PUT", "/group_role_mappings")).toHaveLength(1);

    // Refresh: the same outputs (the key kept from state), the declared inputs only (Clerk's other
    // attribute-mapping keys do not count).
    const read = await p.read(id, outs ?? {});
    expect(read.props).toEqual(outs);
    expect(read.inputs).toEqual(declared());
    emu.clearRequests();
    expect((await p.diff(id, read.props ?? {}, declared())).changes).toBe(false);
    // Precedence is the order: swapping two mappings is a change.
    const swapped = { ...declared(), groupRoleMappings: [...declared().groupRoleMappings].reverse() };
    expect(await p.diff(id, read.props ?? {}, swapped)).toMatchObject({ changes: true, replaces: [] });
    expect(
      await p.diff(id, read.props ?? {}, { ...declared(), enterpriseConnectionId: "entc_other" }),
    ).toMatchObject({
      replaces: ["enterpriseConnectionId"],
    });
    expect(emu.requests()).toEqual([]);

    const updated = await p.update(id, read.props ?? {}, { ...swapped, enabled: false });
    expect(scimCalls("PATCH").map((r) => r.requestBody)).toEqual([{ enabled: false }]);
    expect(scimCalls("PUT", "/group_role_mappings").map((r) => r.requestBody)).toEqual([
      {
        mappings: [
          { scim_group_id: "staff", role_id: MEMBER_ROLE_ID },
          { scim_group_id: "admins", role_id: ADMIN_ROLE_ID },
        ],
      },
    ]);
    expect(updated.outs).toMatchObject({ enabled: false, apiKey: stored?.api_key });
    expect(emu.store.scimDirectories.get(id)?.group_role_mappings.map((m) => m.scim_group_id)).toEqual([
      "staff",
      "admins",
    ]);

    await p.delete(id, updated.outs ?? {});
    expect(emu.store.scimDirectories.get(id)).toBeUndefined();
    expect(await p.read(id, updated.outs ?? {})).toEqual({});
  });

  it("sees mappings and settings changed outside Pulumi", async () => {
    const { id, outs } = await p.create(declared());
    const dir = emu.store.scimDirectories.get(id);
    emu.store.scimDirectories.update(id, {
      enabled: false,
      group_role_mappings: (dir?.group_role_mappings ?? []).slice(1),
    });
    const drifted = await p.read(id, outs ?? {});
    expect(drifted.props).toMatchObject({
      enabled: false,
      groupRoleMappings: [{ scimGroupId: "staff", roleId: MEMBER_ROLE_ID }],
    });
    expect((await p.diff(id, drifted.props ?? {}, declared())).changes).toBe(true);
  });

  it("rotates the API key when rotateApiKey changes; adoption has none until then", async () => {
    const { id, outs } = await p.create({ enterpriseConnectionId: connection, provider: "okta" });
    const adopted = await p.create({ enterpriseConnectionId: connection, provider: "okta", importId: id });
    expect(adopted.outs?.apiKey).toBeUndefined();
    emu.clearRequests();
    const rotated = await p.update(id, outs ?? {}, {
      enterpriseConnectionId: connection,
      provider: "okta",
      rotateApiKey: 1,
    });
    expect(scimCalls("POST", "/rotate_api_key")).toHaveLength(1);
    expect(rotated.outs?.apiKey).not.toBe(outs?.apiKey);
    expect(rotated.outs?.apiKey).toBe(emu.store.scimDirectories.get(id)?.api_key);
  });

  it("a create whose follow-up fails leaves no directory behind", async () => {
    const before = emu.store.scimDirectories.size;
    const failure = await p
      .create({ ...declared(), groupRoleMappings: [{ scimGroupId: "x", roleId: "role_missing" }] })
      .catch((e: unknown) => e);
    expect(String(failure)).toMatch(
      /create ScimDirectory failed: .*422 .*role_missing is not an organization role/,
    );
    expect(emu.store.scimDirectories.size).toBe(before);
  });

  it("check names each bad field before any request", async () => {
    const r = await p.check({}, { provider: "", apiKey: "secret-value-123" });
    const by = Object.fromEntries((r.failures ?? []).map((f) => [f.property, f.reason]));
    expect(Object.keys(by).sort()).toEqual(["apiKey", "enterpriseConnectionId", "provider"]);
    expect(JSON.stringify(r.failures)).not.toContain("secret-value-123");
    // Mappings: each group once, and only where group-to-role mapping is on (Clerk refuses them otherwise).
    const m = await p.check(
      {},
      {
        enterpriseConnectionId: connection,
        provider: "okta",
        groupRoleMappings: [
          { scimGroupId: "a", roleId: "r" },
          { scimGroupId: "a", roleId: "r2" },
        ],
      },
    );
    expect(Object.fromEntries((m.failures ?? []).map((f) => [f.property, f.reason]))).toEqual({
      groupRoleMappingEnabled:
        "ScimDirectory.groupRoleMappingEnabled: must be true when groupRoleMappings are declared",
      "groupRoleMappings[1].scimGroupId":
        "ScimDirectory.groupRoleMappings[1].scimGroupId: maps a group that an earlier mapping maps already",
    });
    expect(emu.requests()).toEqual([]);
  });
});
