// The quickstart: a small but real Clerk configuration, declared in code.
// `npm run demo` runs `pulumi up` of this program against the built-in emulator; with a Clerk
// development instance, set `clerk:secretKey` (as a secret) and run `pulumi up` yourself.
import * as clerk from "pulumi-clerk";

// Where a native app may be sent back to after OAuth sign-in.
const callback = new clerk.RedirectUrl("expo-callback", { url: "myapp://oauth-callback" });

// Only these people may sign up while the instance is invite-only.
const founders = ["ceo@example.com", "cto@example.com"].map(
  (identifier) => new clerk.AllowlistIdentifier(identifier.split("@")[0] ?? identifier, { identifier }),
);

// Someone who must never get in.
new clerk.BlocklistIdentifier("spammer", { identifier: "spam@example.net" });

// Session tokens for Supabase row-level security.
const supabase = new clerk.JwtTemplate("supabase", {
  name: "supabase",
  claims: { role: "authenticated", email: "{{user.primary_email_address}}" },
  lifetime: 60,
});

export const redirectUrlId = callback.id;
export const allowlisted = founders.map((f) => f.identifier);
export const supabaseTemplateId = supabase.id;
