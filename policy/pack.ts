import type {
  Policies,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { typeToken } from "../provider/dynamic-provider";
import { type EnvironmentResolver, environments, type InstanceEnvironment } from "./environment";
import { defaults, type PolicyConfigJSONSchema, type Rule, rules, type Subject } from "./rules";
import { isUnknown, plain } from "./values";

export interface ClerkPolicyOptions {
  /**
   * Decide which instances are production yourself: return "production" or "development" for an
   * instance (undefined: the default instance), or undefined to fall back to its key (`sk_live_` is
   * production). See docs/policy-pack.md, "Production".
   */
  environment?: EnvironmentResolver;
  /** Rules to leave out, by name (a pack config can also disable them: `"clerk-test-mode-off": "disabled"`). */
  exclude?: readonly string[];
}

/**
 * pulumi-clerk's rules as CrossGuard policies, for `new PolicyPack(name, { policies: [...clerkPolicies(), ...yours] })`.
 * The pack folder shipped in the package (`policy-pack/`) is exactly that with no options.
 */
export function clerkPolicies(options: ClerkPolicyOptions = {}): Policies {
  const env = environments(options.environment);
  return rules.filter((r) => !options.exclude?.includes(r.name)).map((r) => policyOf(r, env));
}

type Resolve = (instance: string | undefined) => InstanceEnvironment;

function policyOf(rule: Rule<object>, env: Resolve): ResourceValidationPolicy | StackValidationPolicy {
  const tokens = new Map(rule.types.map((t) => [typeToken(t), t]));
  const base = {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    configSchema: { properties: configProperties(rule) },
  };
  const judge = (
    r: { type: string; name: string; props: Record<string, unknown> },
    config: object,
    report: (message: string) => void,
  ) => {
    const type = tokens.get(r.type);
    if (type === undefined) return;
    const subject = subjectOf(type, r.name, r.props, env);
    const settings = { ...defaults(rule), ...config } as Parameters<typeof rule.check>[1];
    if (settings.appliesTo === "production" && subject.environment !== "production") return;
    for (const message of rule.check(subject, settings, Date.now())) report(message);
  };
  if (rule.stage === "inputs") {
    return {
      ...base,
      validateResource: (args: ResourceValidationArgs, report: ReportViolation) =>
        judge(args, args.getConfig(), (m) => report(m)),
    };
  }
  return {
    ...base,
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const config = args.getConfig();
      for (const r of args.resources as PolicyResource[]) judge(r, config, (m) => report(m, r.urn));
    },
  };
}

function subjectOf(type: string, name: string, raw: Record<string, unknown>, env: Resolve): Subject {
  const props = plain(raw) as Record<string, unknown>;
  const instance = props.instance;
  // An instance name not known until the update: its environment is not known either.
  if (isUnknown(instance)) return { type, name, props, instance: undefined, environment: "unknown" };
  const named = typeof instance === "string" && instance !== "" ? instance : undefined;
  return { type, name, props, instance: named, environment: env(named).environment };
}

function configProperties(rule: Rule<object>): Record<string, PolicyConfigJSONSchema> {
  return {
    appliesTo: {
      type: "string",
      enum: ["production", "all"],
      description: "Judge production instances only, or every instance.",
      default: rule.scope,
    },
    ...(rule.params as Record<string, PolicyConfigJSONSchema>),
  };
}
