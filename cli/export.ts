/**
 * `pulumi-clerk export`: reads a live Clerk instance and writes a Pulumi TypeScript program that
 * declares every object this provider supports, each with `importId`, so the first `pulumi up` adopts
 * them all (Pulumi's own import does not work for dynamic resources: DESIGN.md rule 5).
 */

import { INSTANCE_COMMUNICATION_ID } from "../provider/resources/instance-communication";
import { INSTANCE_PROTECT_ID } from "../provider/resources/instance-protect";
import { INSTANCE_RESTRICTIONS_ID } from "../provider/resources/instance-restrictions";
import { OAUTH_APPLICATION_SETTINGS_ID } from "../provider/resources/oauth-application-settings";
import { ORGANIZATION_SETTINGS_ID } from "../provider/resources/organization-settings";
import { definitions } from "../provider/runtime/registry";
import {
  ClerkApiError,
  type ClerkClient,
  type Domain,
  type EnterpriseConnection,
  type Instance,
  type InstanceCommunication,
  type InstanceProtect,
  type InstanceRestrictions,
  type JwtTemplate,
  type OAuthApplication,
  type OAuthApplicationSettings,
  type OrganizationSettings,
  type SamlConnection,
  SDK_VERSION,
} from "../sdk";
import type { AllowlistIdentifier, BlocklistIdentifier, RedirectUrl } from "../sdk/schemas";
import { assignNames } from "./names";
import { type ConfigSecret, commentLines, configSecret, literal } from "./render";

// ---------------------------------------------------------------------------------------------------
// Reading the instance

/** Everything export reads, as Clerk returned it. */
export interface LiveInstance {
  instance: Instance;
  /** Undefined when Clerk refused the empty PATCH that serves as the only read (see InstanceRestrictions). */
  restrictions: InstanceRestrictions | undefined;
  organizationSettings: OrganizationSettings;
  oauthApplicationSettings: OAuthApplicationSettings;
  communication: InstanceCommunication;
  protect: InstanceProtect;
  redirectUrls: RedirectUrl[];
  allowlistIdentifiers: AllowlistIdentifier[];
  blocklistIdentifiers: BlocklistIdentifier[];
  jwtTemplates: JwtTemplate[];
  oauthApplications: OAuthApplication[];
  domains: Domain[];
  samlConnections: SamlConnection[];
  enterpriseConnections: EnterpriseConnection[];
}

export type Progress = (line: string) => void;

/**
 * Reads every collection (each `list()` pages through any size, 500 per page) and every singleton.
 * One collection at a time: a large instance stays well under Clerk's rate limit, and progress reads
 * in order. Sends only GETs, except the empty PATCH of the restrictions (Clerk has no GET there; it
 * changes nothing).
 */
export async function readInstance(
  client: ClerkClient,
  progress: Progress = () => {},
): Promise<LiveInstance> {
  const step = async <T>(label: string, read: () => Promise<T>): Promise<T> => {
    const value = await read();
    progress(Array.isArray(value) ? `${label}: ${value.length}` : `${label}: read`);
    return value;
  };
  const instance = await step("instance", () => client.instance.get());
  const restrictions = await step("restrictions", async () => {
    try {
      return await client.instanceRestrictions.update({});
    } catch (e) {
      if (e instanceof ClerkApiError && (e.status === 400 || e.status === 422)) return undefined;
      throw e;
    }
  });
  return {
    instance,
    restrictions,
    organizationSettings: await step("organization settings", () => client.organizationSettings.get()),
    oauthApplicationSettings: await step("OAuth application settings", () =>
      client.oauthApplicationSettings.get(),
    ),
    communication: await step("communication", () => client.instanceCommunication.get()),
    protect: await step("protect", () => client.instanceProtect.get()),
    redirectUrls: await step("redirect URLs", () => client.redirectUrls.list()),
    allowlistIdentifiers: await step("allow-list identifiers", () => client.allowlistIdentifiers.list()),
    blocklistIdentifiers: await step("block-list identifiers", () => client.blocklistIdentifiers.list()),
    jwtTemplates: await step("JWT templates", () => client.jwtTemplates.list()),
    oauthApplications: await step("OAuth applications", () => client.oauthApplications.list()),
    domains: await step("domains", () => client.domains.list()),
    samlConnections: await step("SAML connections", () => client.samlConnections.list()),
    enterpriseConnections: await step("enterprise connections", () => client.enterpriseConnections.list()),
  };
}

