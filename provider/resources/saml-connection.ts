import * as pulumi from "@pulumi/pulumi";
import type { SamlProvider } from "../../sdk/schemas/providers";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";

// Shapes shared with enterprise-connection.ts (its `saml` block has the same fields).

export interface AttributeMapping {
  userId?: string;
  emailAddress?: string;
  firstName?: string;
  lastName?: string;
}

export interface LoginHint {
  mode: "email_address" | "custom_attribute" | "off";
  /** The user public_metadata key, when `mode` is `custom_attribute`. */
  source?: string;
}

/** What a certificate output says about its validity. */
export interface CertificateValidity {
  /** NotBefore, Unix milliseconds. */
  issuedAt?: number;
  /** NotAfter, Unix milliseconds: rotate before this. */
  expiresAt?: number;
}

/**
 * The mapping of certificates.ts in a program, before Pulumi records the inputs: an Output keeps a
 * certificate passed as a secret a secret (the engine re-marks secrets by input name, and
 * `idpCertificate` would be gone).
 * @internal
 */
export function singularCertificateArg<
  T extends { idpCertificate?: pulumi.Input<string>; idpCertificates?: pulumi.Input<pulumi.Input<string>[]> },
>(args: T): T {
  // Both set: left as is for check to refuse by name.
  if (args.idpCertificate === undefined || args.idpCertificates !== undefined) return args;
  const { idpCertificate, ...rest } = args;
  return { ...rest, idpCertificates: pulumi.output(idpCertificate).apply((c) => [c]) } as unknown as T;
}

