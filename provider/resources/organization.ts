import type * as pulumi from "@pulumi/pulumi";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

export interface OrganizationArgs extends InstanceArgs {
  /** Display name, at most 256 characters, no URLs or HTML. Updated in place. */
  name: pulumi.Input<string>;
  /**
   * Unique slug (lowercase letters, digits and `-`). Clerk derives one from the name when left out.
   * Updated in place. Also the key by which a create whose answer was lost finds what it made.
   */
  slug?: pulumi.Input<string>;
  /** Most members the organization may have; `0` means unlimited. The instance default when left out. */
  maxAllowedMemberships?: pulumi.Input<number>;
  /** Whether an admin may delete the organization from the frontend. Clerk's default when left out. */
  adminDeleteEnabled?: pulumi.Input<boolean>;
  /**
   * Metadata readable from the frontend, writable only from the backend. Converges exactly: keys
   * removed from the program are removed at Clerk. Left out: Clerk's value is kept (your app may write it).
   */
  publicMetadata?: pulumi.Input<Record<string, unknown>>;
  /**
   * Metadata readable only from the backend. Same rules as `publicMetadata`. Not a secret by default
   * (previews show it); wrap it in `pulumi.secret(...)` to keep it encrypted in state.
   */
  privateMetadata?: pulumi.Input<Record<string, unknown>>;
  /** Key of the role set the organization uses. Clerk's default when left out. */
  roleSetKey?: pulumi.Input<string>;
  /**
   * Id of the user (`user_…`) who becomes the organization's first admin. Create-time only: a later
   * change is ignored (it is not an ownership transfer).
   */
  createdBy?: pulumi.Input<string>;
  /** Adopt an existing organization with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * An organization the product ships with (a company's own tenant, a demo or support organization):
 * its name, slug, limits and metadata. Customer organizations created by sign-ups are not meant to be
 * declared here.
 *
 * Every argument updates in place; `createdBy` counts only at creation. Destroying it deletes the
 * organization with its memberships, invitations and domains (Clerk cannot undo this). Organizations
 * must be enabled for the instance first (`OrganizationSettings` with `enabled: true`).
 */
export class Organization extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  /** The slug, Clerk's when the program declares none. */
  declare readonly slug: pulumi.Output<string>;
  declare readonly maxAllowedMemberships: pulumi.Output<number>;
  declare readonly adminDeleteEnabled: pulumi.Output<boolean>;
  declare readonly publicMetadata: pulumi.Output<Record<string, unknown>>;
  declare readonly privateMetadata: pulumi.Output<Record<string, unknown>>;
  declare readonly roleSetKey: pulumi.Output<string | undefined>;
  declare readonly createdBy: pulumi.Output<string | undefined>;
  declare readonly imageUrl: pulumi.Output<string | undefined>;
  declare readonly hasImage: pulumi.Output<boolean>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: OrganizationArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<Organization>()([
      "name",
      "slug",
      "maxAllowedMemberships",
      "adminDeleteEnabled",
      "publicMetadata",
      "privateMetadata",
      "roleSetKey",
      "createdBy",
      "imageUrl",
      "hasImage",
      "createdAt",
      "updatedAt",
    ]);
    super("Organization", name, args, opts, outputs);
  }
}
