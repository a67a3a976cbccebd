import type { z } from "zod";
import { ClerkApiError } from "../../sdk/errors";
import { bodyAt, type Expectation, type PlannedWrite, valueAt } from "./config-document";
import type { OperationContext, ResourceDefinition } from "./definition";
import { deepEqual } from "./equality";

/**
 * Resources over one section of an instance's configuration document (Platform API), each declared by
 * a small spec: where its section lives, and a table of camelCase argument → wire sub-path. The
 * generic layer (generic.ts) does the rest as for every resource; this turns a spec into the
 * definition (see docs/architecture.md, "The configuration document").
 *
 * Each resource manages exactly the fields its program declares: a write sends only declared fields
 * that differ from the live document (none: no request), an update first checks that the fields it
 * manages are still what it last knew, and outputs hold the declared fields only.
 */

type Props = Record<string, unknown>;

/** The section a resource manages: a fixed key, or one entry of a map named by an argument. */
export type ConfigSection<Inputs> =
  | { readonly key: string }
  | {
      /** The argument naming the entry (`provider`, `slug`): forces replacement. */
      readonly nameInput: keyof Inputs & string;
      /** The section's dotted path for an entry name (`connection_oauth_google`, `billing.plans.pro`). */
      readonly path: (name: string) => string;
      /** The entry name in a path, or undefined when the path is not one of this type's. */
      readonly nameOf: (path: string) => string | undefined;
    };

export interface ConfigResourceSpec<Inputs extends Props> {
  readonly type: string;
  readonly inputs: z.ZodType<Inputs>;
  readonly section: ConfigSection<Inputs>;
  /** Argument → wire sub-path inside the section (`deviceTrustEnabled` → `device_trust.enabled`). */
  readonly fields: { readonly [K in keyof Inputs]?: string };
  /** Credentials: sent when declared or changed, never read back (Clerk may mask them). */
  readonly writeOnly?: readonly (keyof Inputs & string)[];
  readonly equals?: ResourceDefinition<Inputs, ConfigSectionApi>["equals"];
  /**
   * What destroy does: `forget` (settings: Clerk keeps its values), `disable` (sets `enabled: false`),
   * `delete` (removes the map entry, with `destructive=true`).
   */
  readonly onDelete: "forget" | "disable" | "delete";
  /**
   * Arguments `pulumi-clerk export` leaves out because another resource exports the same setting
   * through the Backend API (a program must declare each through one door only), with that resource.
   */
  readonly exportedElsewhere?: { readonly fields: readonly (keyof Inputs & string)[]; readonly by: string };
  /** The export heading (plural); absent: not exported. */
  readonly title?: string;
  /** Every live entry name for export (map entries); a fixed section exports itself when present. */
  readonly entries?: (doc: Props) => string[];
}

/** What a document resource's operations see of Clerk: its section's path and value. */
export interface ConfigSectionApi {
  readonly path: string;
  readonly value: Props;
}

const isObject = (v: unknown): v is Props => v !== null && typeof v === "object" && !Array.isArray(v);

