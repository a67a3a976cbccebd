import type { Requester, RequestOptions } from "../request";
import {
  type CreateMachineBody,
  type DeletedObject,
  DeletedObjectSchema,
  type MachineCreatedObject,
  MachineCreatedSchema,
  MachineListSchema,
  type MachineObject,
  MachineSchema,
  type MachineScopeObject,
  MachineScopeSchema,
  type MachineSecretKeyObject,
  MachineSecretKeySchema,
  type UpdateMachineBody,
} from "../schemas";
import { limitOffset, listAll } from "./list";
import { idPath } from "./path";

const BASE = "/machines";

export function machinesApi(request: Requester) {
  return {
    list: (opts?: RequestOptions): Promise<MachineObject[]> =>
      listAll(request, BASE, MachineListSchema, limitOffset, opts),
    get: (id: string, opts?: RequestOptions): Promise<MachineObject> =>
      request({ method: "GET", path: idPath(BASE, id), schema: MachineSchema }, opts),
    /** The answer carries the machine's secret key. */
    create: (body: CreateMachineBody, opts?: RequestOptions): Promise<MachineCreatedObject> =>
      request({ method: "POST", path: BASE, body, schema: MachineCreatedSchema }, opts),
    /** Name and default token TTL only: scopes have their own endpoints. */
    update: (id: string, body: UpdateMachineBody, opts?: RequestOptions): Promise<MachineObject> =>
      request({ method: "PATCH", path: idPath(BASE, id), body, schema: MachineSchema }, opts),
    delete: (id: string, opts?: RequestOptions): Promise<DeletedObject> =>
      request({ method: "DELETE", path: idPath(BASE, id), schema: DeletedObjectSchema }, opts),
    /** The current secret key (readable at any time, unlike an OAuth client secret). */
    getSecretKey: (id: string, opts?: RequestOptions): Promise<MachineSecretKeyObject> =>
      request({ method: "GET", path: idPath(BASE, id, "/secret_key"), schema: MachineSecretKeySchema }, opts),
    /**
     * A new secret key; the previous one stays valid for `previousTokenTtl` seconds (0: stops at once).
     * Never retried after an ambiguous failure unless `idempotent` is set.
     */
    rotateSecretKey: (
      id: string,
      previousTokenTtl: number,
      opts?: RequestOptions,
    ): Promise<MachineSecretKeyObject> =>
      request(
        {
          method: "POST",
          path: idPath(BASE, id, "/secret_key/rotate"),
          body: { previous_token_ttl: previousTokenTtl },
          schema: MachineSecretKeySchema,
        },
        opts,
      ),
    /** Lets machine `id` call machine `toMachineId`; Clerk answers 409 when it already may. */
    addScope: (id: string, toMachineId: string, opts?: RequestOptions): Promise<MachineScopeObject> =>
      request(
        {
          method: "POST",
          path: idPath(BASE, id, "/scopes"),
          body: { to_machine_id: toMachineId },
          schema: MachineScopeSchema,
        },
        opts,
      ),
    removeScope: (id: string, otherMachineId: string, opts?: RequestOptions): Promise<MachineScopeObject> =>
      request(
        {
          method: "DELETE",
          path: idPath(idPath(BASE, id, "/scopes"), otherMachineId),
          schema: MachineScopeSchema,
        },
        opts,
      ),
  };
}
