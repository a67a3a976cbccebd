// Imports nothing: the provider and the emulator share this list (each fact written once).

/**
 * The social (OAuth) providers Clerk offers, each a `connection_oauth_<provider>` key of the
 * configuration document. A name outside this list fails at preview.
 */
export const SOCIAL_PROVIDERS = [
  "apple",
  "atlassian",
  "bitbucket",
  "box",
  "coinbase",
  "discord",
  "dropbox",
  "enstall",
  "expressen",
  "facebook",
  "github",
  "gitlab",
  "google",
  "hubspot",
  "huggingface",
  "instagram",
  "line",
  "linear",
  "linkedin",
  "linkedin_oidc",
  "microsoft",
  "notion",
  "slack",
  "spotify",
  "tiktok",
  "twitch",
  "twitter",
  "vercel",
  "x",
  "xero",
] as const;