/** A definition from a spec. @internal */
export function configResource<Inputs extends Props>(
  spec: ConfigResourceSpec<Inputs>,
): ResourceDefinition<Inputs, ConfigSectionApi> {
  const fields = Object.entries(spec.fields) as [keyof Inputs & string, string][];
  // Every argument but the entry's name must have its wire path: one left out would be accepted by
  // check and then silently never written.
  const shape = (spec.inputs as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const unmapped = Object.keys(shape).filter(
    (k) => !(k in spec.fields) && !("nameInput" in spec.section && spec.section.nameInput === k),
  );
  if (unmapped.length > 0) throw new Error(`${spec.type}: no document field for ${unmapped.join(", ")}`);
  const writeOnly = new Set<string>(spec.writeOnly ?? []);
  const elsewhere = new Set<string>(spec.exportedElsewhere?.fields ?? []);
  const section = spec.section;
  const nameInput = "nameInput" in section ? section.nameInput : undefined;
  const pathOf = (inputs: Partial<Inputs>): string =>
    "key" in section ? section.key : section.path(String(inputs[section.nameInput]));
  const eq = (field: string) =>
    (spec.equals?.[field as keyof Inputs] ?? deepEqual) as (a: unknown, b: unknown) => boolean;

  const toInputs = (api: ConfigSectionApi): Partial<Inputs> => {
    const view: Props = {};
    for (const [input, wire] of fields) {
      if (writeOnly.has(input)) continue;
      const v = valueAt(api.value, wire);
      if (v !== undefined) view[input] = v;
    }
    if (nameInput && !("key" in section)) view[nameInput] = section.nameOf(api.path);
    return view as Partial<Inputs>;
  };

  /** The PATCH for the declared fields that differ from the live section (writeOnly: when `send`). */
  const plan = (
    path: string,
    news: Partial<Inputs>,
    live: unknown,
    sendWriteOnly: (field: string) => boolean,
  ): PlannedWrite | undefined => {
    const sectionBody: Props = {};
    for (const [input, wire] of fields) {
      const want = news[input];
      if (want === undefined) continue;
      const have = valueAt(live, wire);
      if (writeOnly.has(input) ? !sendWriteOnly(input) : eq(input)(have, want)) continue;
      Object.assign(sectionBody, mergeInto(sectionBody, bodyAt(wire, want)));
    }
    if (Object.keys(sectionBody).length === 0) return undefined;
    return { body: bodyAt(path, sectionBody) };
  };

  const answer = (path: string, doc: Props): ConfigSectionApi => {
    const value = valueAt(doc, path);
    return { path, value: isObject(value) ? value : {} };
  };

  /**
   * Clerk names the field it refuses by its document path (`meta.param_name`: `auth_password.min_length`):
   * the message leads with the argument the program wrote. Clerk's code, words and trace id stay.
   */
  const explain = (e: unknown, path: string): unknown => {
    if (!(e instanceof ClerkApiError)) return e;
    const params = e.errors.map((x) => x.meta?.param_name).filter((p): p is string => typeof p === "string");
    const named = fields
      .filter(([, wire]) => params.some((p) => p === `${path}.${wire}` || p.startsWith(`${path}.${wire}.`)))
      .map(([input]) => input);
    if (named.length === 0) return e;
    const err = new Error(`${named.join(", ")}: ${e.message}`, { cause: e });
    err.name = e.name;
    return err;
  };

  return {
    type: spec.type,
    inputs: spec.inputs,
    replaceOnChange: nameInput ? [nameInput] : [],
    ...(spec.writeOnly ? { writeOnly: spec.writeOnly } : {}),
    ...(spec.equals ? { equals: spec.equals } : {}),
    platform: true,
    outputsDeclaredOnly: true,
    documentPaths: (inputs: Partial<Inputs>) => {
      const path = pathOf(inputs);
      return fields.filter(([input]) => inputs[input] !== undefined).map(([, wire]) => `${path}.${wire}`);
    },
    validate: async (ctx: OperationContext, news: Inputs, olds: Partial<Inputs> | undefined) => {
      const doc = documentOf(ctx);
      const path = pathOf(news);
      const live = valueAt(await doc.document(), path);
      const planned = plan(
        path,
        news,
        live,
        (f) => olds === undefined || !deepEqual(olds[f as keyof Inputs], news[f as keyof Inputs]),
      );
      if (planned)
        await doc.dryRun(planned.body, planned.destructive).catch((e) => {
          throw explain(e, path);
        });
    },
    id: (api) => api.path,
    toInputs,
    toComputed: () => ({}),
    async create(ctx, news) {
      const path = pathOf(news);
      const doc = await documentOf(ctx)
        .write(spec.type, [], (live) => plan(path, news, valueAt(live, path), () => true))
        .catch((e) => {
          throw explain(e, path);
        });
      return answer(path, doc);
    },
    async read(ctx, id) {
      const value = await documentOf(ctx).read(id);
      // A map entry that is gone is gone; a fixed section Clerk leaves out is an empty one.
      if (value === undefined || value === null)
        return "key" in section ? { path: id, value: {} } : undefined;
      return { path: id, value: isObject(value) ? value : {} };
    },
    async update(ctx, id, news, olds) {
      // What this resource last knew of each field it still manages: a live value that differs from it
      // is someone else's edit, which the write must not overwrite unseen.
      const expect: Expectation[] = fields
        .filter(([input]) => !writeOnly.has(input) && news[input] !== undefined && olds[input] !== undefined)
        .map(([input, wire]) => ({
          path: `${id}.${wire}`,
          field: input,
          matches: (live: unknown) => live === undefined || eq(input)(live, olds[input]),
        }));
      const doc = await documentOf(ctx)
        .write(`${spec.type} "${id}"`, expect, (live) =>
          plan(
            id,
            news,
            valueAt(live, id),
            (f) => !deepEqual(olds[f as keyof Inputs], news[f as keyof Inputs]),
          ),
        )
        .catch((e) => {
          throw explain(e, id);
        });
      return answer(id, doc);
    },
    async delete(ctx, id) {
      if (spec.onDelete === "forget") return;
      await documentOf(ctx).write(spec.type, [], (live) => {
        const current = valueAt(live, id);
        if (current === undefined || current === null) return undefined;
        if (spec.onDelete === "disable") {
          return isObject(current) && current.enabled === false
            ? undefined
            : { body: bodyAt(`${id}.enabled`, false) };
        }
        return { body: bodyAt(id, null), destructive: true };
      });
    },
    ...(spec.title
      ? {
          export: {
            title: spec.title,
            ...("key" in section ? { singleton: true } : {}),
            list: async (ctx: OperationContext) => {
              const doc = await documentOf(ctx).document();
              const paths =
                "key" in section
                  ? doc[section.key] === undefined || doc[section.key] === null
                    ? []
                    : [section.key]
                  : (spec.entries?.(doc) ?? []).map((n) => section.path(n));
              return paths.map((p) => answer(p, doc));
            },
            key: (api: ConfigSectionApi) => api.path.replace(/[._]/g, "-"),
            ...(elsewhere.size > 0
              ? {
                  args: (_api: ConfigSectionApi, inputs: Record<string, unknown>) =>
                    Object.fromEntries(Object.entries(inputs).filter(([k]) => !elsewhere.has(k))),
                }
              : {}),
          },
        }
      : {}),
  };
}

function mergeInto(base: Props, patch: Props): Props {
  const out: Props = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = isObject(out[k]) && isObject(v) ? mergeInto(out[k] as Props, v) : v;
  }
  return out;
}

function documentOf(ctx: OperationContext) {
  if (!ctx.document) throw new Error(`${ctx.type}: no Platform API client is configured here`);
  return ctx.document();
}
