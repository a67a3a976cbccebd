// Types for tools/engine.mjs, imported by the e2e harness (the project does not enable allowJs).
export declare const ENGINE_VERSION: string;
export declare const MIN_VERSION: string;
export interface FoundEngine {
  bin: string;
  version: string;
  source: "PATH" | "PULUMI_HOME" | "built";
}
export declare function pulumiHome(env?: NodeJS.ProcessEnv): string;
export declare function installDir(version?: string, env?: NodeJS.ProcessEnv): string;
export declare function findEngine(env?: NodeJS.ProcessEnv): FoundEngine | undefined;
export declare const LANGUAGE_HOST: string;
export declare const LANGUAGE_HOST_SOURCE: string;
export interface FoundLanguageHost {
  bin: string;
  source: "next to the CLI" | "PATH";
}
export type LanguageHostPlan =
  | ({ action: "reuse" } & FoundLanguageHost)
  | { action: "build"; script: string; into: string }
  | { action: "missing"; message: string };
export declare function findLanguageHost(
  engineBin: string,
  env?: NodeJS.ProcessEnv,
): FoundLanguageHost | undefined;
export declare function missingLanguageHostMessage(engineBin: string): string;
export declare function planLanguageHost(
  engineBin: string,
  opts?: { env?: NodeJS.ProcessEnv; sourceDir?: string },
): LanguageHostPlan;
export declare function requireLanguageHost(
  engineBin: string,
  opts?: { env?: NodeJS.ProcessEnv; sourceDir?: string },
): FoundLanguageHost;
