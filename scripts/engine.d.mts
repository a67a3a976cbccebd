// Types for scripts/engine.mjs, imported by the e2e harness (the project does not enable allowJs).
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