// ---------------------------------------------------------------------------------------------------
// From live objects to declarations

/** One resource in the generated program. */
export interface ExportedResource {
  type: string;
  name: string;
  importId: string;
  args: Record<string, unknown>;
  /** A comment line above the declaration. */
  note?: string;
}

/** A value the program cannot declare: Clerk never returns it. */
export interface Unexported {
  type: string;
  name: string;
  field: string;
  reason: string;
}

/** A secret the program reads from stack config (`pulumi config set --secret <key> …`). */
export interface ConfigNeed {
  key: string;
  type: string;
  name: string;
  field: string;
  /** Read with getSecret: the program runs without it. */
  optional: boolean;
}

export interface ExportPlan {
  instanceId: string;
  resources: ExportedResource[];
  unexported: Unexported[];
  config: ConfigNeed[];
  /** Declarations whose values fail the resource's own check (worth a look before `pulumi up`). */
  warnings: string[];
}

const WRITE_ONLY_REASON = "Clerk never returns it (write-only); left as Clerk has it";

/** Drops undefined and null (Clerk's "unset"), recursively in objects: an undeclared input is Clerk's to choose. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (v !== null && typeof v === "object" && !("configSecret" in v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === null) continue;
      out[k] = clean(x);
    }
    return out;
  }
  return v;
}

function inputsOf(type: string, api: unknown): Record<string, unknown> {
  const def = definitions.get(type);
  if (!def) throw new Error(`pulumi-clerk export: no definition for ${type}`);
  return clean(def.toInputs(api)) as Record<string, unknown>;
}

export function planExport(live: LiveInstance): ExportPlan {
  const resources: ExportedResource[] = [];
  const unexported: Unexported[] = [];
  const config: ConfigNeed[] = [];
  const warnings: string[] = [];

  const secret = (type: string, name: string, field: string, key: string, optional = false): ConfigSecret => {
    config.push({ key, type, name, field, optional });
    return configSecret(key, optional);
  };
  const lost = (type: string, name: string, fields: readonly string[], reason = WRITE_ONLY_REASON) => {
    for (const field of fields) unexported.push({ type, name, field, reason });
  };

  // Singletons: one each, fixed names.
  const s = live;
  resources.push({
    type: "InstanceSettings",
    name: "instance-settings",
    importId: s.instance.id,
    args: inputsOf("InstanceSettings", s.instance),
  });
  lost("InstanceSettings", "instance-settings", [
    "testMode",
    "hibp",
    "supportEmail",
    "clerkJsVersion",
    "developmentOrigin",
    "urlBasedSessionSyncing",
    "preferredSignInStrategyWhenPasswordRequired",
  ]);
  resources.push({
    type: "InstanceRestrictions",
    name: "instance-restrictions",
    importId: INSTANCE_RESTRICTIONS_ID,
    args: s.restrictions ? inputsOf("InstanceRestrictions", s.restrictions) : {},
  });
  if (!s.restrictions) {
    lost(
      "InstanceRestrictions",
      "instance-restrictions",
      ["(all settings)"],
      "Clerk refused the empty PATCH that is the only way to read them; adopted without declaring any",
    );
  }
  resources.push({
    type: "OrganizationSettings",
    name: "organization-settings",
    importId: ORGANIZATION_SETTINGS_ID,
    args: inputsOf("OrganizationSettings", s.organizationSettings),
  });
  resources.push({
    type: "OAuthApplicationSettings",
    name: "oauth-application-settings",
    importId: OAUTH_APPLICATION_SETTINGS_ID,
    args: inputsOf("OAuthApplicationSettings", s.oauthApplicationSettings),
  });
  resources.push({
    type: "InstanceCommunication",
    name: "instance-communication",
    importId: INSTANCE_COMMUNICATION_ID,
    args: inputsOf("InstanceCommunication", s.communication),
  });
  resources.push({
    type: "InstanceProtect",
    name: "instance-protect",
    importId: INSTANCE_PROTECT_ID,
    args: inputsOf("InstanceProtect", s.protect),
  });

  // Collections: names from the natural key, deduplicated per type.
  const each = <T extends { id: string; created_at?: number | undefined }>(
    type: string,
    items: readonly T[],
    key: (api: T) => string,
    declare: (api: T, name: string) => Omit<ExportedResource, "type" | "name" | "importId">,
  ) => {
    const named = items.map((api) => ({ api, key: key(api), id: api.id, createdAt: api.created_at }));
    const names = assignNames(named);
    for (const n of named) {
      const name = names.get(n) as string;
      resources.push({ type, name, importId: n.id, ...declare(n.api, name) });
    }
  };

  each(
    "RedirectUrl",
    s.redirectUrls,
    (a) => a.url,
    (a) => ({ args: inputsOf("RedirectUrl", a) }),
  );
  each(
    "AllowlistIdentifier",
    s.allowlistIdentifiers,
    (a) => a.identifier,
    (a) => ({ args: inputsOf("AllowlistIdentifier", a) }),
  );
  each(
    "BlocklistIdentifier",
    s.blocklistIdentifiers,
    (a) => a.identifier,
    (a) => ({ args: inputsOf("BlocklistIdentifier", a) }),
  );
  each(
    "JwtTemplate",
    s.jwtTemplates,
    (a) => a.name,
    (a, name) => {
      const args = inputsOf("JwtTemplate", a);
      if (a.custom_signing_key) {
        // Without the key in the program, the next update of this template would switch it back to
        // Clerk's key (the PATCH replaces the whole template): so it must be declared, from config.
        args.signingKey = secret("JwtTemplate", name, "signingKey", `jwtSigningKey_${name}`);
      } else {
        // Clerk's own key: the algorithm is Clerk's, not an argument worth pinning.
        delete args.signingAlgorithm;
      }
      return { args };
    },
  );
  each(
    "OAuthApplication",
    s.oauthApplications,
    (a) => a.name,
    (a, name) => {
      if (!a.public) {
        lost(
          "OAuthApplication",
          name,
          ["clientSecret"],
          "Clerk shows it only at creation or rotation; set rotateSecret to issue a new one (the old one then stops working)",
        );
      }
      return { args: inputsOf("OAuthApplication", a) };
    },
  );
  each(
    "Domain",
    s.domains,
    (a) => a.name,
    (a, name) => {
      lost("Domain", name, ["isSecondary"]);
      return {
        args: inputsOf("Domain", a),
        ...(a.is_satellite
          ? {}
          : { note: "The primary domain: adopted only; destroying it only removes it from the stack." }),
      };
    },
  );
  each(
    "SamlConnection",
    s.samlConnections,
    (a) => a.name,
    (a) => {
      const args = inputsOf("SamlConnection", a);
      // Clerk answers "" for attributes it maps by default; the argument wants only real names.
      const mapping = Object.fromEntries(
        Object.entries((args.attributeMapping ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ""),
      );
      if (Object.keys(mapping).length > 0) args.attributeMapping = mapping;
      else delete args.attributeMapping;
      return { args, note: "Deprecated at Clerk: consider moving to EnterpriseConnection." };
    },
  );
  each(
    "EnterpriseConnection",
    s.enterpriseConnections,
    (a) => a.name,
    (a, name) => {
      const args = inputsOf("EnterpriseConnection", a);
      // Derived by the resource's own check, not an argument.
      delete args.organizationLinked;
      const saml = a.saml_connection;
      if (a.provider.startsWith("saml_") && saml) {
        args.saml = clean({
          idpEntityId: saml.idp_entity_id,
          idpSsoUrl: saml.idp_sso_url,
          idpMetadataUrl: saml.idp_metadata_url,
          allowSubdomains: saml.allow_subdomains,
          allowIdpInitiated: saml.allow_idp_initiated,
          forceAuthn: saml.force_authn,
          loginHint: saml.login_hint && {
            mode: saml.login_hint.mode,
            ...(saml.login_hint.source ? { source: saml.login_hint.source } : {}),
          },
        });
        lost("EnterpriseConnection", name, [
          "saml.idpCertificate",
          "saml.idpMetadata",
          "saml.attributeMapping",
        ]);
      }
      const oidc = a.oauth_config;
      if (a.provider.startsWith("oidc_") && oidc) {
        // Clerk resolves the endpoints from the discovery URL: declaring the resolved ones would pin them.
        const endpoints = oidc.discovery_url
          ? { discoveryUrl: oidc.discovery_url }
          : { authUrl: oidc.auth_url, tokenUrl: oidc.token_url, userInfoUrl: oidc.user_info_url };
        args.oidc = clean({
          clientId: oidc.client_id,
          // A PKCE client may have no secret at all: then the program runs without one.
          clientSecret: secret(
            "EnterpriseConnection",
            name,
            "oidc.clientSecret",
            `oidcClientSecret_${name}`,
            oidc.requires_pkce === true,
          ),
          ...endpoints,
          requiresPkce: oidc.requires_pkce,
        });
      }
      return { args };
    },
  );

  // The program must pass each resource's own check; a value that does not is reported, not hidden.
  for (const r of resources) {
    const def = definitions.get(r.type);
    const parsed = def?.inputs.safeParse(withPlaceholders(r.args));
    if (parsed && !parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join(".") || "(inputs)").join(", ");
      warnings.push(`${r.type} "${r.name}": ${fields} fail(s) the resource's check; edit before pulumi up`);
    }
  }
  return { instanceId: s.instance.id, resources, unexported, config, warnings };
}

function withPlaceholders(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withPlaceholders);
  if (v !== null && typeof v === "object") {
    if ("configSecret" in v) return "placeholder-secret";
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withPlaceholders(x)]));
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Writing the program

/** Section order in the program: instance-wide settings first, then collections. */
const SECTIONS: Array<[type: string, title: string]> = [
  ["InstanceSettings", "Instance-wide settings (one each per instance; destroy only forgets them)"],
  ["InstanceRestrictions", ""],
  ["OrganizationSettings", ""],
  ["OAuthApplicationSettings", ""],
  ["InstanceCommunication", ""],
  ["InstanceProtect", ""],
  ["Domain", "Domains"],
  ["RedirectUrl", "Redirect URLs"],
  ["AllowlistIdentifier", "Allow-list identifiers"],
  ["BlocklistIdentifier", "Block-list identifiers"],
  ["JwtTemplate", "JWT templates"],
  ["OAuthApplication", "OAuth applications"],
  ["EnterpriseConnection", "Enterprise connections"],
  ["SamlConnection", "SAML connections"],
];

