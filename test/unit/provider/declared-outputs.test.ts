import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import * as pkg from "../../../provider/index";
import { ClerkResource } from "../../../provider/resource-base";

// Issue 24, item 3: every output a class declares (`declare readonly x: pulumi.Output<…>`) must exist as
// an Output at run time, also when the program left the matching optional argument out; before, only
// the outputs in the constructor's list and the arguments passed were registered, so
// `identifier.notify.apply(…)` threw a TypeError.
const RESOURCES = join(__dirname, "../../../provider/resources");

/** Class name → the names of its `declare readonly … : pulumi.Output<…>` properties, read from the source. */
function declaredOutputs(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of readdirSync(RESOURCES).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(join(RESOURCES, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names: string[] = [];
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.type) continue;
        const isDeclare = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
        if (isDeclare && member.type.getText(source).startsWith("pulumi.Output<"))
          names.push(member.name.getText(source));
      }
      found.set(node.name.text, names);
    });
  }
  return found;
}

const classes = Object.entries(pkg).filter(
  ([, value]) => typeof value === "function" && value.prototype instanceof ClerkResource,
) as [string, new (name: string, args: object) => ClerkResource][];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "project",
    "stack",
    false, // an update, not a preview: outputs resolve (a preview leaves undefined ones unknown)
  );
});

describe("declared outputs", () => {
  it("the source declares outputs for every exported class", () => {
    const declared = declaredOutputs();
    expect(classes.length).toBeGreaterThan(20);
    for (const [name] of classes) expect(declared.get(name)?.length ?? 0, name).toBeGreaterThan(0);
  });

  it("every declared output of every class is an Output at run time, with no argument passed", async () => {
    const declared = declaredOutputs();
    const missing: string[] = [];
    let checked = 0;
    for (const [name, Class] of classes) {
      // No arguments: every optional one left out, as a program may.
      const resource = new Class(`outputs-${name}`, {}) as unknown as Record<string, unknown>;
      for (const output of ["instance", ...(declared.get(name) ?? [])]) {
        checked++;
        if (!pulumi.Output.isInstance(resource[output])) missing.push(`${name}.${output}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it("an output the program did not declare resolves (to undefined), so `.apply` works", async () => {
    const identifier = new pkg.AllowlistIdentifier("outputs-apply", { identifier: "a@example.com" });
    const notify = await new Promise((done) => identifier.notify.apply(done));
    expect(notify).toBeUndefined();
  });
});
