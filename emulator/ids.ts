import { randomBytes } from "node:crypto";

/**
 * Id prefixes. The spec documents only `ins_`, `org_`, `user_`…; for the rest we pick stable, readable
 * prefixes so a log or a test failure says what kind of object an id names.
 */
export const ID_PREFIX = {
  allowlistIdentifier: "alid",
  blocklistIdentifier: "blid",
  redirectUrl: "ru",
  jwtTemplate: "jtmp",
  samlConnection: "samlc",
  enterpriseConnection: "entc",
  oauthConfig: "oac",
  oauthApplication: "oa",
  domain: "dmn",
  role: "role",
  permission: "perm",
  roleSet: "rs",
  invitation: "inv",
  instance: "ins",
  organization: "org",
  organizationDomain: "orgdmn",
  machine: "mch",
  scimDirectory: "scimdir",
  scimGroupRoleMapping: "scimgrm",
} as const;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `<prefix>_<27 base62 chars>`, the shape of Clerk's documented ids (`^ins_\w{27}$`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomString(27)}`;
}

export function randomString(length: number, alphabet = ALPHABET): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A fixed id for seeded objects, padded to the same 27-character shape. */
export function stableId(prefix: string, name: string): string {
  return `${prefix}_${name.padEnd(27, "0").slice(0, 27)}`;
}