const SINGLETONS = new Set(SECTIONS.slice(0, 6).map(([type]) => type));

export interface ProgramOptions {
  /** Pulumi project name; also the namespace of the config keys the program reads. */
  project: string;
}

export interface ExportFiles {
  "index.ts": string;
  "Pulumi.yaml": string;
  "package.json": string;
  "tsconfig.json": string;
  "README.md": string;
}

/**
 * One line per type, field and reason, naming the resources (`maxNames` of them, then a count): a
 * large instance has hundreds of OAuth apps whose secrets cannot be exported, not hundreds of lines.
 */
export function unexportedLines(plan: ExportPlan, maxNames = Number.POSITIVE_INFINITY): string[] {
  const groups = new Map<string, { head: string; reason: string; names: string[] }>();
  for (const u of plan.unexported) {
    const k = `${u.type}\0${u.field}\0${u.reason}`;
    let g = groups.get(k);
    if (!g) {
      g = { head: `${u.type}.${u.field}`, reason: u.reason, names: [] };
      groups.set(k, g);
    }
    g.names.push(u.name);
  }
  return [...groups.values()].map(({ head, reason, names }) => {
    const shown = [...names].sort(naturalOrder).slice(0, maxNames).join(", ");
    const more = names.length > maxNames ? ` and ${names.length - maxNames} more` : "";
    return `${head} (${shown}${more}): ${reason}`;
  });
}

