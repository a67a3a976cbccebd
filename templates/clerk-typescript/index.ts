// A Clerk instance's configuration as code. `pulumi preview` shows what would change, `pulumi up`
// applies it, `pulumi refresh` finds what was changed by hand in the Clerk Dashboard.
// The provider reads the instance's secret key from `clerk:secretKey` (set it with --secret) or from
// CLERK_SECRET_KEY.
import * as clerk from "pulumi-clerk";

// Where Clerk may send users back to after an OAuth sign-in from a native app.
const callback = new clerk.RedirectUrl("app-callback", { url: "myapp://oauth-callback" });

// Someone who may sign up while the instance is invite-only.
new clerk.AllowlistIdentifier("founder", { identifier: "founder@example.com" });

// Session tokens carrying the claims your backend reads.
const session = new clerk.JwtTemplate("backend", {
  name: "backend",
  claims: { email: "{{user.primary_email_address}}" },
  lifetime: 60,
});

export const redirectUrlId = callback.id;
export const jwtTemplateId = session.id;
