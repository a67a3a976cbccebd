// Policy packs match resources by the class's static `__pulumiType` (validateResourceOfType). It is
// computed from the class name, so each class must be named after the type it registers.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as clerk from "../../../provider";
import { ClerkResource } from "../../../provider/resource-base";

const dir = join(__dirname, "../../../provider/resources");

describe("__pulumiType of the resource classes", () => {
  it("is the type token each class registers with (class name = type name in every resource file)", () => {
    const registered: Record<string, string> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(dir, file), "utf8");
      const cls = /export class (\w+) extends ClerkResource/.exec(text)?.[1];
      const type = /super\(\s*"(\w+)"/.exec(text)?.[1];
      if (cls === undefined) continue;
      registered[cls] = `pulumi-nodejs:dynamic/clerk:${type}`;
    }
    expect(Object.keys(registered).length).toBeGreaterThanOrEqual(22);
    const exported = Object.entries(clerk).filter(
      ([, v]) => typeof v === "function" && v.prototype instanceof ClerkResource,
    );
    expect(exported.map(([k]) => k).sort()).toEqual(Object.keys(registered).sort());
    for (const [name, cls] of exported) {
      expect((cls as unknown as { __pulumiType: string }).__pulumiType, name).toBe(registered[name]);
    }
  });

  it("reads on the class it is called on", () => {
    expect(clerk.JwtTemplate.__pulumiType).toBe("pulumi-nodejs:dynamic/clerk:JwtTemplate");
    expect(clerk.RedirectUrl.__pulumiType).toBe("pulumi-nodejs:dynamic/clerk:RedirectUrl");
  });
});

describe("with the policy SDK's typed helpers", () => {
  it("validateResourceOfType takes the class's type token (without it, it would match no Clerk resource)", async () => {
    const { validateResourceOfType } = await import("@pulumi/policy");
    const fn = validateResourceOfType(clerk.JwtTemplate, () => {}) as unknown as { __pulumiType?: string };
    expect(fn.__pulumiType).toBe("pulumi-nodejs:dynamic/clerk:JwtTemplate");
  });
});
