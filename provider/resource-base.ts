import * as pulumi from "@pulumi/pulumi";
import { PROVIDER_KEY, providerModule, typeToken } from "./dynamic-provider";

/** Arguments every Clerk resource takes besides its own (the generic layer handles them). */
export interface InstanceArgs {
  /**
   * The Clerk instance this object lives in: a name from the stack config `clerk:instances` (or an
   * environment variable `CLERK_SECRET_KEY_<NAME>`); left out, the default instance (`clerk:secretKey`).
   * State records the name only. Changing it replaces the resource: it is created in the new instance,
   * then deleted from the old one.
   */
  instance?: pulumi.Input<string>;
}

/** The outputs of a resource class: its `pulumi.Output` properties, less the ones every resource has. */
export type OutputNames<T> = Exclude<
  { [K in keyof T]-?: T[K] extends pulumi.Output<unknown> ? K : never }[keyof T],
  keyof ClerkResource
> &
  string;

/**
 * The names to register for a resource class `T`: exactly its declared outputs (see
 * docs/architecture.md, "Every declared output exists"). The class's `declare readonly` lines are the
 * one place its outputs are written; a name missing here, or one the class does not declare, fails to
 * compile, so an output typed as an Output is never `undefined` at run time.
 */
export const outputNames =
  <T>() =>
  <const L extends readonly OutputNames<T>[]>(
    names: L & ([Exclude<OutputNames<T>, L[number]>] extends [never] ? unknown : MissingOutputs<T, L>),
  ): readonly string[] =>
    names;

/** What the compiler shows for a list of outputs that leaves some out. */
interface MissingOutputs<T, L extends readonly unknown[]> {
  readonly missingOutputs: Exclude<OutputNames<T>, L[number]>;
}

/**
 * The base of every Clerk resource: a custom resource served by Pulumi's dynamic-provider host,
 * like `pulumi.dynamic.Resource`, with our compact `__provider` (see dynamic-provider.ts).
 */
export abstract class ClerkResource extends pulumi.CustomResource {
  /** The named Clerk instance the resource belongs to; undefined for the default instance. */
  declare readonly instance: pulumi.Output<string | undefined>;

  /**
   * The type token of the class it is read on (`clerk.JwtTemplate.__pulumiType` is
   * `pulumi-nodejs:dynamic/clerk:JwtTemplate`): what policy packs match with `validateResourceOfType`.
   * Each class is named after its resource type (a unit test holds them equal).
   */
  static get __pulumiType(): string {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the getter is read on
    return typeToken(this.name);
  }

  /**
   * @param type resource type name, e.g. "JwtTemplate"
   * @param outputs every output of the class, from `outputNames` (Pulumi only exposes the props it is
   *   given: an output left out would be `undefined` at run time, though typed as an Output)
   * @param secrets properties kept encrypted in state: as outputs even when Clerk returned them in
   *   plaintext (see docs/architecture.md, "Secrets"), and as inputs even when the program passed a plain string
   * @param named record the resource's name as the hidden input `__clerkName`, so that the provider's check can
   *   name it when two resources declare the same setting (see docs/architecture.md, "Two doors")
   */
  protected constructor(
    type: string,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
    outputs: readonly string[],
    secrets: readonly string[] = [],
    named = false,
  ) {
    if (args && PROVIDER_KEY in args) throw new Error(`${type} "${name}": "${PROVIDER_KEY}" is reserved`);
    const props: Record<string, unknown> = {};
    for (const key of [...outputs, "instance"]) props[key] = undefined;
    Object.assign(props, args, { [PROVIDER_KEY]: providerModule(type) });
    if (named) props.__clerkName = name;
    for (const key of secrets) {
      if (props[key] !== undefined) props[key] = pulumi.secret(props[key]);
    }
    const options =
      secrets.length === 0
        ? opts
        : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
    super(typeToken(type), name, props, options);
  }
}
