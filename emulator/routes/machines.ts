import { z } from "zod";
import { identifierExists, notFound, paramValueInvalid } from "../errors";
import { ID_PREFIX, newId, randomString } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import type { MachineRecord } from "../types";
import { parseBody } from "../validate";
import { mustFind, ok, orderBy, pagedList } from "./common";

// Neither create nor PATCH has `additionalProperties: false` in the spec: unknown fields are ignored.
const name = z.string().min(1).max(255);
const ttl = z.number().int().min(1).max(315_360_000);
const CreateBody = z.object({
  name,
  scoped_machines: z.array(z.string()).max(150).nullable().optional(),
  default_token_ttl: ttl.nullable().optional(),
});
const UpdateBody = z.object({ name: name.optional(), default_token_ttl: ttl.optional() });
const RotateBody = z.object({ previous_token_ttl: z.number().int().min(0).max(28_800) });
const ScopeBody = z.object({ to_machine_id: z.string().min(1) });

/** Machine secret keys share the `ak_` prefix of Clerk's API keys. */
const newSecretKey = () => `ak_${randomString(32, "0123456789abcdef")}`;
const MAX_SCOPES = 150;

const summary = (store: Store, r: MachineRecord) => ({
  object: "machine",
  id: r.id,
  name: r.name,
  instance_id: store.instanceId,
  created_at: r.created_at,
  updated_at: r.updated_at,
  default_token_ttl: r.default_token_ttl,
});

/** Scopes render as the machines they name; one deleted since is left out. */
const render = (store: Store) => (r: MachineRecord) => ({
  ...summary(store, r),
  scoped_machines: r.scoped_machines.flatMap((id) => {
    const m = store.machines.get(id);
    return m ? [summary(store, m)] : [];
  }),
});

const find = (store: Store, id: string) => mustFind(store.machines.get(id), "machine");

function checkScopes(store: Store, ids: string[]): string[] {
  ids.forEach((id, i) => {
    if (!store.machines.has(id))
      throw paramValueInvalid(`scoped_machines[${i}]`, `${id} is not a machine of this instance.`);
  });
  return [...new Set(ids)];
}

export const machineRoutes: Route[] = [
  {
    method: "GET",
    path: "/machines",
    handler: ({ store, query }) => {
      const q = query.get("query")?.toLowerCase();
      // Newest first by default, as the spec's `-created_at` says.
      const sort = orderBy<MachineRecord>(query, { created_at: (r) => r.created_at, name: (r) => r.name });
      const items = store.machines
        .list()
        .filter((r) => !q || r.id.toLowerCase() === q || r.name.toLowerCase().includes(q));
      return pagedList(sort(items), query, render(store));
    },
  },
  {
    method: "POST",
    path: "/machines",
    handler: ({ store, body }) => {
      const input = parseBody(CreateBody, body);
      const now = Date.now();
      const rec = store.machines.insert({
        id: newId(ID_PREFIX.machine),
        name: input.name,
        default_token_ttl: input.default_token_ttl ?? 3600,
        scoped_machines: checkScopes(store, input.scoped_machines ?? []),
        secret_key: newSecretKey(),
        created_at: now,
        updated_at: now,
      });
      return ok({ ...render(store)(rec), secret_key: rec.secret_key });
    },
  },
  {
    method: "GET",
    path: "/machines/{machine_id}",
    handler: ({ store, params }) => ok(render(store)(find(store, params.machine_id as string))),
  },
  {
    method: "PATCH",
    path: "/machines/{machine_id}",
    handler: ({ store, params, body }) => {
      const id = params.machine_id as string;
      find(store, id);
      const input = parseBody(UpdateBody, body);
      const rec = store.machines.update(id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.default_token_ttl !== undefined ? { default_token_ttl: input.default_token_ttl } : {}),
        updated_at: Date.now(),
      }) as MachineRecord;
      return ok(render(store)(rec));
    },
  },
  {
    method: "DELETE",
    path: "/machines/{machine_id}",
    handler: ({ store, params }) => {
      const id = params.machine_id as string;
      find(store, id);
      return store.batch(() => {
        store.machines.delete(id);
        // Other machines lose their scope to it.
        for (const m of store.machines.list()) {
          if (m.scoped_machines.includes(id))
            store.machines.update(m.id, { scoped_machines: m.scoped_machines.filter((s) => s !== id) });
        }
        return ok({ object: "machine", id, deleted: true });
      });
    },
  },
  {
    method: "GET",
    path: "/machines/{machine_id}/secret_key",
    handler: ({ store, params }) =>
      ok({ object: "machine_secret_key", secret: find(store, params.machine_id as string).secret_key }),
  },
  {
    method: "POST",
    path: "/machines/{machine_id}/secret_key/rotate",
    handler: ({ store, params, body }) => {
      const id = params.machine_id as string;
      find(store, id);
      parseBody(RotateBody, body);
      // The previous key's grace period is not modelled: only the new key is readable afterwards.
      const rec = store.machines.update(id, { secret_key: newSecretKey() }) as MachineRecord;
      return ok({ object: "machine_secret_key", secret: rec.secret_key });
    },
  },
  {
    method: "POST",
    path: "/machines/{machine_id}/scopes",
    handler: ({ store, params, body }) => {
      const id = params.machine_id as string;
      const from = find(store, id);
      const { to_machine_id: to } = parseBody(ScopeBody, body);
      if (!store.machines.has(to)) throw notFound("machine");
      if (from.scoped_machines.includes(to)) throw identifierExists("to_machine_id", 409);
      if (from.scoped_machines.length >= MAX_SCOPES)
        throw paramValueInvalid("to_machine_id", `A machine can have at most ${MAX_SCOPES} scopes.`);
      const now = Date.now();
      store.machines.update(id, { scoped_machines: [...from.scoped_machines, to], updated_at: now });
      return ok({ object: "machine_scope", from_machine_id: id, to_machine_id: to, created_at: now });
    },
  },
  {
    method: "DELETE",
    path: "/machines/{machine_id}/scopes/{other_machine_id}",
    handler: ({ store, params }) => {
      const id = params.machine_id as string;
      const other = params.other_machine_id as string;
      const from = find(store, id);
      if (!from.scoped_machines.includes(other)) throw notFound("machine scope");
      store.machines.update(id, {
        scoped_machines: from.scoped_machines.filter((s) => s !== other),
        updated_at: Date.now(),
      });
      return ok({ object: "machine_scope", from_machine_id: id, to_machine_id: other, deleted: true });
    },
  },
];
