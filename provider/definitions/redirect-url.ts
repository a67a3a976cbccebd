import { z } from "zod";
import type { RedirectUrlObject } from "../../sdk/schemas";
import { redirectUrl } from "../inputs";
import type { RedirectUrlArgs } from "../resources/redirect-url";
import type { ArgsCheck, ArgsMatchSchema } from "../runtime/args-check";
import type { ResourceDefinition } from "../runtime/definition";
import { onlyMatch } from "../runtime/natural-key";
import { orUndefined } from "../runtime/not-found";

const inputs = z.strictObject({ url: redirectUrl });

type Inputs = z.output<typeof inputs>;

type _ArgsMatch = ArgsCheck<ArgsMatchSchema<RedirectUrlArgs, typeof inputs>>;

/** @internal */
export const redirectUrlDefinition: ResourceDefinition<Inputs, RedirectUrlObject> = {
  type: "RedirectUrl",
  inputs,
  replaceOnChange: ["url"],
  // A replacement changes the url, so the new object is made before the old one goes (no moment
  // without a callback); a program moving the url to another of its resources still works (uniqueKey).
  uniqueKey: ["url"],
  id: (api) => api.id,
  toInputs: (api) => ({ url: api.url }),
  toComputed: (api) => ({ createdAt: api.created_at, updatedAt: api.updated_at }),
  create: ({ client }, inputs) => client.redirectUrls.create({ url: inputs.url }),
  findExisting: async ({ client }, inputs) =>
    onlyMatch(await client.redirectUrls.list(), (x) => x.url === inputs.url),
  readFromListing: true,
  read: ({ client }, id) => orUndefined(client.redirectUrls.get(id)),
  delete: async ({ client }, id) => {
    await client.redirectUrls.delete(id);
  },
  export: { title: "Redirect URLs", list: ({ client }) => client.redirectUrls.list(), key: (api) => api.url },
};
