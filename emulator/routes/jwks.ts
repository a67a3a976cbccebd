import { generateKeyPairSync, type JsonWebKey } from "node:crypto";
import type { Route } from "../router";
import type { Store } from "../store";
import { ok } from "./common";

/**
 * The instance's public signing key as a JSON Web Key Set, as `GET /jwks` answers: one RSA key for
 * RS256 signatures, whose `kid` is the instance id (the `kid` Clerk's session tokens carry). The
 * emulator signs no tokens, so a key pair made once per emulated instance is enough; only the public
 * half ever leaves it.
 */
const keys = new WeakMap<Store, JsonWebKey>();

function publicJwk(store: Store): JsonWebKey {
  let jwk = keys.get(store);
  if (!jwk) {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    jwk = publicKey.export({ format: "jwk" });
    keys.set(store, jwk);
  }
  return jwk;
}

export const jwksRoutes: Route[] = [
  {
    method: "GET",
    path: "/jwks",
    handler: ({ store }) => {
      const { n, e } = publicJwk(store);
      return ok({ keys: [{ use: "sig", kty: "RSA", kid: store.instanceId, alg: "RS256", n, e }] });
    },
  },
];
