import * as pulumi from "@pulumi/pulumi";
import type { EnterpriseConnectionProvider } from "../../sdk/schemas/providers";
import { singularCertificate } from "../certificates";
import { ClerkResource, type InstanceArgs, outputNames } from "../resource-base";
import type { AttributeMapping, LoginHint } from "./saml-connection";

// The providers Clerk's spec accepts (one list for client and provider).
type Provider = EnterpriseConnectionProvider;

/** IdP settings of a SAML connection (providers `saml_*`). */
export interface EnterpriseSamlArgs {
  idpEntityId?: pulumi.Input<string>;
  idpSsoUrl?: pulumi.Input<string>;
  /**
   * IdP signing certificate (PEM). Deprecated by Clerk in favour of `idpCertificates`; set one or the
   * other. Recorded as `idpCertificates: [idpCertificate]`.
   */
  idpCertificate?: pulumi.Input<string>;
  /**
   * IdP signing certificates (PEM) Clerk trusts, replacing the whole list. Several at once rotate a
   * certificate without downtime: add the new one, switch the IdP, then remove the old one. Compared as a
   * set ignoring whitespace; refresh sees a certificate changed in the dashboard.
   */
  idpCertificates?: pulumi.Input<pulumi.Input<string>[]>;
  /** Takes priority over the individual `idp*` fields. */
  idpMetadataUrl?: pulumi.Input<string>;
  /** Raw IdP metadata XML. Write-only at Clerk. */
  idpMetadata?: pulumi.Input<string>;
  /** SAML attribute names for Clerk's user fields. Write-only at Clerk. */
  attributeMapping?: pulumi.Input<AttributeMapping>;
  allowSubdomains?: pulumi.Input<boolean>;
  allowIdpInitiated?: pulumi.Input<boolean>;
  forceAuthn?: pulumi.Input<boolean>;
  loginHint?: pulumi.Input<LoginHint>;
}

/** Settings of an OIDC connection (providers `oidc_*`). */
export interface EnterpriseOidcArgs {
  clientId?: pulumi.Input<string>;
  /** Write-only at Clerk; the whole `oidc` block is kept encrypted in state because of it. */
  clientSecret?: pulumi.Input<string>;
  /** The IdP's `.well-known/openid-configuration` URL; Clerk resolves the endpoints from it. */
  discoveryUrl?: pulumi.Input<string>;
  authUrl?: pulumi.Input<string>;
  tokenUrl?: pulumi.Input<string>;
  userInfoUrl?: pulumi.Input<string>;
  /** Must be true for a public client without a secret. */
  requiresPkce?: pulumi.Input<boolean>;
}

export interface EnterpriseCustomAttributeArgs {
  name: pulumi.Input<string>;
  /** Letters, digits, `_` and `-`, not starting with `_`. */
  key: pulumi.Input<string>;
  ssoPath?: pulumi.Input<string>;
  directoryPath?: pulumi.Input<string>;
  multiValued?: pulumi.Input<boolean>;
}

export interface EnterpriseConnectionArgs extends InstanceArgs {
  /** Display name. Updated in place. */
  name: pulumi.Input<string>;
  /** `saml_custom`, `saml_okta`, `saml_google`, `saml_microsoft`, `oidc_custom`, `oidc_github_enterprise` or `oidc_gitlab`. Changing it replaces the connection. */
  provider: pulumi.Input<Provider>;
  /** Email domains routed to this connection: at least one; lowercased; compared as a set. */
  domains: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Organization the connection belongs to. Setting or changing it updates in place; removing it
   * replaces the connection, because Clerk cannot unlink an organization.
   */
  organizationId?: pulumi.Input<string>;
  /** Whether users can sign in through the connection (needs the IdP configured in `saml` / `oidc`). */
  active?: pulumi.Input<boolean>;
  allowOrganizationAccountLinking?: pulumi.Input<boolean>;
  /** Update user attributes from the IdP at every sign-in. Applied right after creation. */
  syncUserAttributes?: pulumi.Input<boolean>;
  /** Stop users of this connection from adding other identifications. Applied right after creation. */
  disableAdditionalIdentifications?: pulumi.Input<boolean>;
  /** Allow sign-in and sign-up through the connection (needs Clerk's authenticatable connections feature). */
  authenticatable?: pulumi.Input<boolean>;
  /** Do not create users just in time on their first sign-in through the connection. */
  disableJitProvisioning?: pulumi.Input<boolean>;
  /**
   * SAML settings; only for `saml_*` providers. Refresh sees them, except `idpMetadata` and
   * `attributeMapping`, which Clerk never returns (kept from state). Only the settings declared here count.
   */
  saml?: pulumi.Input<EnterpriseSamlArgs>;
  /** OIDC settings; only for `oidc_*` providers. Kept from state and encrypted (it holds the client secret). */
  oidc?: pulumi.Input<EnterpriseOidcArgs>;
  /** Custom user attributes mapped from the IdP (needs the feature enabled on the instance). Compared as a set. */
  customAttributes?: pulumi.Input<pulumi.Input<EnterpriseCustomAttributeArgs>[]>;
  /** Adopt an existing enterprise connection with this Clerk id instead of creating one. */
  importId?: pulumi.Input<string>;
}

