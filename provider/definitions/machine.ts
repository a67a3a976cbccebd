import { z } from "zod";
import { ClerkApiError, isNotFound } from "../../sdk/errors";
import type { MachineObject, UpdateMachineBody } from "../../sdk/schemas";
import { nonEmptyString } from "../inputs";
import type { MachineArgs } from "../resources/machine";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import { writeOrConfirm } from "../runtime/confirm";
import type { OperationContext, ResourceDefinition } from "../runtime/definition";
import { sameSet } from "../runtime/equality";
import { orUndefined } from "../runtime/not-found";

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<MachineArgs, typeof inputs>>;

/** Clerk's documented machine id shape (`^mch_\w{27}$`); only the prefix is checked, to name a mistake. */
const machineId = z
  .string()
  .regex(/^mch_\w+$/, { message: "must be a machine id (mch_…), e.g. another Machine's id" });

const inputs = z.strictObject({
  name: nonEmptyString(255),
  defaultTokenTtl: z.number().int().min(1).max(315_360_000).optional(),
  scopedMachines: z
    .array(machineId)
    .max(150)
    .optional()
    .refine((v) => v === undefined || new Set(v).size === v.length, {
      message: "must not name a machine twice",
    }),
  rotateSecretKey: z.union([z.number(), z.string()], { message: "must be a number or a string" }).optional(),
  previousKeyTtl: z.number().int().min(0).max(28_800).optional(),
});

/** A machine as the provider sees it: Clerk's object plus its secret key, when known. */
type Api = MachineObject & { secret_key?: string | undefined };

const scopeIds = (api: MachineObject): string[] => api.scoped_machines.map((m) => m.id);

/** The PATCH body of what changed among the fields PATCH takes (scopes have their own endpoints). */
function changedBody(news: Inputs, olds: Partial<Inputs>): UpdateMachineBody {
  const b: UpdateMachineBody = {};
  if (news.name !== olds.name) b.name = news.name;
  if (news.defaultTokenTtl !== undefined && news.defaultTokenTtl !== olds.defaultTokenTtl)
    b.default_token_ttl = news.defaultTokenTtl;
  return b;
}

/**
 * Brings the machine's scopes to the declared set, one POST or DELETE per difference. A scope that is
 * already there (409) or already gone (404) is the goal reached, e.g. after a retried `up`.
 */
async function applyScopes(
  { client }: OperationContext,
  id: string,
  want: readonly string[],
  have: readonly string[],
): Promise<boolean> {
  const add = want.filter((m) => !have.includes(m));
  const remove = have.filter((m) => !want.includes(m));
  for (const to of add) {
    try {
      // A repeat after a lost answer is harmless (409, taken as done below), so the sdk may retry it.
      await client.machines.addScope(id, to, { idempotent: true });
    } catch (e) {
      if (!(e instanceof ClerkApiError && e.status === 409)) throw e;
    }
  }
  for (const other of remove) {
    try {
      await client.machines.removeScope(id, other);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  return add.length + remove.length > 0;
}

async function update(ctx: OperationContext, id: string, news: Inputs, olds: Partial<Inputs>): Promise<Api> {
  const { client } = ctx;
  const patch = changedBody(news, olds);
  let api: MachineObject | undefined =
    Object.keys(patch).length > 0 ? await client.machines.update(id, patch) : undefined;
  if (news.scopedMachines !== undefined) {
    const have = olds.scopedMachines ?? scopeIds(api ?? (await client.machines.get(id)));
    // The answers of the scope endpoints carry no machine: read it again after a change.
    if (await applyScopes(ctx, id, news.scopedMachines, have)) api = undefined;
  }
  api ??= await client.machines.get(id);
  // The secret key in state is still the valid one; there is none on adoption (olds are then the live
  // object's inputs), where the trigger's value is recorded without rotating a key that is readable
  // anyway and that a running service may be using.
  const kept = (olds as { secretKey?: string }).secretKey;
  if (
    kept !== undefined &&
    news.rotateSecretKey !== undefined &&
    news.rotateSecretKey !== olds.rotateSecretKey
  ) {
    // A rotation whose answer was lost shows as a key that differs from the one in state.
    const { secret } = await writeOrConfirm(
      () => client.machines.rotateSecretKey(id, news.previousKeyTtl ?? 0),
      async () => {
        const now = await client.machines.getSecretKey(id);
        return now.secret !== kept ? now : undefined;
      },
    );
    return { ...api, secret_key: secret };
  }
  return { ...api, secret_key: kept ?? (await client.machines.getSecretKey(id)).secret };
}

/** @internal */
export const machineDefinition: ResourceDefinition<Inputs, Api> = {
  type: "Machine",
  inputs,
  replaceOnChange: [],
  writeOnly: ["rotateSecretKey", "previousKeyTtl"],
  equals: { scopedMachines: sameSet },
  id: (api) => api.id,
  toInputs: (api) => ({
    name: api.name,
    defaultTokenTtl: api.default_token_ttl,
    scopedMachines: scopeIds(api),
  }),
  toComputed: (api) => ({
    // Absent (a listed object): state keeps the recorded key.
    ...(api.secret_key ? { secretKey: api.secret_key } : {}),
    instanceId: api.instance_id,
    createdAt: api.created_at,
    updatedAt: api.updated_at,
  }),
  create: ({ client }, news) =>
    client.machines.create({
      name: news.name,
      ...(news.defaultTokenTtl !== undefined ? { default_token_ttl: news.defaultTokenTtl } : {}),
      ...(news.scopedMachines !== undefined ? { scoped_machines: news.scopedMachines } : {}),
    }),
  // No findExisting: machine names are not unique at Clerk and nothing else tells the machine a lost
  // create made from one made by hand with the same name and settings, so a lookup could adopt (and
  // later change or delete) someone else's machine and hand this stack its secret key. A lost create
  // answer is reported as it is instead (docs/resources/machine.md).
  //
  // Read sees the secret key too, so a key rotated outside Pulumi reaches state on refresh; that is the
  // second request per machine (GET .../secret_key), which is why reads do not come from the listing.
  read: async ({ client }, id) => {
    const [api, key] = await Promise.all([
      orUndefined(client.machines.get(id)),
      orUndefined(client.machines.getSecretKey(id)),
    ]);
    return api === undefined ? undefined : { ...api, secret_key: key?.secret };
  },
  update,
  delete: async ({ client }, id) => {
    await client.machines.delete(id);
  },
  export: {
    title: "Machines",
    list: ({ client }) => client.machines.list(),
    key: (api) => api.name,
    // The secret key stays readable at Clerk (an output after adoption); the rotation inputs are triggers.
    unexported: () => [],
    note: (api) =>
      api.scoped_machines.length > 0
        ? `scopedMachines are the ids of: ${api.scoped_machines.map((m) => m.name).join(", ")}`
        : undefined,
  },
};
