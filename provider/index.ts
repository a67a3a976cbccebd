/**
 * pulumi-clerk: Clerk's configuration as Pulumi resources.
 *
 * Credentials come from stack config (`pulumi config set --secret clerk:secretKey sk_…`,
 * `clerk:apiUrl`, `clerk:apiVersion`) or the environment (`CLERK_SECRET_KEY`, `CLERK_API_URL`).
 */
export { AllowlistIdentifier, type AllowlistIdentifierArgs } from "./resources/allowlist-identifier";
export { BlocklistIdentifier, type BlocklistIdentifierArgs } from "./resources/blocklist-identifier";
export { JwtTemplate, type JwtTemplateArgs } from "./resources/jwt-template";
export { RedirectUrl, type RedirectUrlArgs } from "./resources/redirect-url";
