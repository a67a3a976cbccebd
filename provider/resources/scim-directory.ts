import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

/** One SCIM group whose members get an organization role. */
export interface ScimGroupRoleMapping {
  /** The group's id at the identity provider. */
  scimGroupId: pulumi.Input<string>;
  /** The organization role's id (e.g. an organization role resource's `id`). */
  roleId: pulumi.Input<string>;
}

export interface ScimDirectoryArgs extends InstanceArgs {
  /** The enterprise connection the directory provisions users for. Changing it replaces the directory. */
  enterpriseConnectionId: pulumi.Input<string>;
  /** The identity provider (e.g. `okta`). Updated in place. */
  provider: pulumi.Input<string>;
  /** A human-friendly name (Clerk picks one when left out). Updated in place. */
  name?: pulumi.Input<string>;
  /** Whether the directory accepts SCIM requests (Clerk's default: true). */
  enabled?: pulumi.Input<boolean>;
  /** Whether SCIM groups map to organization roles; must be true for `groupRoleMappings`. */
  groupRoleMappingEnabled?: pulumi.Input<boolean>;
  /**
   * User attributes → the SCIM attribute paths they are read from. Only the declared keys count:
   * Clerk keeps (and refresh ignores) the others; removing a key from the program leaves it in Clerk.
   */
  attributeMapping?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Which organization role members of each SCIM group get. The ORDER is the precedence: when a user
   * is in several mapped groups, the earliest mapping wins. Replaced as a whole on change; `[]` removes
   * every mapping; leaving the argument out leaves Clerk's mappings as they are.
   */
  groupRoleMappings?: pulumi.Input<pulumi.Input<ScimGroupRoleMapping>[]>;
  /**
   * Rotation trigger: any number or string. Whenever it differs from the value recorded in state
   * (including when first set), `pulumi up` rotates the directory's API key and `apiKey` holds the new
   * one (Clerk keeps the previous one valid for a short grace period). Never sent to Clerk.
   */
  rotateApiKey?: pulumi.Input<number | string>;
  /**
   * Adopt an existing directory with this Clerk id. Clerk never shows an existing API key again, so an
   * adopted directory has no `apiKey` until `rotateApiKey` is set.
   */
  importId?: pulumi.Input<string>;
}

/**
 * A SCIM directory: provisions users (and, with group-to-role mappings, their organization roles) from
 * an identity provider through an enterprise connection.
 *
 * Every argument but `enterpriseConnectionId` updates in place. `apiKey` (a secret output) is returned
 * by Clerk only at creation and rotation, so it is kept from state; change `rotateApiKey` for a new one.
 * Refresh reads the directory and its mappings (two requests) and cannot see a key rotated outside Pulumi.
 * No official Clerk client models SCIM directories yet: this follows Clerk's OpenAPI spec only.
 */
export class ScimDirectory extends ClerkResource {
  declare readonly enterpriseConnectionId: pulumi.Output<string>;
  declare readonly provider: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly enabled: pulumi.Output<boolean>;
  declare readonly groupRoleMappingEnabled: pulumi.Output<boolean>;
  declare readonly attributeMapping: pulumi.Output<Record<string, string>>;
  declare readonly groupRoleMappings: pulumi.Output<{ scimGroupId: string; roleId: string }[]>;
  declare readonly rotateApiKey: pulumi.Output<number | string | undefined>;
  /** The key the identity provider authenticates its SCIM requests with (a secret output); unset for an adopted directory until `rotateApiKey` is set. */
  declare readonly apiKey: pulumi.Output<string | undefined>;
  /** The SCIM base URL to configure at the identity provider. */
  declare readonly endpointUrl: pulumi.Output<string>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: ScimDirectoryArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<ScimDirectory>()([
      "enterpriseConnectionId",
      "provider",
      "name",
      "enabled",
      "groupRoleMappingEnabled",
      "attributeMapping",
      "groupRoleMappings",
      "rotateApiKey",
      "apiKey",
      "endpointUrl",
      "createdAt",
      "updatedAt",
    ]);
    super("ScimDirectory", name, args, opts, outputs, ["apiKey"]);
  }
}
