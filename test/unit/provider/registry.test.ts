import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { resourceDefinitions } from "../../../provider/definitions";
import { typeToken } from "../../../provider/dynamic-provider";
import * as pkg from "../../../provider/index";
import { ClerkResource } from "../../../provider/resource-base";
import { definitions } from "../../../provider/runtime/registry";

// The program side (provider/index.ts, the classes) and the provider side (provider/definitions/index.ts)
// are listed separately so that a program never loads the definitions: a resource added to one list
// only must fail here, by name.
const classes = Object.entries(pkg).filter(
  ([, value]) => typeof value === "function" && value.prototype instanceof ClerkResource,
) as [string, new (name: string, args: object) => ClerkResource][];

/** The type token each class registers with, as the engine would receive it. */
const registered = new Map<string, string>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "project",
    "stack",
    true,
  );
  for (const [name, Class] of classes) {
    const resource = new Class(`guard-${name}`, {});
    registered.set(name, await new Promise<string>((done) => resource.urn.apply(done)));
  }
});

describe("the resource classes and the definitions", () => {
  it("name the same types: every exported class has a definition, every definition a class", () => {
    expect(classes.length).toBeGreaterThan(0);
    const withoutDefinition = classes.map(([name]) => name).filter((name) => !definitions.has(name));
    const withoutClass = [...definitions.keys()].filter((type) => !classes.some(([name]) => name === type));
    expect({ withoutDefinition, withoutClass }).toEqual({ withoutDefinition: [], withoutClass: [] });
  });

  it("list each type once", () => {
    const types = resourceDefinitions.map((d) => d.type);
    expect(types.filter((t, i) => types.indexOf(t) !== i)).toEqual([]);
  });

  it("agree on each type token: a class registers with its definition's type", () => {
    for (const [name] of classes) {
      const def = definitions.get(name);
      expect(registered.get(name), name).toContain(`::${typeToken(def?.type ?? "?")}::`);
    }
  });
});
