import type * as dynamic from "@pulumi/pulumi/dynamic";
import { ClerkApiError, isNotFound } from "../../sdk/errors";
import { adoptionWarning, readSingleton } from "./adoption-preview";
import { validateInputs } from "./check";
import { carrySubFields, declaredPaths, projectDeclared } from "./declared";
import type { AnyDefinition, OperationContext } from "./definition";
import { changedInputs, decideDiff } from "./diff";
import { FieldClaims } from "./door-registry";
import type { Warn } from "./engine-log";
import {
  conflictError,
  describeFailure,
  heldInStackError,
  isDuplicate,
  mayHaveCreated,
  mayHoldStrayError,
} from "./failures";
import { containsUnknown, isUnknown } from "./unknowns";

type Props = Record<string, unknown>;

/**
 * Output that records which inputs the program declared. Pulumi hands `read` the prior outputs only,
 * and read's `inputs` must hold exactly the declared keys: a Clerk default the program never declared
 * (a JWT template's clock skew) would otherwise appear in every preview after a refresh as a change
 * the program makes. Pulumi hides keys starting with `__` from its diffs and from the program.
 */
export const DECLARED_KEY = "__declared";

/**
 * Output that marks an adopted object Clerk no longer has: refresh keeps the resource with this mark
 * instead of dropping it, so that the next `up` replaces it with a fresh object rather than adopting
 * `importId` again (see docs/architecture.md, "Adoption").
 */
export const GONE_KEY = "__gone";

/**
 * Output of a settings singleton that restores on destroy (`restoreOnDelete`): for each field the stack
 * changed, the live value it found before its first change. Hidden from diffs and from the program.
 */
export const FOUND_KEY = "__found";

/** Whether read's outputs say the object is gone (refresh dropped it or marked it gone). */
export function isGone(read: { id?: string; props?: Props }): boolean {
  return !read.id || read.props?.[GONE_KEY] === true;
}

/**
 * The argument every resource takes to name its Clerk instance (see instances.ts). The generic layer
 * handles it, so no definition declares it: state keeps the name only (never a key), and a change of it
 * replaces the resource, since an object cannot move between instances.
 */
export const INSTANCE_KEY = "instance";

/** Which configured instances exist, for check (undefined: names are not checked, e.g. in tests). */
export interface InstanceNames {
  refusal(instance: string): string | undefined;
  /** Why the Platform API cannot be used for `instance` (missing key, application, environment). */
  platformRefusal?(instance?: string): string | undefined;
  /** `clerk:validateOnPreview`: dry-run planned configuration-document changes at preview. */
  readonly validateOnPreview?: boolean;
}

/**
 * A hidden input some resource classes add: their name in the program, so that a check can name both
 * resources of a clash (the dynamic-provider host hands check no URN). Pulumi hides `__` keys.
 */
export const NAME_KEY = "__clerkName";

/** Document fields declared per instance in this process (see door-registry.ts). */
const claims = new FieldClaims();

/** The six dynamic-provider methods for one resource type (see docs/architecture.md, "One definition per resource"). */
export interface Handlers {
  check(olds: Props, news: Props): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Props, news: Props): Promise<dynamic.DiffResult>;
  create(inputs: Props): Promise<dynamic.CreateResult>;
  read(id: string, props: Props): Promise<dynamic.ReadResult>;
  update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Props): Promise<void>;
}