// Names in a stable order: the order Clerk lists objects in is not ours to rely on.
const naturalOrder = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function configLines(plan: ExportPlan): string[] {
  return [...plan.config]
    .sort((a, b) => naturalOrder(a.key, b.key))
    .map(
      (c) =>
        `pulumi config set --secret ${c.key} <${c.type} "${c.name}" ${c.field}>${c.optional ? "   (optional)" : ""}`,
    );
}

export function renderProgram(plan: ExportPlan, opts: ProgramOptions): string {
  const out: string[] = [];
  out.push(
    commentLines(
      [
        `Clerk instance ${plan.instanceId}, exported by \`pulumi-clerk export\`.`,
        "Every resource carries importId (the instance-wide settings adopt by themselves): the first",
        "`pulumi up` adopts the existing objects instead of creating them. Once it has run, importId may",
        "stay (it only matters at creation) or be removed.",
        "",
        "Secrets Clerk never returns are read from stack config; set them before the first `pulumi up`:",
        ...(plan.config.length > 0 ? configLines(plan).map((l) => `  ${l}`) : ["  (none needed)"]),
        "",
        "Not exported (Clerk never returns these values):",
        ...(plan.unexported.length > 0 ? unexportedLines(plan).map((l) => `  ${l}`) : ["  (nothing)"]),
        ...(plan.warnings.length > 0 ? ["", "Warnings:", ...plan.warnings.map((w) => `  ${w}`)] : []),
      ].join("\n"),
    ),
    "",
    'import * as pulumi from "@pulumi/pulumi";',
    'import * as clerk from "pulumi-clerk";',
    "",
  );
  out.push(
    `// Stack config of project "${opts.project}": where secrets Clerk never returns come from.`,
    "const config = new pulumi.Config();",
    "",
  );
  for (const [type, title] of SECTIONS) {
    const list = plan.resources.filter((r) => r.type === type).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (list.length === 0) continue;
    if (title) out.push(`// ${title}`, "");
    for (const r of list) {
      if (r.note) out.push(`// ${r.note}`);
      // Singletons adopt the instance's one object by themselves and take no importId.
      const args = SINGLETONS.has(r.type) ? r.args : { importId: r.importId, ...r.args };
      out.push(`new clerk.${r.type}(${JSON.stringify(r.name)}, ${literal(args)});`);
      out.push("");
    }
  }
  out.push(`export const instanceId = ${JSON.stringify(plan.instanceId)};`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderFiles(plan: ExportPlan, opts: ProgramOptions): ExportFiles {
  const counts = new Map<string, number>();
  for (const r of plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const readme = [
    `# ${opts.project}`,
    "",
    `The configuration of Clerk instance \`${plan.instanceId}\` as a Pulumi program, written by`,
    "`pulumi-clerk export`. Every resource in `index.ts` carries `importId`, so the first `pulumi up`",
    "adopts the existing objects: it creates nothing in Clerk and changes nothing that matches.",
    "",
    "## First run",
    "",
    "```sh",
    "npm install",
    "pulumi stack init <stack>",
    "pulumi config set --secret clerk:secretKey   # the instance's secret key (sk_...)",
    "# pulumi config set clerk:apiUrl <url>       # only for a non-default API URL (e.g. the emulator)",
    ...configLines(plan),
    "pulumi preview    # every resource: create (in state), each an adoption",
    "pulumi up",
    "pulumi preview    # no changes",
    "```",
    "",
    "## Resources",
    "",
    ...[...counts].map(([t, n]) => `- ${t}: ${n}`),
    "",
    "## Not exported",
    "",
    "Clerk never returns these values, so they are not in the program and Pulumi leaves them as Clerk has",
    "them (an undeclared argument is Clerk's to choose). Declare them in `index.ts` to manage them:",
    "",
    ...(plan.unexported.length > 0 ? unexportedLines(plan).map((l) => `- ${l}`) : ["- (nothing)"]),
    "",
    "Objects this provider does not manage (users, organizations, roles, sessions …) are not exported.",
    ...(plan.warnings.length > 0 ? ["", "## Warnings", "", ...plan.warnings.map((w) => `- ${w}`)] : []),
    "",
  ].join("\n");
  return {
    "index.ts": renderProgram(plan, opts),
    "Pulumi.yaml": [
      `name: ${opts.project}`,
      "runtime: nodejs",
      `description: Clerk instance ${plan.instanceId}, exported by pulumi-clerk`,
      "",
    ].join("\n"),
    "package.json": `${JSON.stringify(
      {
        name: opts.project,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "^3.270.0", "pulumi-clerk": `^${SDK_VERSION}` },
        devDependencies: { "@types/node": "^24.0.0", typescript: "5.9" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          skipLibCheck: true,
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
    "README.md": readme,
  };
}

/** A Pulumi project name: letters, digits, `-`, `_`, `.`. */
export function validProjectName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name);
}
