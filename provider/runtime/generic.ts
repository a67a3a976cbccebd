import type * as dynamic from "@pulumi/pulumi/dynamic";
import { validateInputs } from "./check";
import type { AnyDefinition, OperationContext } from "./definition";
import { changedInputs, decideDiff } from "./diff";
import { describeFailure, isGone } from "./failures";
import { isUnknown } from "./unknowns";

type Props = Record<string, unknown>;

/** The six dynamic-provider methods for one resource type (DESIGN.md, "One definition per resource"). */
export interface Handlers {
  check(olds: Props, news: Props): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Props, news: Props): Promise<dynamic.DiffResult>;
  create(inputs: Props): Promise<dynamic.CreateResult>;
  read(id: string, props: Props): Promise<dynamic.ReadResult>;
  update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Props): Promise<void>;
}

export function makeHandlers(def: AnyDefinition, context: () => OperationContext): Handlers {
  const type = def.type;

  /** The user's inputs in `props`, without framework keys. */
  const desiredOf = (props: Props): Props => {
    const { __provider: _p, importId: _i, ...rest } = props;
    return rest;
  };

  /** Outputs = the input view of the live object, over what the user declared (which keeps write-only
   *  and create-only inputs Clerk never returns), plus computed fields. */
  const outputsOf = (api: unknown, declared: Props, importId: unknown): Props => {
    const outs: Props = { ...declared, ...def.toInputs(api), ...def.toComputed(api) };
    for (const key of [...(def.writeOnly ?? []), ...(def.createOnly ?? [])]) {
      if (declared[key] !== undefined) outs[key] = declared[key];
      else delete outs[key];
    }
    if (typeof importId === "string") outs.importId = importId;
    return stripUndefined(outs);
  };

  const run = async <T>(verb: string, id: string | undefined, op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw describeFailure(e, verb, type, id);
    }
  };

  return {
    async check(_olds, news) {
      const failures: dynamic.CheckFailure[] = [];
      const importId = news.importId;
      if (
        importId !== undefined &&
        !isUnknown(importId) &&
        (typeof importId !== "string" || importId.trim() === "")
      ) {
        failures.push({ property: "importId", reason: `${type}.importId: must be a non-empty Clerk id` });
      }
      const desired = desiredOf(news);
      const outcome = validateInputs(def.inputs, desired, type);
      if (outcome.ok === false) failures.push(...outcome.failures);
      if (failures.length > 0) return { failures };
      const inputs: Props = outcome.ok === true ? { ...(outcome.value as Props) } : desired;
      if (importId !== undefined) inputs.importId = importId;
      return { inputs: stripUndefined(inputs) };
    },

    async diff(_id, olds, news) {
      const decision = decideDiff(def, olds, desiredOf(news));
      return {
        changes: decision.changes,
        replaces: decision.replaces,
        deleteBeforeReplace: decision.deleteBeforeReplace,
      };
    },

    async create(inputs) {
      const desired = desiredOf(inputs);
      const importId = inputs.importId;
      const api = await run(
        typeof importId === "string" ? "adopt" : "create",
        importId as string | undefined,
        () =>
          typeof importId === "string"
            ? adopt(def, context(), importId, desired)
            : def.create(context(), desired),
      );
      return { id: def.id(api), outs: outputsOf(api, desired, importId) };
    },

    async read(id, props) {
      const live = await run("read", id, () => def.read(context(), id));
      // Gone: no id, so refresh drops it from state (DESIGN.md rule 3).
      if (live === undefined) return {};
      const declared = desiredOf(props);
      const outs = outputsOf(live, declared, props.importId);
      const computed = new Set(Object.keys(def.toComputed(live)));
      const inputs = Object.fromEntries(Object.entries(outs).filter(([k]) => !computed.has(k)));
      return { id: def.id(live), props: outs, inputs };
    },

    async update(id, olds, news) {
      const desired = desiredOf(news);
      const update = def.update;
      if (!update) throw new Error(`${type} ${id}: Clerk cannot update this resource in place`);
      const api = await run("update", id, () => update(context(), id, desired, desiredOf(olds)));
      return { outs: outputsOf(api, desired, news.importId ?? olds.importId) };
    },

    async delete(id, props) {
      await run("delete", id, async () => {
        try {
          await def.delete(context(), id, desiredOf(props));
        } catch (e) {
          // Already deleted behind our back: the goal is reached.
          if (!isGone(e)) throw e;
        }
      });
    },
  };
}

/**
 * Adoption of an existing object (`importId`), since Pulumi's own import does not work for dynamic
 * resources (DESIGN.md rule 5): read it, refuse differences that would need a replacement, apply the
 * rest in place.
 */
async function adopt(
  def: AnyDefinition,
  ctx: OperationContext,
  importId: string,
  desired: Props,
): Promise<unknown> {
  const live = await def.read(ctx, importId);
  if (live === undefined) {
    throw new Error(`no ${def.type} with id "${importId}" exists in this Clerk instance (importId)`);
  }
  const current = def.toInputs(live) as Props;
  const changed = changedInputs(def, current, desired);
  const blocking = def.update ? changed.filter((k) => def.replaceOnChange.includes(k)) : changed;
  if (blocking.length > 0) {
    throw new Error(
      `cannot adopt ${def.type} "${importId}": ${blocking.join(", ")} differ(s) from the live object and cannot be ` +
        "changed in place; declare the live value, or remove importId to create a new object",
    );
  }
  if (changed.length === 0 || !def.update) return live;
  return def.update(ctx, importId, desired, current);
}

function stripUndefined(o: Props): Props {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