export function makeHandlers(
  def: AnyDefinition,
  context: (instance?: string) => OperationContext,
  instances?: InstanceNames,
  /** Where the preview of an adoption says what it will change; absent: adoptions are not read at check. */
  warn?: Warn,
): Handlers {
  const type = def.type;
  const declarableKeys = schemaKeys(def.inputs);
  /**
   * Ids of this type that the engine handed this process as ids of resources in the stack's state
   * (diff, read, update, delete): objects other resources of the stack hold, which a create whose answer
   * was lost must never adopt as what it made.
   */
  const stackIds = new Set<string>();
  /**
   * Objects whose diff in this process replaced them creating first: their delete comes at the end of
   * the `up`, so a create that needs their unique key deletes them itself (id → recorded inputs).
   */
  const replacing = new Map<string, Props>();
  /**
   * Ids whose diff in this process answered a replacement (or found the adopted object gone): a create
   * carrying one of them as `importId` is that replacement, and makes a fresh object instead of adopting
   * the old one again (see docs/architecture.md, "Adoption").
   */
  const replaced = new Set<string>();
  /** The id a create adopts: its importId, unless the create replaces that very object. */
  const adoptionOf = (inputs: Props): string | undefined =>
    typeof inputs.importId === "string" && !replaced.has(inputs.importId) ? inputs.importId : undefined;

  /** The user's inputs in `props`, without framework keys. */
  const desiredOf = (props: Props): Props => {
    const {
      __provider: _p,
      importId: _i,
      [DECLARED_KEY]: _d,
      [INSTANCE_KEY]: _n,
      [NAME_KEY]: _name,
      [GONE_KEY]: _g,
      [FOUND_KEY]: _f,
      ...rest
    } = props;
    return rest;
  };
  /** The named instance of a resource, from its inputs or recorded outputs; undefined: the default. */
  const instanceOf = (props: Props): string | undefined =>
    typeof props[INSTANCE_KEY] === "string" ? (props[INSTANCE_KEY] as string) : undefined;

  /** Outputs = the input view of the live object, over what the user declared (which keeps write-only
   *  and create-only inputs Clerk never returns), plus computed fields. A declared value that Clerk
   *  only reordered or normalised (per the definition's `equals`) stays as declared, so that state,
   *  refresh and the next preview agree with the program. */
  const outputsOf = (
    api: unknown,
    declared: Props,
    importId: unknown,
    paths: string[],
    instance: string | undefined,
  ): Props => {
    const view = { ...(def.toInputs(api) as Props) };
    for (const key of [...(def.writeOnly ?? []), ...(def.createOnly ?? [])]) {
      if (declared[key] !== undefined) view[key] = declared[key];
      else delete view[key];
    }
    carrySubFields(view, declared, def.writeOnlyFields ?? []);
    for (const [key, eq] of Object.entries(def.equals ?? {})) {
      if (declared[key] !== undefined && typeof eq === "function" && eq(view[key], declared[key]))
        view[key] = declared[key];
    }
    // A resource over a shared document shows only its declared fields (a refresh: only their changes).
    const shown = def.outputsDeclaredOnly
      ? Object.fromEntries(Object.entries(view).filter(([k]) => paths.includes(k)))
      : view;
    const outs: Props = { ...declared, ...shown, ...def.toComputed(api) };
    if (typeof importId === "string") outs.importId = importId;
    if (instance !== undefined) outs[INSTANCE_KEY] = instance;
    outs[DECLARED_KEY] = paths;
    return stripUndefined(outs);
  };
  const pathsOf = (desired: Props) => declaredPaths(desired, def.partialObjects);

  /** Records the document fields the inputs declare; a failure naming both resources when another holds one. */
  const claimFields = (
    inputs: Props,
    news: Props,
    instance: string | undefined,
  ): dynamic.CheckFailure | undefined => {
    if (!def.documentPaths) return undefined;
    const name = typeof news[NAME_KEY] === "string" ? ` "${news[NAME_KEY]}"` : "";
    const me = `${type}${name}`;
    const clashes = claims.claim(instance ?? "", me, def.documentPaths(inputs));
    if (clashes.length === 0) return undefined;
    const byHolder = new Map<string, string[]>();
    for (const c of clashes) byHolder.set(c.holder, [...(byHolder.get(c.holder) ?? []), c.path]);
    const [holder, paths] = [...byHolder][0] as [string, string[]];
    return {
      property: "(inputs)",
      reason:
        `${me} and ${holder} both declare ${paths.join(", ")}${instance === undefined ? "" : ` of instance "${instance}"`}: ` +
        "one program must set each setting through one resource only, or the two overwrite each other on every `up`. " +
        "Remove the field from one of them.",
    };
  };

  /** clerk:validateOnPreview: Clerk's own verdict on a planned change, as a preview failure naming the field. */
  const validatePlanned = async (
    news: Props,
    olds: Props | undefined,
    instance: string | undefined,
  ): Promise<Error | undefined> => {
    if (!def.validate || !instances?.validateOnPreview) return undefined;
    const parsed = def.inputs.safeParse(news);
    if (!parsed.success) return undefined;
    try {
      await def.validate(context(instance), parsed.data as Props, olds);
      return undefined;
    } catch (e) {
      return describeFailure(e, "validate (dry run at preview)", type, undefined, instance, def.platform);
    }
  };

  /**
   * `restoreOnDelete`: the found values so far plus, for each field this write changes for the first
   * time, its value in `current` (the live view before the write). Write-only fields are never known.
   */
  const foundBefore = (found: unknown, current: Props, desired: Props): Props | undefined => {
    if (!def.restoreOnDelete) return undefined;
    const kept: Props = found !== null && typeof found === "object" ? { ...(found as Props) } : {};
    const writeOnly = new Set<string>(def.writeOnly ?? []);
    for (const key of changedInputs(def, current, desired)) {
      if (!(key in kept) && !writeOnly.has(key) && current[key] !== undefined) kept[key] = current[key];
    }
    return kept;
  };
  const withFound = (outs: Props, found: Props | undefined): Props =>
    found === undefined ? outs : { ...outs, [FOUND_KEY]: found };
  /**
   * The program's name for the resource (NAME_KEY) is kept in outputs too: read sees only outputs, and
   * rebuilds the inputs a refresh records from them.
   */
  const withName = (outs: Props, from: Props): Props =>
    typeof from[NAME_KEY] === "string" ? { ...outs, [NAME_KEY]: from[NAME_KEY] } : outs;

  /**
   * A resource about to adopt a live object (importId, a settings resource): one read, at check, so that
   * `pulumi preview` says what the first `up` changes. Any failure (no key in a preview without secrets,
   * an unknown id yet) leaves the preview as it was.
   */
  const warnAdoption = async (inputs: Props, warn: Warn): Promise<void> => {
    if (isUnknown(inputs[INSTANCE_KEY])) return;
    const importId = adoptionOf(inputs);
    try {
      const message = await adoptionWarning(def, context(instanceOf(inputs)), importId, desiredOf(inputs));
      if (message !== undefined) await warn(message);
    } catch {
      // Nothing to show: the create reports whatever stops it.
    }
  };

  const run = async <T>(
    verb: string,
    id: string | undefined,
    op: () => Promise<T>,
    instance?: string,
  ): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw describeFailure(e, verb, type, id, instance, def.platform);
    }
  };
  /** A write drops this type's shared listing (readFromListing), so no later read answers from before it. */
  const write = <T>(
    verb: string,
    id: string | undefined,
    instance: string | undefined,
    op: () => Promise<T>,
  ): Promise<T> =>
    run(verb, id, () => (def.readFromListing ? context(instance).lists.write(type, op) : op()), instance);

  return {
    async check(olds, news) {
      const failures: dynamic.CheckFailure[] = [];
      const importId = news.importId;
      if (
        importId !== undefined &&
        !isUnknown(importId) &&
        (typeof importId !== "string" || importId.trim() === "")
      ) {
        failures.push({ property: "importId", reason: `${type}.importId: must be a non-empty Clerk id` });
      }
      const instance = news[INSTANCE_KEY];
      if (instance !== undefined && !isUnknown(instance)) {
        const refusal =
          typeof instance !== "string" || instance.trim() === ""
            ? "must be the name of a configured Clerk instance (leave it out for the default instance)"
            : instances?.refusal(instance);
        if (refusal !== undefined) {
          failures.push({ property: INSTANCE_KEY, reason: `${type}.${INSTANCE_KEY}: ${refusal}` });
        }
      }
      const desired = desiredOf(news);
      const outcome = validateInputs(def.inputs, desired, type);
      if (outcome.ok === false) failures.push(...outcome.failures);
      const named = typeof instance === "string" ? instance : undefined;
      if (def.platform && failures.length === 0 && !isUnknown(instance)) {
        const refusal = instances?.platformRefusal?.(named);
        if (refusal !== undefined) {
          failures.push({
            property: named === undefined ? "(configuration)" : INSTANCE_KEY,
            reason: `${type}: ${refusal}`,
          });
        }
      }
      if (failures.length > 0) return { failures };
      const inputs: Props = outcome.ok === true ? { ...(outcome.value as Props) } : desired;
      if (outcome.ok === true && def.refuseChange && Object.keys(desiredOf(olds)).length > 0) {
        const refusal = def.refuseChange(desiredOf(olds), inputs);
        if (refusal !== undefined) return { failures: [{ property: "", reason: `${type}: ${refusal}` }] };
      }
      const clash = claimFields(inputs, news, named);
      if (clash) return { failures: [clash] };
      // A create (no recorded inputs) shows Clerk's verdict at preview when asked (clerk:validateOnPreview).
      if (outcome.ok === true && olds.__provider === undefined && !isUnknown(instance)) {
        const refused = await validatePlanned(inputs, undefined, named);
        if (refused) return { failures: [{ property: "(inputs)", reason: refused.message }] };
      }
      if (importId !== undefined) inputs.importId = importId;
      if (instance !== undefined) inputs[INSTANCE_KEY] = instance;
      if (typeof news[NAME_KEY] === "string") inputs[NAME_KEY] = news[NAME_KEY];
      // A resource not in state yet (the engine's check of a replacement passes no olds either, but its
      // diff came first, so adoptionOf knows it): say what its adoption changes.
      const adopting = adoptionOf(inputs) !== undefined || (importId === undefined && def.export?.singleton);
      if (
        warn &&
        def.previewAdoption !== false &&
        Object.keys(olds).length === 0 &&
        adopting &&
        !isUnknown(importId)
      )
        await warnAdoption(inputs, warn);
      return { inputs: stripUndefined(inputs) };
    },

    async diff(id, olds, news) {
      stackIds.add(id);
      // An adopted object deleted behind our back (see read): a fresh one replaces it.
      // The importId the state records stays consumed through later replacements too.
      const consumed = (): void => {
        replaced.add(id);
        if (typeof olds.importId === "string") replaced.add(olds.importId);
      };
      if (olds[GONE_KEY] === true) {
        consumed();
        return { changes: true, replaces: ["importId"], deleteBeforeReplace: false };
      }
      const decision = decideDiff(def, olds, desiredOf(news));
      if (decision.changes && !containsUnknown(desiredOf(news)) && instanceOf(olds) === instanceOf(news)) {
        const refused = await validatePlanned(desiredOf(news), desiredOf(olds), instanceOf(news));
        if (refused) throw refused;
      }
      // Another instance is another object: create it there, then delete the old one (no key clash
      // across instances, so never delete first).
      const moved = isUnknown(news[INSTANCE_KEY]) || instanceOf(olds) !== instanceOf(news);
      const replaces = moved ? [...decision.replaces, INSTANCE_KEY] : decision.replaces;
      if (replaces.length > 0) consumed();
      if (replaces.length > 0 && !decision.deleteBeforeReplace && !moved) replacing.set(id, desiredOf(olds));
      return {
        changes: decision.changes || moved,
        replaces,
        deleteBeforeReplace: decision.deleteBeforeReplace,
      };
    },

    async create(inputs) {
      const desired = desiredOf(inputs);
      const importId = adoptionOf(inputs);
      const instance = instanceOf(inputs);
      // A singleton that restores on destroy reads what it finds before its create changes it.
      const found = def.restoreOnDelete
        ? foundBefore(
            undefined,
            def.toInputs(await run("read", undefined, () => readSingleton(def, context(instance)), instance)),
            desired,
          )
        : undefined;
      const api = await write(importId !== undefined ? "adopt" : "create", importId, instance, () =>
        importId !== undefined
          ? adopt(def, context(instance), importId, desired)
          : createOrRecover(def, context(instance), desired, stackIds, replacing),
      );
      // The program's importId is recorded even when this create did not adopt it (a replacement): a later
      // replacement's diff then knows it was consumed.
      const outs = outputsOf(api, desired, inputs.importId, pathsOf(desired), instance);
      return { id: def.id(api), outs: withName(withFound(outs, found), inputs) };
    },

    async read(id, props) {
      const instance = instanceOf(props);
      stackIds.add(id);
      const live = await run("read", id, () => readLive(def, context(instance), id), instance);
      const recorded = desiredOf(props);
      const recordedPaths = Array.isArray(props[DECLARED_KEY])
        ? (props[DECLARED_KEY] as unknown[]).filter((k): k is string => typeof k === "string")
        : undefined;
      if (live === undefined) {
        // An adopted object: kept, marked gone, so that `up` makes a fresh one instead of adopting its
        // importId again (see docs/architecture.md, "Adoption").
        if (typeof props.importId === "string") {
          const kept = { ...props, [GONE_KEY]: true };
          const inputs = projectDeclared(kept, [
            ...(recordedPaths ?? declarableKeys),
            "importId",
            INSTANCE_KEY,
            NAME_KEY,
          ]);
          return { id, props: kept, inputs };
        }
        // Gone: no id, so refresh drops it from state (see docs/architecture.md, "Read is the truth").
        return {};
      }
      // State written before the declared keys were recorded: every argument counts as declared.
      const paths = recordedPaths ?? [...new Set([...declarableKeys, ...Object.keys(def.toInputs(live))])];
      const outs = withName(
        withFound(
          outputsOf(live, recorded, props.importId, paths, instance),
          props[FOUND_KEY] as Props | undefined,
        ),
        props,
      );
      // Inputs are only what the program declared: a Clerk default it never declared would show in the
      // next preview as a change, and outputs kept from state (a client secret Clerk showed once) must
      // not become inputs, where the engine would store them without the secret mark.
      const inputs = projectDeclared(outs, [...paths, "importId", INSTANCE_KEY, NAME_KEY]);
      return { id: def.id(live), props: outs, inputs };
    },

    async update(id, olds, news) {
      stackIds.add(id);
      const desired = desiredOf(news);
      const update = def.update;
      if (!update) throw new Error(`${type} ${id}: Clerk cannot update this resource in place`);
      const instance = instanceOf(news);
      const api = await write("update", id, instance, () =>
        update(context(instance), id, desired, desiredOf(olds)),
      );
      const found = foundBefore(olds[FOUND_KEY], desiredOf(olds), desired);
      return {
        outs: withName(
          withFound(
            outputsOf(api, desired, news.importId ?? olds.importId, pathsOf(desired), instance),
            found,
          ),
          news,
        ),
      };
    },

    async delete(id, props) {
      const instance = instanceOf(props);
      stackIds.add(id);
      await write("delete", id, instance, async () => {
        const found = props[FOUND_KEY];
        const update = def.update;
        if (def.restoreOnDelete && update && found !== null && typeof found === "object") {
          // Put back what the stack found, for the fields it changed (see docs/architecture.md, "Singletons").
          if (Object.keys(found).length > 0)
            await update(context(instance), id, found as Props, desiredOf(props));
        }
        try {
          await def.delete(context(instance), id, desiredOf(props));
        } catch (e) {
          // Already deleted behind our back: the goal is reached.
          if (!isNotFound(e)) throw e;
        }
      });
    },
  };
}

