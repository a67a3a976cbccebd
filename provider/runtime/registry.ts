import * as resources from "../index";
import { ClerkResource } from "../resource-base";
import type { AnyDefinition } from "./definition";

/**
 * Every resource type the runtime serves, by type name: the definition of each resource class the
 * package exports, so adding a resource is one file and one export line in provider/index.ts.
 */
export const definitions = new Map<string, AnyDefinition>(
  Object.entries(resources)
    // The package also exports lookups (functions) and types: only resource classes are served.
    .filter(([, value]) => typeof value === "function" && value.prototype instanceof ClerkResource)
    .map(([name, value]) => {
      const resource = value as unknown as typeof ClerkResource;
      // The base class only declares it: a class that forgets `static override readonly definition`
      // must fail here, by name, not later with an unknown type.
      const def = resource.definition as AnyDefinition | undefined;
      if (!def) throw new Error(`pulumi-clerk: resource class ${name} has no static definition`);
      return [def.type, def];
    }),
);