export interface SamlConnectionArgs extends InstanceArgs {
  /** Display name. Updated in place. */
  name: pulumi.Input<string>;
  /** Email domains whose users sign in through this connection (at least one; lowercased; compared as a set). */
  domains: pulumi.Input<pulumi.Input<string>[]>;
  /** `saml_custom`, `saml_okta`, `saml_google` or `saml_microsoft`. Changing it replaces the connection. */
  provider: pulumi.Input<SamlProvider>;
  /** The IdP's entity id (issuer). */
  idpEntityId?: pulumi.Input<string>;
  /** The IdP's single sign-on URL. */
  idpSsoUrl?: pulumi.Input<string>;
  /**
   * The IdP's X.509 signing certificate (PEM). Deprecated by Clerk in favour of `idpCertificates`; set one
   * or the other. Recorded as `idpCertificates: [idpCertificate]`; as an output, the first certificate.
   */
  idpCertificate?: pulumi.Input<string>;
  /**
   * The IdP's X.509 signing certificates (PEM) Clerk trusts, replacing the whole list. Several at once
   * rotate a certificate without downtime: add the new one, switch the IdP, then remove the old one.
   * Compared as a set, ignoring whitespace; refresh sees a certificate changed in the dashboard.
   */
  idpCertificates?: pulumi.Input<pulumi.Input<string>[]>;
  /** The IdP's metadata URL; takes priority over the individual `idp*` fields. */
  idpMetadataUrl?: pulumi.Input<string>;
  /** The IdP's metadata XML; takes priority over the individual `idp*` fields. */
  idpMetadata?: pulumi.Input<string>;
  /** Organization that users signing in through this connection join. */
  organizationId?: pulumi.Input<string>;
  /** SAML attribute names for Clerk's user fields; fields left out are Clerk's to choose. */
  attributeMapping?: pulumi.Input<AttributeMapping>;
  /** Ask the IdP to re-authenticate the user on every sign-in. */
  forceAuthn?: pulumi.Input<boolean>;
  /** How the login hint is filled: `{ mode: "email_address" | "custom_attribute" | "off", source? }`. */
  loginHint?: pulumi.Input<LoginHint>;
  /** Whether users can sign in through the connection (needs the IdP configured). */
  active?: pulumi.Input<boolean>;
  /** Update user attributes from the IdP at every sign-in. */
  syncUserAttributes?: pulumi.Input<boolean>;
  /** Accept email addresses on subdomains of `domains`. */
  allowSubdomains?: pulumi.Input<boolean>;
  /** Accept IdP-initiated sign-ins. */
  allowIdpInitiated?: pulumi.Input<boolean>;
  /** Stop users of this connection from adding other identifications. */
  disableAdditionalIdentifications?: pulumi.Input<boolean>;
  /** Let users link the connection to an existing organization account. */
  allowOrganizationAccountLinking?: pulumi.Input<boolean>;
  /** Adopt an existing SAML connection with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * Settable only by PATCH: create is a POST then a PATCH with these (used by the definition; here so
 * that the class lists its outputs without loading the definition).
 * @internal
 */
export const SAML_CONNECTION_FLAGS = [
  "active",
  "syncUserAttributes",
  "allowSubdomains",
  "allowIdpInitiated",
  "disableAdditionalIdentifications",
  "allowOrganizationAccountLinking",
] as const;

/**
 * A SAML connection (enterprise SSO through a SAML identity provider).
 *
 * **Deprecated at Clerk**: every SAML connection endpoint is deprecated in favour of enterprise
 * connections; prefer `EnterpriseConnection` for new setups. Offered for instances that still use them.
 *
 * `provider` cannot change: changing it deletes the connection and creates a new one (in that order,
 * since Clerk rejects two connections on the same domain). Everything else updates in place. The flags
 * Clerk only accepts on update (`active`, `syncUserAttributes`, `allowSubdomains`, `allowIdpInitiated`,
 * `disableAdditionalIdentifications`, `allowOrganizationAccountLinking`) are applied right after
 * creation; if that fails the new connection is deleted again, so nothing is left behind untracked.
 * Refresh sees every argument (Clerk returns them all) and deletions.
 */
export class SamlConnection extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly domains: pulumi.Output<string[]>;
  declare readonly provider: pulumi.Output<string>;
  declare readonly idpEntityId: pulumi.Output<string | undefined>;
  declare readonly idpSsoUrl: pulumi.Output<string | undefined>;
  declare readonly idpCertificates: pulumi.Output<string[]>;
  declare readonly idpMetadataUrl: pulumi.Output<string | undefined>;
  declare readonly idpMetadata: pulumi.Output<string | undefined>;
  declare readonly organizationId: pulumi.Output<string | undefined>;
  declare readonly attributeMapping: pulumi.Output<AttributeMapping>;
  declare readonly forceAuthn: pulumi.Output<boolean>;
  declare readonly loginHint: pulumi.Output<LoginHint | undefined>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly syncUserAttributes: pulumi.Output<boolean>;
  declare readonly allowSubdomains: pulumi.Output<boolean>;
  declare readonly allowIdpInitiated: pulumi.Output<boolean>;
  declare readonly disableAdditionalIdentifications: pulumi.Output<boolean>;
  declare readonly allowOrganizationAccountLinking: pulumi.Output<boolean>;
  /** Assertion consumer service URL to give the IdP. */
  declare readonly acsUrl: pulumi.Output<string>;
  /** Service provider entity id to give the IdP. */
  declare readonly spEntityId: pulumi.Output<string>;
  declare readonly spMetadataUrl: pulumi.Output<string>;
  declare readonly userCount: pulumi.Output<number>;
  /** NotBefore of the IdP certificate, Unix milliseconds. */
  declare readonly idpCertificateIssuedAt: pulumi.Output<number | undefined>;
  /** NotAfter of the IdP certificate, Unix milliseconds. */
  declare readonly idpCertificateExpiresAt: pulumi.Output<number | undefined>;
  /** Validity of each certificate in `idpCertificates`, as Clerk read it (same order as Clerk's list). */
  declare readonly idpCertificatesValidity: pulumi.Output<CertificateValidity[] | undefined>;
  /** The enterprise connection that wraps this legacy connection, if any. */
  declare readonly enterpriseConnectionId: pulumi.Output<string | undefined>;
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: SamlConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<SamlConnection>()([
      "name",
      "domains",
      "provider",
      "idpEntityId",
      "idpSsoUrl",
      "idpCertificates",
      "idpMetadataUrl",
      "idpMetadata",
      "organizationId",
      "attributeMapping",
      "forceAuthn",
      "loginHint",
      "active",
      "syncUserAttributes",
      "allowSubdomains",
      "allowIdpInitiated",
      "disableAdditionalIdentifications",
      "allowOrganizationAccountLinking",
      "acsUrl",
      "spEntityId",
      "spMetadataUrl",
      "userCount",
      "idpCertificateIssuedAt",
      "idpCertificateExpiresAt",
      "idpCertificatesValidity",
      "enterpriseConnectionId",
      "createdAt",
      "updatedAt",
    ]);
    super("SamlConnection", name, args && singularCertificateArg(args), opts, outputs);
  }
}
