import { allowlistIdentifierDefinition } from "../resources/allowlist-identifier";
import { blocklistIdentifierDefinition } from "../resources/blocklist-identifier";
import { domainDefinition } from "../resources/domain";
import { enterpriseConnectionDefinition } from "../resources/enterprise-connection";
import { instanceCommunicationDefinition } from "../resources/instance-communication";
import { instanceProtectDefinition } from "../resources/instance-protect";
import { instanceRestrictionsDefinition } from "../resources/instance-restrictions";
import { instanceSettingsDefinition } from "../resources/instance-settings";
import { jwtTemplateDefinition } from "../resources/jwt-template";
import { oauthApplicationDefinition } from "../resources/oauth-application";
import { oauthApplicationSettingsDefinition } from "../resources/oauth-application-settings";
import { organizationSettingsDefinition } from "../resources/organization-settings";
import { redirectUrlDefinition } from "../resources/redirect-url";
import { samlConnectionDefinition } from "../resources/saml-connection";
import type { AnyDefinition } from "./definition";

/**
 * Every resource type the runtime serves, by type name. Adding a resource = one file + one line here.
 * The order is that of an exported program: the instance-wide settings first, then the collections.
 */
export const definitions = new Map<string, AnyDefinition>(
  [
    instanceSettingsDefinition,
    instanceRestrictionsDefinition,
    organizationSettingsDefinition,
    oauthApplicationSettingsDefinition,
    instanceCommunicationDefinition,
    instanceProtectDefinition,
    domainDefinition,
    redirectUrlDefinition,
    allowlistIdentifierDefinition,
    blocklistIdentifierDefinition,
    jwtTemplateDefinition,
    oauthApplicationDefinition,
    enterpriseConnectionDefinition,
    samlConnectionDefinition,
  ].map((d) => [d.type, d as AnyDefinition]),
);
