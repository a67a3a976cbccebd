import { resourceDefinitions } from "../definitions";
import type { AnyDefinition } from "./definition";

/**
 * Every resource type the runtime serves, by type name, from provider/definitions/index.ts: the
 * runtime never loads the resource classes a program constructs.
 */
export const definitions = new Map<string, AnyDefinition>(resourceDefinitions.map((def) => [def.type, def]));