/**
 * An enterprise SSO connection through a SAML or OIDC identity provider (Clerk's successor to
 * `SamlConnection`).
 *
 * Replacements (the old connection is deleted first, as Clerk rejects two connections on one domain):
 * changing `provider`, and removing `organizationId` (Clerk can link an organization but never unlink
 * it). Everything else updates in place; `syncUserAttributes` and `disableAdditionalIdentifications`
 * are applied right after creation, and if that fails the new connection is deleted again.
 *
 * What refresh sees: `name`, `domains`, `organizationId`, the flags, `customAttributes`, the `saml`
 * settings (IdP certificates included, so a certificate replaced in the dashboard shows up), deletions,
 * and the live IdP settings in the `samlConnection` / `oauthConfig` outputs. What it cannot see, because
 * Clerk never returns it: `saml.idpMetadata`, `saml.attributeMapping` and the whole `oidc` block (its
 * client secret); those are kept as declared from state, and a dashboard change to them is not undone by
 * `pulumi up` (compare `oidc` with the `oauthConfig` output).
 *
 * Secrets: `oidc` is registered as a secret input and a secret output, so the client secret is encrypted
 * in state (the engine keeps secrecy per top-level key); the non-secret parts are readable in
 * `oauthConfig`.
 */
export class EnterpriseConnection extends ClerkResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly provider: pulumi.Output<Provider>;
  declare readonly domains: pulumi.Output<string[]>;
  declare readonly organizationId: pulumi.Output<string | undefined>;
  /** True once an organization is linked (derived from `organizationId`; losing it forces a replacement). */
  declare readonly organizationLinked: pulumi.Output<boolean | undefined>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly allowOrganizationAccountLinking: pulumi.Output<boolean>;
  declare readonly syncUserAttributes: pulumi.Output<boolean>;
  declare readonly disableAdditionalIdentifications: pulumi.Output<boolean>;
  declare readonly authenticatable: pulumi.Output<boolean>;
  declare readonly disableJitProvisioning: pulumi.Output<boolean>;
  // Written with the public argument types, not the zod-derived ones, so that the declarations a
  // program type-checks against import nothing from zod (the arguments check keeps them equal).
  declare readonly saml: pulumi.Output<pulumi.Unwrap<EnterpriseSamlArgs> | undefined>;
  declare readonly oidc: pulumi.Output<pulumi.Unwrap<EnterpriseOidcArgs> | undefined>;
  declare readonly customAttributes: pulumi.Output<pulumi.Unwrap<EnterpriseCustomAttributeArgs>[]>;
  declare readonly logoPublicUrl: pulumi.Output<string | undefined>;
  /** SAML only: the assertion consumer service URL to give the IdP. */
  declare readonly acsUrl: pulumi.Output<string | undefined>;
  /** SAML only: the service provider entity id to give the IdP. */
  declare readonly spEntityId: pulumi.Output<string | undefined>;
  declare readonly spMetadataUrl: pulumi.Output<string | undefined>;
  /** SAML only: NotAfter of the first IdP certificate, Unix milliseconds (rotate before it). */
  declare readonly idpCertificateExpiresAt: pulumi.Output<number | undefined>;
  /** SAML only: Clerk's live view of the SAML settings (no metadata or mapping), with each certificate's validity. */
  declare readonly samlConnection: pulumi.Output<Record<string, unknown> | undefined>;
  /** OIDC only: Clerk's live view of the OIDC settings, endpoints resolved (no client secret). */
  declare readonly oauthConfig: pulumi.Output<Record<string, unknown> | undefined>;
  /** Unix milliseconds. */
  declare readonly createdAt: pulumi.Output<number>;
  declare readonly updatedAt: pulumi.Output<number>;

  constructor(name: string, args: EnterpriseConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = outputNames<EnterpriseConnection>()([
      "name",
      "provider",
      "domains",
      "organizationId",
      "organizationLinked",
      "active",
      "allowOrganizationAccountLinking",
      "syncUserAttributes",
      "disableAdditionalIdentifications",
      "authenticatable",
      "disableJitProvisioning",
      "saml",
      "oidc",
      "customAttributes",
      "logoPublicUrl",
      "acsUrl",
      "spEntityId",
      "spMetadataUrl",
      "idpCertificateExpiresAt",
      "samlConnection",
      "oauthConfig",
      "createdAt",
      "updatedAt",
    ]);
    // A secret input too, not only a secret output: refresh records inputs, and the engine re-marks them
    // secret only by the key's secrecy in the previous inputs.
    const withSecretOidc = args?.oidc === undefined ? args : { ...args, oidc: pulumi.secret(args.oidc) };
    // The deprecated singular certificate as a list of one, inside an Output so that a secret stays one.
    const withCertificates =
      withSecretOidc?.saml === undefined
        ? withSecretOidc
        : {
            ...withSecretOidc,
            saml: pulumi.output(withSecretOidc.saml).apply((s) => (s ? singularCertificate(s) : s)),
          };
    super("EnterpriseConnection", name, withCertificates, opts, outputs, ["oidc"]);
  }
}
