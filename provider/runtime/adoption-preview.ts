/**
 * What the first `up` of an adoption will change (see docs/architecture.md, "Adoption"). A resource
 * with `importId`, or an instance-wide settings resource, looks like a plain create in `pulumi
 * preview`, though its create PATCHes the live object: this reads that object once, when the resource
 * is not in state yet, and says which fields differ, with their live and declared values.
 */
import { redactBody } from "../../sdk/redact";
import type { AnyDefinition, OperationContext } from "./definition";
import { changedInputs } from "./diff";
import { containsUnknown } from "./unknowns";

type Props = Record<string, unknown>;

/** Longest value shown; the rest is elided (claims, certificates). */
const MAX_VALUE = 120;

/**
 * The warning for the first `up` of an adoption, or undefined when it changes nothing. Reads the live
 * object (one request; a settings resource's own read).
 */
export async function adoptionWarning(
  def: AnyDefinition,
  ctx: OperationContext,
  importId: string | undefined,
  desired: Props,
): Promise<string | undefined> {
  // Nothing declared (a settings resource that only claims the object): nothing an adoption could change.
  if (Object.keys(desired).length === 0) return undefined;
  const where = ctx.instance ? ` (instance "${ctx.instance}")` : "";
  const what = importId !== undefined ? `${def.type} importId "${importId}"${where}` : `${def.type}${where}`;
  const live = importId !== undefined ? await def.read(ctx, importId) : await readSingleton(def, ctx);
  if (live === undefined) {
    return importId !== undefined
      ? `${what}: no such object in this Clerk instance; \`pulumi up\` will fail to adopt it`
      : undefined;
  }
  const current = def.toInputs(live) as Props;
  const changed = changedInputs(def, current, desired);
  if (changed.length === 0) return undefined;
  const writeOnly = new Set<string>(def.writeOnly ?? []);
  const lines = changed.map((key) => {
    const declared = containsUnknown(desired[key]) ? "(known after other resources)" : show(desired[key]);
    if (writeOnly.has(key)) return `  ${key}: Clerk does not return it; \`up\` sends the declared value`;
    const had = current[key] === undefined ? "(not set)" : show(current[key]);
    return `  ${key}: live ${had} → declared ${declared}`;
  });
  return (
    `${what}: adopts the live object, and the first \`pulumi up\` changes ${changed.length} of its ` +
    `field(s) in place:\n${lines.join("\n")}`
  );
}

/** The one live object of a settings singleton (its export listing), whatever its id. */
export async function readSingleton(def: AnyDefinition, ctx: OperationContext): Promise<unknown> {
  return def.export ? (await def.export.list(ctx))[0] : undefined;
}

function show(value: unknown): string {
  const text = JSON.stringify(redactBody(value)) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}
