import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * Compile-time check that a resource's Args interface (which carries the docs users see in their
 * editor) and its input schema describe the same fields: same names, same optionality, and value
 * types that each accept the other once Pulumi's Input/Output wrappers are removed. A field added,
 * renamed or retyped on one side only makes `ArgsMatchSchema` something other than `true`, naming
 * the offending fields, and the `ArgsCheck<...>` that asserts it stops compiling.
 *
 * `importId` and `instance` are arguments the runtime handles before the schema; `SchemaOnly` names schema fields
 * that are no argument (accepted only to refuse them with a helpful message).
 */
export type ArgsMatchSchema<Args, Schema extends z.ZodType, SchemaOnly extends string = never> =
  Mismatch<Plain<Omit<Args, "importId" | "instance">>, Omit<z.input<Schema>, SchemaOnly>> extends infer M
    ? [M] extends [never]
      ? true
      : { fieldsThatDiffer: M }
    : never;

/** Fails to compile unless its argument is `true`. */
export type ArgsCheck<T extends true> = T;

type Mismatch<A, B> =
  | Exclude<keyof A, keyof B>
  | Exclude<keyof B, keyof A>
  | { [K in keyof A & keyof B]: Same<A[K], B[K]> extends true ? never : K }[keyof A & keyof B];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A value as the provider receives it: Pulumi's Input/Output wrappers removed, at any depth. */
type Plain<T> =
  T extends pulumi.OutputInstance<infer U>
    ? Plain<U>
    : T extends Promise<infer U>
      ? Plain<U>
      : T extends readonly (infer E)[]
        ? Plain<E>[]
        : T extends object
          ? { [K in keyof T]: Plain<T[K]> }
          : T;
