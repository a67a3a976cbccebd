/**
 * What Pulumi's dynamic-provider process loads by package name (`require("pulumi-clerk/runtime")`):
 * the provider module in every resource's state only delegates here (see docs/architecture.md, "The
 * serialization boundary").
 */
import type { AnyDefinition, OperationContext } from "./definition";
import { engineWarn, providerLogger } from "./engine-log";
import { type Handlers, type InstanceNames, makeHandlers } from "./generic";
import { ClientPool, Instances } from "./instances";
import { ListCache } from "./list-cache";
import { configurePlatform } from "./platform-client";
import { definitions } from "./registry";
import type { ConfigSource } from "./settings";

const clients = new ClientPool(undefined, providerLogger());
/** One listing cache per instance: a listing of one instance must never answer a read of another. */
const lists = new Map<string, ListCache>();
const handlers = new Map<string, Handlers & { configure: typeof configure }>();

/** Called by the host with the stack's config (secrets decrypted) before any other method. */
export async function configure(req: { config: ConfigSource }): Promise<void> {
  clients.configure(new Instances(req.config, process.env));
  configurePlatform(req.config);
}

/** The dynamic provider of one resource type: configure plus the six methods (see generic.ts). */
export function provider(type: string): Handlers & { configure: typeof configure } {
  let h = handlers.get(type);
  if (!h) {
    const def = definitions.get(type);
    if (!def)
      throw new Error(`pulumi-clerk: unknown resource type "${type}" (is the installed version older?)`);
    // Check is lenient about instance names nobody configured (a preview without secrets), strict otherwise.
    const names: InstanceNames = {
      refusal: (instance) => clients.refusalAtCheck(instance),
      platformRefusal: (instance) => clients.platformRefusal(instance),
      get validateOnPreview() {
        return clients.validateOnPreview;
      },
    };
    h = { ...makeHandlers(def, (instance) => contextFor(def, instance), names, engineWarn), configure };
    handlers.set(type, h);
  }
  return h;
}

function contextFor(def: AnyDefinition, instance: string | undefined): OperationContext {
  const key = instance ?? "";
  let cache = lists.get(key);
  if (!cache) {
    cache = new ListCache();
    lists.set(key, cache);
  }
  // The client is built when an operation first uses it: Platform API resources never need one.
  return {
    get client() {
      return clients.get(instance);
    },
    lists: cache,
    type: def.type,
    document: () => clients.document(instance),
    ...(instance ? { instance } : {}),
  };
}

export { definitions };
