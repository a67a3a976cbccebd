import { describe, expect, it } from "vitest";
import { roleSetDefinition } from "../../../provider/definitions/role-set";
import { PermissionSchema, RoleSetSchema } from "../../../sdk/schemas";

// What Clerk's own client (@clerk/backend) reads of these objects is less than the spec promises: a
// permission without `type`, a role set item without member counts, a role set type this package does
// not know yet. Each still reads.

const item = (key: string) => ({
  object: "role_set_item",
  id: `role_${key}`,
  name: key,
  key,
  created_at: 1,
  updated_at: 1,
});

describe("authorization objects as Clerk may send them", () => {
  it("a permission without `type` or description reads", () => {
    const p = PermissionSchema.parse({
      object: "permission",
      id: "perm_1",
      name: "n",
      key: "org:a:b",
      created_at: 1,
      updated_at: 1,
    });
    expect(p.type).toBeUndefined();
  });

  it("a role set with an unknown type and no migration reads, and the unknown type is no declarable input", () => {
    const set = RoleSetSchema.parse({
      object: "role_set",
      id: "rs_1",
      name: "n",
      key: "role_set:n",
      description: null,
      roles: [item("org:admin")],
      default_role: item("org:admin"),
      creator_role: null,
      type: "system",
      created_at: 1,
      updated_at: 1,
    });
    expect(roleSetDefinition.toInputs(set)).toEqual({
      key: "role_set:n",
      name: "n",
      description: undefined,
      roles: ["org:admin"],
      defaultRoleKey: "org:admin",
      creatorRoleKey: undefined,
      type: undefined,
    });
  });
});