/** Creates in all, counting the first: each repeat follows a lookup that found nothing. */
export const CREATE_ATTEMPTS = 4;

/**
 * A create whose answer was lost may still have made the object in Clerk, and the sdk rightly never
 * repeats such a POST blindly. Here the definition's natural-key lookup decides: adopt what the lost
 * create made, or create again when nothing is there. Otherwise a dropped answer leaves an object in
 * Clerk that Pulumi does not know, and the next `up` trips over it or makes a second one.
 */
async function createOrRecover(
  def: AnyDefinition,
  ctx: OperationContext,
  desired: Props,
  stackIds: ReadonlySet<string>,
  replacing: ReadonlyMap<string, Props>,
): Promise<unknown> {
  const findExisting = def.findExisting;
  const release = (waits: readonly number[]) => awaitRelease(def, ctx, desired, waits, replacing);
  if (findExisting && adoptExisting()) {
    // Recovery after an interrupted `up` (docs/recovery.md): the engine forgot creates it had started,
    // so an object that matches by natural key is the one that run made.
    const found = await findExisting(ctx, desired);
    if (found !== undefined) {
      const adopted = await adoptLive(def, ctx, found, desired, "recover");
      return def.afterRecovery ? def.afterRecovery(ctx, adopted, desired) : adopted;
    }
  }
  let released = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await def.create(ctx, desired);
    } catch (e) {
      // A duplicate on the first create is someone else's object, unless another resource of this same
      // `up` is letting go of the key; after a lost answer it is most likely what the lost create made,
      // and the lookup below adopts it.
      if (findExisting && isDuplicate(e) && (attempt === 1 || released)) {
        // Once the key was seen free, a second refusal is final: no more waiting.
        const holder = await release(released ? [] : RELEASE_WAITS_MS);
        // Nothing holds the key by the first look: let go meanwhile (a delete-first replacement racing
        // this create), or held under a key the lookup does not see; one more create tells them apart.
        if (holder === RELEASED || (holder === undefined && !released)) {
          released = true;
          continue;
        }
        throw explainDuplicate(def, holder, e, stackIds);
      }
      // Without a natural key nothing can tell whether a server error made the object: say so, as a lost
      // connection already does, so the user checks Clerk before running `up` again.
      if (!findExisting && e instanceof ClerkApiError && mayHaveCreated(e))
        throw mayHoldStrayError(e, def.type);
      if (!findExisting || !(mayHaveCreated(e) || isDuplicate(e)) || attempt >= CREATE_ATTEMPTS) throw e;
      let found: unknown;
      try {
        found = await findExisting(ctx, desired);
      } catch (lookup) {
        const why = lookup instanceof Error ? lookup.message : String(lookup);
        throw new Error(
          `${e instanceof Error ? e.message : String(e)}; looking up whether it was created anyway failed too ` +
            `(${why}): Clerk may hold the object without Pulumi knowing; run \`pulumi refresh\` and check ` +
            "Clerk before running `pulumi up` again",
          { cause: e },
        );
      }
      // The engine diffs resources in parallel with other steps: give the diffs of this up a moment to
      // arrive, so that an object another resource of the stack holds is known as such.
      if (found !== undefined && !stackIds.has(def.id(found))) await sleep(RELEASE_WAITS_MS[0] ?? 0);
      if (found !== undefined && stackIds.has(def.id(found))) {
        // Another resource of this stack holds the key (the program moves it here in this change), so
        // the lost answer was Clerk's refusal, not a new object: wait for the holder to let go.
        const holder = await release(released ? [] : RELEASE_WAITS_MS);
        // Gone by the second look (undefined): as good as released.
        if (holder === RELEASED || holder === undefined) {
          released = true;
          continue;
        }
        throw heldInStackError(e, def.type, def.id(found));
      }
      if (found !== undefined) {
        const adopted = await adoptLive(def, ctx, found, desired, "recover");
        return def.afterRecovery ? def.afterRecovery(ctx, adopted, desired) : adopted;
      }
    }
  }
}

