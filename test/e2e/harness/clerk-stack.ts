import { type Emulator, type EmulatorOptions, startEmulator } from "../../../emulator";
import { createTestStack, type TestStack } from "./index";

export interface ClerkStackOptions {
  /** Work-dir and project label. */
  name: string;
  /** `clerk:secretKey` (set as a secret). */
  secretKey: string;
  /** Params for the program, e.g. `{ resources: [...] }` for fixtures/clerk-program.cjs. */
  params: unknown;
  /** Emulator switches (rate limit, faults, latency, accepted keys). */
  emulator?: EmulatorOptions;
  /** Defaults to the generic resource program, fixtures/clerk-program.cjs. */
  program?: string;
}

/** The common e2e setup: an emulator on a random loopback port and a stack whose `clerk:apiUrl` is it. */
export async function createClerkStack(
  opts: ClerkStackOptions,
): Promise<{ emu: Emulator; stack: TestStack }> {
  const emu = await startEmulator({ port: 0, ...opts.emulator });
  const stack = await createTestStack({
    name: opts.name,
    program: opts.program ?? "fixtures/clerk-program.cjs",
    apiUrl: emu.url,
    secretKey: opts.secretKey,
    params: opts.params,
  });
  return { emu, stack };
}

export async function closeClerkStack(
  stack: TestStack | undefined,
  emu: Emulator | undefined,
): Promise<void> {
  await stack?.cleanup();
  await emu?.close();
}
