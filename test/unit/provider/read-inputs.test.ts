import { describe, expect, it } from "vitest";
import { jwtTemplateDefinition } from "../../../provider/definitions/jwt-template";
import { oauthApplicationDefinition } from "../../../provider/definitions/oauth-application";
import type { OperationContext } from "../../../provider/runtime/definition";
import { DECLARED_KEY, makeHandlers } from "../../../provider/runtime/generic";
import { ListCache } from "../../../provider/runtime/list-cache";
import { oauthApplicationWithSecret } from "../../support/clerk-objects";

// After `pulumi refresh` the engine stores read's `inputs` as the resource's inputs, and the next
// preview shows every key that differs from the program's. So read's inputs must hold the keys the
// program declared and nothing else, or Clerk's defaults show up as changes nobody made.

const template = (over: Record<string, unknown> = {}) => ({
  object: "jwt_template",
  id: "jtmp_1",
  name: "supabase",
  claims: { role: "authenticated" },
  lifetime: 60,
  allowed_clock_skew: 5,
  custom_signing_key: false,
  signing_algorithm: "RS256",
  created_at: 1,
  updated_at: 2,
  ...over,
});

function contextWith(client: Record<string, Record<string, (...a: unknown[]) => unknown>>) {
  return (): OperationContext =>
    ({ client, lists: new ListCache(), type: "test" }) as unknown as OperationContext;
}

describe("read returns only the inputs the program declared", () => {
  it("leaves out Clerk's defaults (clock skew, algorithm) and reports the real change", async () => {
    let live = template();
    const p = makeHandlers(
      jwtTemplateDefinition,
      contextWith({
        jwtTemplates: {
          create: async () => live,
          get: async () => live,
          list: async () => [live],
        },
      }),
    );
    const declared = { name: "supabase", claims: { role: "authenticated" }, lifetime: 60 };
    const created = await p.create(declared);
    // Outputs still show Clerk's values for what was not declared.
    expect(created.outs).toMatchObject({ allowedClockSkew: 5, signingAlgorithm: "RS256" });

    live = template({ lifetime: 3600 }); // edited in the dashboard
    const read = await p.read(created.id, created.outs);
    expect(read.inputs).toEqual({ name: "supabase", claims: { role: "authenticated" }, lifetime: 3600 });
    expect(read.props).toMatchObject({ lifetime: 3600, allowedClockSkew: 5, signingAlgorithm: "RS256" });

    // A second refresh still knows what was declared.
    const again = await p.read(created.id, read.props ?? {});
    expect(Object.keys(again.inputs ?? {}).sort()).toEqual(["claims", "lifetime", "name"]);
  });

  it("keeps the whole input view for state recorded before declared keys were tracked", async () => {
    const p = makeHandlers(
      jwtTemplateDefinition,
      contextWith({ jwtTemplates: { get: async () => template(), list: async () => [template()] } }),
    );
    const legacy = { name: "supabase", claims: {}, lifetime: 60, allowedClockSkew: 5, __provider: "p" };
    const read = await p.read("jtmp_1", legacy);
    expect(read.inputs).toMatchObject({ allowedClockSkew: 5, signingAlgorithm: "RS256" });
    expect(read.props?.[DECLARED_KEY]).toBeDefined();
  });

  it("keeps a declared value that Clerk only reordered, in outputs and inputs", async () => {
    const live = { ...oauthApplicationWithSecret(), scopes: "email offline_access profile" };
    const p = makeHandlers(
      oauthApplicationDefinition,
      contextWith({
        oauthApplications: { create: async () => live, get: async () => live, list: async () => [live] },
      }),
    );
    const created = await p.create({ name: "app", scopes: ["profile", "email"] });
    expect(created.outs?.scopes).toEqual(["profile", "email"]);
    const read = await p.read(created.id, created.outs);
    expect(read.inputs).toEqual({ name: "app", scopes: ["profile", "email"] });
    expect(read.props).toEqual(created.outs);
  });
});
