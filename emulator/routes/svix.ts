import { ClerkErrorAnswer } from "../errors";
import { randomString } from "../ids";
import type { Route } from "../router";
import type { Store } from "../store";
import { ok } from "./common";

// The instance's Svix app. The spec declares only 400 as an error for these operations; the error codes
// below are the emulator's own (Clerk's are not documented), and clients must not depend on them.

/** A fresh, temporary sign-in link to the Svix dashboard (a token in the URL, like Svix's app portal). */
const dashboardUrl = () => ok({ svix_url: `https://app.svix.com/login#key=${randomString(48)}` });

const refused = (code: string, longMessage: string) =>
  new ClerkErrorAnswer(400, [{ code, message: "bad request", long_message: longMessage }]);

const requireApp = (store: Store) => {
  if (!store.svix.get().enabled)
    throw refused("svix_app_missing", "This instance has no Svix app: create one first.");
};

export const svixRoutes: Route[] = [
  {
    method: "POST",
    path: "/webhooks/svix",
    handler: ({ store }) => {
      if (store.svix.get().enabled) throw refused("svix_app_exists", "This instance already has a Svix app.");
      store.svix.set({ enabled: true });
      return dashboardUrl();
    },
  },
  {
    method: "DELETE",
    path: "/webhooks/svix",
    handler: ({ store }) => {
      requireApp(store);
      store.svix.set({ enabled: false });
      return { status: 204 };
    },
  },
  {
    method: "POST",
    path: "/webhooks/svix_url",
    handler: ({ store }) => {
      requireApp(store);
      return dashboardUrl();
    },
  },
];
