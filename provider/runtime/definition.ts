import type { z } from "zod";
import type { ClerkClient } from "../../sdk";

/** What a definition's operations receive besides their arguments. */
export interface OperationContext {
  /** The Clerk client, built on first use from configure()/environment. */
  readonly client: ClerkClient;
  /** Per-process shared listings of list-only collections (see list-cache.ts). */
  readonly lists: import("./list-cache").ListCache;
  /** The resource's type name, e.g. "JwtTemplate", for messages. */
  readonly type: string;
  /**
   * The named Clerk instance the resource belongs to (its `instance` argument); undefined for the default
   * instance. `client` and `lists` are that instance's already: definitions need not look at it.
   */
  readonly instance?: string;
  /**
   * The instance's configuration document (Platform API), shared by every document resource of the
   * instance in this process (config-document.ts). Throws what is missing when no Platform API key,
   * application or environment is configured (check refuses such a program first: see `platform`).
   * Absent where nothing serves the Platform API (Backend API-only callers).
   */
  readonly document?: () => import("./config-document").ConfigDocument;
}

/**
 * One definition per resource: everything the generic layer (generic.ts) needs to implement
 * check/diff/create/read/update/delete. Inputs and outputs are camelCase, as the user wrote them;
 * `Api` is Clerk's wire object.
 */
export interface ResourceDefinition<Inputs extends Record<string, unknown>, Api> {
  /** Type name, also the last part of the Pulumi type token `pulumi-nodejs:dynamic/clerk:<type>`. */
  readonly type: string;
  /** Input schema (strict: an unknown field is an error). May normalise values (e.g. lowercase emails). */
  readonly inputs: z.ZodType<Inputs>;
  /** Inputs whose change Clerk cannot apply in place. */
  readonly replaceOnChange: readonly (keyof Inputs & string)[];
  /** Replace by deleting first, always (Clerk rejects two objects with the same natural key). */
  readonly deleteBeforeReplace?: boolean;
  /**
   * The inputs Clerk holds at most once per instance (a redirect URL's url). A replacement that changes
   * one of them creates the new object first and deletes the old one after; one that keeps them all
   * deletes first. See docs/architecture.md, "Replacement order".
   */
  readonly uniqueKey?: readonly (keyof Inputs & string)[];
  /** Inputs Clerk never returns: carried over from state on read (drift there cannot be seen). */
  readonly writeOnly?: readonly (keyof Inputs & string)[];
  /**
   * Sub-fields of object inputs that Clerk never returns although it returns the rest of the object
   * (`"saml.idpMetadata"`): carried over from state on read, like `writeOnly` inputs.
   */
  readonly writeOnlyFields?: readonly string[];
  /**
   * Object inputs where only the declared sub-fields count and Clerk fills the others: after a refresh,
   * their recorded inputs keep only the declared sub-fields (their `equals` should compare those only).
   */
  readonly partialObjects?: readonly (keyof Inputs & string)[];
  /**
   * A settings singleton whose destroy puts back, for each field the stack changed, the value it found
   * when it first changed it (see docs/architecture.md, "Singletons"); without it, destroy only forgets.
   * Needs `update` and `export.list` (the one live object).
   */
  readonly restoreOnDelete?: boolean;
  /** Inputs whose changes are ignored after create (create-time side effects such as `notify`). */
  readonly createOnly?: readonly (keyof Inputs & string)[];
  /** Optional inputs whose removal from the program clears them in Clerk (instead of leaving Clerk's value). */
  readonly clearable?: readonly (keyof Inputs & string)[];
  /**
   * A resource of the Platform API's configuration document: check refuses it, before any request,
   * when the instance has no Platform API key, application id or environment.
   */
  readonly platform?: boolean;
  /**
   * Outputs hold the declared inputs only (and computed fields), so a refresh shows a change of a
   * declared field and nothing else: for resources over a shared document (config-resource.ts).
   */
  readonly outputsDeclaredOnly?: boolean;
  /**
   * The configuration-document fields (dotted wire paths, `organization_settings.enabled`) the declared
   * inputs set, through whichever API: check refuses a field two resources of one instance declare
   * (two doors, door-registry.ts).
   */
  documentPaths?(inputs: Partial<Inputs>): string[];
  /**
   * `clerk:validateOnPreview`: send the planned change to Clerk as a dry run (olds: the recorded outputs,
   * undefined for a create); a refusal fails the preview.
   */
  validate?(ctx: OperationContext, news: Inputs, olds: Partial<Inputs> | undefined): Promise<void>;
  /**
   * Why the change from `olds` (the recorded inputs) to `news` must not be planned at all, e.g. a
   * replacement that would delete an application's users; checked at preview, before any request.
   */
  refuseChange?(olds: Partial<Inputs>, news: Inputs): string | undefined;
  /**
   * `false` where reading the live object is not free of effects (SvixWebhooks' read asks Clerk for a
   * new dashboard link, a POST): the first preview of its adoption then reads nothing and warns nothing.
   */
  readonly previewAdoption?: false;
  /** Custom equality for inputs that Clerk reorders or normalises. Default: deep equality. */
  readonly equals?: { readonly [K in keyof Inputs]?: (live: unknown, desired: unknown) => boolean };

