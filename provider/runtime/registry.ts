import { allowlistIdentifierDefinition } from "../resources/allowlist-identifier";
import { blocklistIdentifierDefinition } from "../resources/blocklist-identifier";
import { jwtTemplateDefinition } from "../resources/jwt-template";
import { redirectUrlDefinition } from "../resources/redirect-url";
import type { AnyDefinition } from "./definition";

/** Every resource type the runtime serves, by type name. Adding a resource = one file + one line here. */
export const definitions = new Map<string, AnyDefinition>(
  [
    allowlistIdentifierDefinition,
    blocklistIdentifierDefinition,
    jwtTemplateDefinition,
    redirectUrlDefinition,
  ].map((d) => [d.type, d as AnyDefinition]),
);
