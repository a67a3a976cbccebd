import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { providerModule, typeToken } from "../../../provider/dynamic-provider";
import { definitions } from "../../../provider/runtime/registry";

describe("the __provider module stored in state", () => {
  it("is small, captures nothing and names no file path", () => {
    for (const type of definitions.keys()) {
      const text = providerModule(type);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
      expect(text).not.toMatch(/\/work\/|[A-Z]:\\|sk_(test|live)/);
      expect(text).toContain(`require("pulumi-clerk/runtime")`);
    }
  });

  it("is what Pulumi's host can evaluate: handler() yields every provider method", () => {
    // The host evaluates it with require-from-string, resolving packages from its working directory.
    const requireFromString = createRequire(require.resolve("@pulumi/pulumi"))("require-from-string");
    const handler = requireFromString(providerModule("JwtTemplate")).handler();
    for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
      expect(typeof handler[method], method).toBe("function");
    }
  });

  it("refuses a type name that could inject code", () => {
    expect(() => providerModule('x");process.exit(1);("')).toThrow(/invalid resource type name/);
  });

  it("uses readable type tokens served by the dynamic-provider host", () => {
    expect(typeToken("JwtTemplate")).toBe("pulumi-nodejs:dynamic/clerk:JwtTemplate");
  });
});