  /** The Clerk id of a wire object. */
  id(api: Api): string;
  /** Wire object → the input view of it (what the user would have written to get this object). */
  toInputs(api: Api): Partial<Inputs>;
  /** Wire object → computed outputs that are not inputs (ids, timestamps, URLs). */
  toComputed(api: Api): Record<string, unknown>;

  create(ctx: OperationContext, inputs: Inputs): Promise<Api>;
  /**
   * The object a create may have made although its answer was lost (connection dropped or 5xx after
   * Clerk committed), found by natural key (identifier, url, name...); undefined when there is none.
   * Throws when several match (never guess: the create then fails instead of making a duplicate; see
   * natural-key.ts). Must not use a cached listing. Without it, such a failure is reported as is and may
   * leave an object Pulumi does not track.
   */
  findExisting?(ctx: OperationContext, inputs: Inputs): Promise<Api | undefined>;
  /** Completes an object found by findExisting, e.g. fetches a secret that only the lost answer carried. */
  afterRecovery?(ctx: OperationContext, api: Api, inputs: Inputs): Promise<Api>;
  /** The live object, or undefined when it no longer exists. */
  read(ctx: OperationContext, id: string): Promise<Api | undefined>;
  /** Apply changed inputs in place; absent when every input forces replacement. */
  update?(ctx: OperationContext, id: string, news: Inputs, olds: Partial<Inputs>): Promise<Api>;
  /** Delete; must treat "already gone" as success (the generic layer also swallows 404). */
  delete(ctx: OperationContext, id: string, olds: Partial<Inputs>): Promise<void>;

  /**
   * Read (refresh, drift) from one listing of the whole collection per provider process, through
   * `export.list`, instead of one GET per object: only where a listed object carries every field `read`
   * returns. An id the listing lacks is confirmed with `read` before it counts as gone.
   */
  readonly readFromListing?: boolean;
  /** How `pulumi-clerk export` finds this type's objects and declares them; absent: not exported. */
  readonly export?: ExportView<Api>;
}

/**
 * The export view of a resource. The exported arguments are `toInputs` of each live object (so an input
 * added to the definition is exported without more ado), less undefined/null values and keys the user
 * cannot declare; `args` adjusts them where Clerk's view and a useful declaration differ.
 */
export interface ExportView<Api> {
  /** The objects, plural, as a heading: "Redirect URLs" (progress lines and the program's sections). */
  readonly title: string;
  /**
   * One object per instance, adopted by its own create: declared without importId, under the
   * instance-wide settings heading.
   */
  readonly singleton?: boolean;
  /**
   * Exported only when asked for with `pulumi-clerk export --include <optIn>`: objects an instance may
   * hold by the thousand of which a program declares a few (organizations).
   */
  readonly optIn?: string;
  /** Every live object (all pages). Reads only: an export must change nothing. */
  list(ctx: OperationContext): Promise<Api[]>;
  /** The natural key the resource's name in the program is made from (a singleton: its fixed name). */
  key(api: Api): string;
  /** The id of the Clerk instance, from the one object that carries it (names the exported program). */
  instanceId?(api: Api): string;
  /** The arguments to declare, from the cleaned input view; `secret` reads a value from stack config. */
  args?(api: Api, inputs: Record<string, unknown>, secret: ExportSecret): Record<string, unknown>;
  /**
   * What the program cannot declare, and why; a bare field name: because Clerk never returns it.
   * Default: each `writeOnly` input the arguments lack.
   */
  unexported?(api: Api): readonly (string | { field: string; reason: string })[];
  /** A comment line above the declaration. */
  note?(api: Api): string | undefined;
}

/**
 * A value the exported program reads from its stack config (a secret Clerk never returns): `field` is
 * what the user sets, `configKey` the config key's prefix (the resource name is appended), `optional`
 * when the program runs without it.
 */
export type ExportSecret = (field: string, configKey: string, optional?: boolean) => unknown;

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every input shape.
export type AnyDefinition = ResourceDefinition<any, any>;
