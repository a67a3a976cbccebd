import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import type { TestStack } from "./harness";
import { closeClerkStack, createClerkStack } from "./harness/clerk-stack";

// Issue 24, item 5 under the real engine: the first preview of an adoption (a resource with importId, a
// settings singleton) says which live values the first `up` changes, where `pulumi preview` alone shows
// only "create"; once the stack holds the resources, a preview is quiet and sends no request.
const KEY = "sk_test_e2e_adoption_preview_0123456789";

let emu: Emulator;
let stack: TestStack;
let templateId: string;

beforeAll(async () => {
  ({ emu, stack } = await createClerkStack({ name: "adoption-preview", secretKey: KEY, params: {} }));
  const res = await fetch(`${emu.url}/jwt_templates`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "hasura", claims: { role: "user" }, lifetime: 60 }),
  });
  expect(res.status).toBe(200);
  templateId = ((await res.json()) as { id: string }).id;
  stack.params = {
    resources: [
      {
        type: "JwtTemplate",
        name: "hasura",
        args: { importId: templateId, name: "hasura", claims: { role: "admin" }, lifetime: 60 },
      },
      { type: "InstanceRestrictions", name: "restrictions", args: { allowlist: true, blocklist: false } },
    ],
  };
});
afterAll(() => closeClerkStack(stack, emu));

const warnings = (d: { severity: string; message: string }[]) =>
  d.filter((x) => x.severity === "warning").map((x) => x.message);

describe("the first preview of an adoption", () => {
  it("warns with each field the first up changes, live and declared, and changes nothing", async () => {
    const before = emu.store.snapshot();
    const preview = await stack.preview();
    expect(preview.summary.create).toBe(3);
    const shown = warnings(preview.diagnostics);
    const template = shown.find((m) => m.includes(`JwtTemplate importId "${templateId}"`));
    expect(template, shown.join("\n")).toBeDefined();
    expect(template).toContain('claims: live {"role":"user"} → declared {"role":"admin"}');
    // Declared as it is live: not a change.
    expect(template).not.toContain("lifetime");
    const restrictions = shown.find((m) => m.startsWith("InstanceRestrictions"));
    expect(restrictions, shown.join("\n")).toBeDefined();
    expect(restrictions).toContain("allowlist: live false → declared true");
    expect(restrictions).not.toContain("blocklist");
    // Reads only: one per adopted resource.
    expect(emu.store.snapshot()).toEqual(before);
  });

  it("is quiet, without a request, once the stack holds them", async () => {
    await stack.up();
    emu.clearRequests();
    const preview = await stack.preview();
    expect(preview.summary).toMatchObject({ create: 0, update: 0, delete: 0, replace: 0 });
    expect(warnings(preview.diagnostics)).toEqual([]);
    expect(emu.requests()).toEqual([]);
  });
});
