import { allowlistIdentifiersApi } from "./endpoints/allowlist-identifiers";
import { blocklistIdentifiersApi } from "./endpoints/blocklist-identifiers";
import { domainsApi } from "./endpoints/domains";
import { enterpriseConnectionsApi } from "./endpoints/enterprise-connections";
import {
  instanceApi,
  instanceCommunicationApi,
  instanceProtectApi,
  instanceRestrictionsApi,
  oauthApplicationSettingsApi,
  organizationSettingsApi,
} from "./endpoints/instance-settings";
import { jwksApi } from "./endpoints/jwks";
import { jwtTemplatesApi } from "./endpoints/jwt-templates";
import { machinesApi } from "./endpoints/machines";
import { oauthApplicationsApi } from "./endpoints/oauth-applications";
import { organizationDomainsApi } from "./endpoints/organization-domains";
import { organizationPermissionsApi } from "./endpoints/organization-permissions";
import { organizationRolesApi } from "./endpoints/organization-roles";
import { organizationsApi } from "./endpoints/organizations";
import { redirectUrlsApi } from "./endpoints/redirect-urls";
import { roleSetsApi } from "./endpoints/role-sets";
import { samlConnectionsApi } from "./endpoints/saml-connections";
import { scimDirectoriesApi } from "./endpoints/scim-directories";
import { svixApi } from "./endpoints/svix";
import type { ClerkLogger } from "./logger";
import { pacedTransport, sharedPacer } from "./pacer";
import { createRequester, type ResponseValidation } from "./request";
import type { RetryConfig } from "./retry";
import { createTransport, DEFAULT_API_URL } from "./transport";

export interface ClerkClientOptions {
  /** `sk_test_…` / `sk_live_…`. Never logged and never part of an error message. */
  secretKey: string;
  /** Default `https://api.clerk.com/v1`; point it at the emulator in tests. */
  apiUrl?: string | undefined;
  /** Sent as `Clerk-API-Version`; default `2026-05-12`. */
  apiVersion?: string | undefined;
  /** Replaces the default `pulumi-clerk/<version>`. */
  userAgent?: string | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number | undefined;
  /** Defaults for every call (each call may override); `false` disables retries. */
  retry?: Partial<RetryConfig> | false | undefined;
  logger?: ClerkLogger | undefined;
  /**
   * Pace requests to the instance's rate limit with every other client of the same instance in this
   * process (sdk/pacer.ts; default true). `false`: each call waits out its own 429s.
   */
  pace?: boolean | undefined;
  /** What a 2xx body that does not match its schema does: throw (default), warn and pass it on, or nothing. */
  responseValidation?: ResponseValidation | undefined;
}

export function createClerkClient(options: ClerkClientOptions) {
  const paced = options.pace !== false;
  const direct = createTransport(options);
  const transport = paced
    ? pacedTransport(direct, sharedPacer(options.apiUrl ?? DEFAULT_API_URL, options.secretKey))
    : direct;
  const request = createRequester({
    transport,
    paced,
    retry: options.retry,
    responseValidation: options.responseValidation,
    logger: options.logger,
  });
  return {
    allowlistIdentifiers: allowlistIdentifiersApi(request),
    blocklistIdentifiers: blocklistIdentifiersApi(request),
    redirectUrls: redirectUrlsApi(request),
    jwtTemplates: jwtTemplatesApi(request),
    samlConnections: samlConnectionsApi(request),
    enterpriseConnections: enterpriseConnectionsApi(request),
    oauthApplications: oauthApplicationsApi(request),
    domains: domainsApi(request),
    organizationRoles: organizationRolesApi(request),
    organizationPermissions: organizationPermissionsApi(request),
    roleSets: roleSetsApi(request),
    instance: instanceApi(request),
    instanceRestrictions: instanceRestrictionsApi(request),
    organizationSettings: organizationSettingsApi(request),
    oauthApplicationSettings: oauthApplicationSettingsApi(request),
    instanceCommunication: instanceCommunicationApi(request),
    instanceProtect: instanceProtectApi(request),
    organizations: organizationsApi(request),
    organizationDomains: organizationDomainsApi(request),
    jwks: jwksApi(request),
    machines: machinesApi(request),
    scimDirectories: scimDirectoriesApi(request),
    svix: svixApi(request),
  };
}

export type ClerkClient = ReturnType<typeof createClerkClient>;