/**
 * How long a create refused as a duplicate watches the holder let go of the key: a program that moves a
 * unique key (a template name, an identifier) from one of its resources to another makes the engine run
 * this create beside the other resource's update, which frees the key a moment later. The engine never
 * orders the two (nothing in the program links them), so without the wait every `up` fails the same way.
 */
export const RELEASE_WAITS_MS: readonly number[] = [250, 500, 1000, 1500, 2000];

const RELEASED = Symbol("released");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * After a duplicate refusal: the object holding the key, found by the natural-key lookup; RELEASED when
 * it disappears within `waits`, or when it is an object this `up` replaces creating first (its delete
 * would come only after every create, so it is deleted here: see docs/architecture.md, "Replacement
 * order"); undefined when the lookup fails or cannot name it (the key Clerk checks can be narrower than
 * the lookup's), leaving Clerk's refusal as it is.
 */
async function awaitRelease(
  def: AnyDefinition,
  ctx: OperationContext,
  desired: Props,
  waits: readonly number[],
  replacing: ReadonlyMap<string, Props>,
): Promise<unknown> {
  const findExisting = def.findExisting;
  if (!findExisting) return undefined;
  const handOver = async (holder: unknown): Promise<boolean> => {
    const olds = replacing.get(def.id(holder));
    if (olds === undefined) return false;
    try {
      await def.delete(ctx, def.id(holder), olds);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    return true;
  };
  const holder = await findExisting(ctx, desired).catch(() => undefined);
  if (holder === undefined) return undefined;
  if (await handOver(holder)) return RELEASED;
  for (const ms of waits) {
    await sleep(ms);
    const now = await findExisting(ctx, desired).catch(() => holder);
    if (now === undefined || (await handOver(now))) return RELEASED;
  }
  return holder;
}

/**
 * Clerk refused the create as a duplicate: the object exists already, made by hand, by another stack, or
 * held by a resource of this stack that lets go of the key only later in the same `up`. It is never taken
 * over silently (another stack may own it); the lookup only found its id so that the error can say how
 * to adopt it.
 */
function explainDuplicate(
  def: AnyDefinition,
  holder: unknown,
  refusal: unknown,
  stackIds: ReadonlySet<string>,
): unknown {
  if (holder === undefined || !(refusal instanceof Error)) return refusal;
  const id = def.id(holder);
  return stackIds.has(id) ? heldInStackError(refusal, def.type, id) : conflictError(refusal, def.type, id);
}

/** `CLERK_ADOPT_EXISTING=true`: creates adopt a matching object first (one-shot, for recovery only). */
function adoptExisting(): boolean {
  return /^(1|true|yes)$/i.test(process.env.CLERK_ADOPT_EXISTING ?? "");
}

/**
 * Adoption of an existing object (`importId`), since Pulumi's own import does not work for dynamic
 * resources (see docs/architecture.md, "Adoption"): read it, refuse differences that would need a replacement, apply the
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
  return adoptLive(def, ctx, live, desired, "import");
}

async function adoptLive(
  def: AnyDefinition,
  ctx: OperationContext,
  live: unknown,
  desired: Props,
  why: "import" | "recover",
): Promise<unknown> {
  const importId = def.id(live);
  const current = def.toInputs(live) as Props;
  const changed = changedInputs(def, current, desired);
  const blocking = def.update ? changed.filter((k) => def.replaceOnChange.includes(k)) : changed;
  if (blocking.length > 0) {
    if (why === "recover") {
      // findExisting matches on the fields that force replacement, so this is someone else's object.
      throw new Error(
        `${def.type} "${importId}" matches by natural key but differs in ${blocking.join(", ")}, so it is not the ` +
          "object this create made; it was left alone: check Clerk for an object Pulumi does not track",
      );
    }
    throw new Error(
      `cannot adopt ${def.type} "${importId}": ${blocking.join(", ")} differ(s) from the live object and cannot be ` +
        "changed in place; declare the live value, or remove importId to create a new object",
    );
  }
  if (changed.length === 0 || !def.update) return live;
  return def.update(ctx, importId, desired, current);
}

/** Pulumi's wire format (protobuf Struct) has no `undefined`, at any depth: drop such keys. */
function stripUndefined(o: Props): Props {
  return deepStrip(o) as Props;
}

function deepStrip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : deepStrip(x)));
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, deepStrip(x)]),
  );
}

/** The argument names a schema accepts (through refinements and transforms). */
export function schemaKeys(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; def?: { type?: string; in?: unknown } };
  if (s.shape) return Object.keys(s.shape);
  if (s.def?.type === "pipe") return schemaKeys(s.def.in);
  return [];
}

/**
 * The live object for a read: from the shared listing of its collection where the definition allows
 * (one request per page for a whole refresh instead of one per object), else by the definition's read.
 */
async function readLive(def: AnyDefinition, ctx: OperationContext, id: string): Promise<unknown> {
  const list = def.readFromListing ? def.export?.list : undefined;
  if (!list) return def.read(ctx, id);
  const listed = await ctx.lists.readOnce(
    def.type,
    () => list(ctx),
    id,
    (x) => def.id(x),
  );
  // Not answered by the listing (deleted, made after it was taken, or read before): Clerk decides.
  return listed ?? def.read(ctx, id);
}
