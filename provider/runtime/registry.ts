import * as resources from "../index";
import type { AnyDefinition } from "./definition";

/**
 * Every resource type the runtime serves, by type name: the definition of each resource class the
 * package exports, so adding a resource is one file and one export line in provider/index.ts.
 */
export const definitions = new Map<string, AnyDefinition>(
  Object.values(resources).map((resource) => [resource.definition.type, resource.definition]),
);
