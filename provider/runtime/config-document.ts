import { ClerkApiError } from "../../sdk/errors";

/**
 * One Clerk instance's configuration document (Platform API), as this provider process sees it (see
 * docs/architecture.md, "The configuration document"). Every document resource of the instance goes
 * through one of these, so that:
 *
 * - a refresh of all of them costs one GET (each section answers one read from a shared snapshot);
 * - an `up` reads the document once and then only writes, each write sending `If-Match` with the
 *   version the previous one answered: writes are serialised here, so resources applied concurrently
 *   never lose each other's fields;
 * - a field a resource manages that changed in Clerk since its last known state (a dashboard edit) is
 *   never overwritten: the write fails naming the field. A stale version (409) re-reads and checks again.
 */

/** The part of the sdk's Platform client used here (its `config` group). */
export interface PlatformConfigApi {
  get(applicationId: string, instance: string, options?: { keys?: string[] }): Promise<ConfigDocumentBody>;
  patch(
    applicationId: string,
    instance: string,
    body: Record<string, unknown>,
    options?: { dryRun?: boolean; destructive?: boolean; keys?: string[]; ifMatch?: string },
  ): Promise<{ config_version: string; dry_run?: boolean; before?: unknown; after?: unknown }>;
}

export type ConfigDocumentBody = { config_version: string } & Record<string, unknown>;
type Doc = Record<string, unknown>;

/** A value a resource expects at a document path (its last known state), and the field it declares. */
export interface Expectation {
  /** The wire path, dotted from the document's top (`auth_password.min_length`). */
  readonly path: string;
  /** The argument's name, for the message (`minLength`). */
  readonly field: string;
  /** True when the live value still is what the resource last knew. */
  matches(live: unknown): boolean;
}

/** What a write sends: a PATCH body (deep-merged by Clerk), or undefined when nothing needs writing. */
export interface PlannedWrite {
  readonly body: Record<string, unknown>;
  /** Clearing with null or deleting a map entry needs `destructive=true`. */
  readonly destructive?: boolean;
}

/** How often a write whose version went stale (409) re-reads and tries again before giving up. */
export const STALE_VERSION_RETRIES = 3;

export class ConfigConflictError extends Error {
  constructor(owner: string, fields: string[]) {
    super(
      `${owner}: ${fields.join(", ")} changed in Clerk since this stack last read ${fields.length > 1 ? "them" : "it"} ` +
        "(an edit in the dashboard or by another tool); nothing was written, so that edit is not lost. " +
        "Run `pulumi refresh` to see it, then `pulumi up` to apply the program's value (or adopt the new value in the program)",
    );
    this.name = "ConfigConflictError";
  }
}

export class ConfigDocument {
  private snapshot: Promise<Doc> | undefined;
  /** Sections the current snapshot has answered a read for (each at most once; see `section`). */
  private served = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: () => PlatformConfigApi,
    readonly applicationId: string,
    readonly instance: string,
  ) {}

  /**
   * The value at `path` for a read (refresh, drift): from the shared snapshot, which each path answers
   * once; a second read of the same path in this process asks Clerk again (a long-lived caller must not
   * see an old document).
   */
  async read(path: string): Promise<unknown> {
    if (this.served.has(path)) this.drop();
    this.served.add(path);
    return valueAt(await this.current(), path);
  }

  /** The whole document as last read or written (one GET the first time). */
  async document(): Promise<Doc> {
    return this.current();
  }

  /**
   * Apply one resource's write, serialised with every other write of this document in this process:
   * check that the fields it manages are still as it last knew them, then PATCH with `If-Match`.
   * `plan` sees the live document and answers the body (or undefined: nothing to change, no request).
   * Answers the document after the write.
   */
  write(
    owner: string,
    expect: readonly Expectation[],
    plan: (live: Doc) => PlannedWrite | undefined,
  ): Promise<Doc> {
    const run = this.queue.then(() => this.writeNow(owner, expect, plan));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A dry run of `body` (clerk:validateOnPreview): Clerk validates it and saves nothing. */
  async dryRun(body: Record<string, unknown>, destructive = false): Promise<void> {
    await this.api().patch(this.applicationId, this.instance, body, {
      dryRun: true,
      ...(destructive ? { destructive: true } : {}),
    });
  }

  private async writeNow(
    owner: string,
    expect: readonly Expectation[],
    plan: (live: Doc) => PlannedWrite | undefined,
  ): Promise<Doc> {
    for (let attempt = 1; ; attempt++) {
      const live = await this.current();
      const changed = expect.filter((e) => !e.matches(valueAt(live, e.path))).map((e) => e.field);
      if (changed.length > 0) throw new ConfigConflictError(owner, changed);
      const planned = plan(live);
      if (planned === undefined) return live;
      const version = live.config_version;
      try {
        const answer = await this.api().patch(this.applicationId, this.instance, planned.body, {
          ...(typeof version === "string" ? { ifMatch: version } : {}),
          ...(planned.destructive ? { destructive: true } : {}),
        });
        const next = merged(live, planned.body, answer.after, answer.config_version);
        this.snapshot = Promise.resolve(next);
        return next;
      } catch (e) {
        // Whatever happened, the snapshot may be behind Clerk now (a lost answer may have saved).
        this.drop();
        // A stale version: someone wrote since our read. Read again and re-check what this resource
        // manages; a 409 with the version unchanged is Clerk refusing the combination, not a race.
        if (!(e instanceof ClerkApiError && e.status === 409) || attempt > STALE_VERSION_RETRIES) throw e;
        const fresh = await this.current();
        if (fresh.config_version === version) throw e;
      }
    }
  }

  private current(): Promise<Doc> {
    if (!this.snapshot) {
      const read = this.api()
        .get(this.applicationId, this.instance)
        .then((d) => d as Doc);
      this.snapshot = read;
      this.served = new Set();
      read.catch(() => {
        if (this.snapshot === read) this.snapshot = undefined;
      });
    }
    return this.snapshot;
  }

  private drop(): void {
    this.snapshot = undefined;
  }
}

/** The value at a dotted path of the document, or undefined. */
export function valueAt(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur)) return undefined;
    cur = (cur as Doc)[key];
  }
  return cur;
}

const isObject = (v: unknown): v is Doc => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The document after a write: Clerk's `after` holds each touched top-level key whole; without it, the
 * body merged as Clerk merges (objects merge, arrays and primitives replace, null clears).
 */
function merged(live: Doc, body: Doc, after: unknown, version: string): Doc {
  const next: Doc = { ...live, config_version: version };
  for (const key of Object.keys(body)) {
    next[key] = isObject(after) && key in after ? after[key] : deepMerge(live[key], body[key]);
  }
  return next;
}

export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(base)) return patch;
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = deepMerge(base[k], v);
  }
  return out;
}

/** A nested body `{ a: { b: value } }` for the dotted path `a.b`. */
export function bodyAt(path: string, value: unknown): Doc {
  const keys = path.split(".");
  let out: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) out = { [keys[i] as string]: out };
  return out as Doc;
}
