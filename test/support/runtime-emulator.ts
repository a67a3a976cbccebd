import { afterAll, beforeAll } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { configure } from "../../provider/runtime";

/**
 * Starts an emulator on a random loopback port and configures the provider runtime for it exactly as
 * Pulumi's dynamic-provider process would (stack config `clerk:secretKey` and `clerk:apiUrl`).
 */
export async function startRuntimeEmulator(key: string, options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, ...options });
  const config: Record<string, string> = { "clerk:secretKey": key, "clerk:apiUrl": emu.url };
  await configure({ config: { get: (k: string) => config[k] } });
  return emu;
}

/**
 * One runtime emulator for a test file, started before its tests and closed after them. The answer
 * stands for that emulator from the first test on, so a file reads `emu.store`, `emu.requests()` … as
 * it would a started one.
 */
export function useRuntimeEmulator(key: string, options: EmulatorOptions = {}): Emulator {
  let started: Emulator | undefined;
  beforeAll(async () => {
    started = await startRuntimeEmulator(key, options);
  });
  afterAll(() => started?.close());
  const emu = (): Emulator => {
    if (!started) throw new Error("emulator not started");
    return started;
  };
  return {
    get url() {
      return emu().url;
    },
    get origin() {
      return emu().origin;
    },
    get port() {
      return emu().port;
    },
    get store() {
      return emu().store;
    },
    get platform() {
      return emu().platform;
    },
    requests: () => emu().requests(),
    clearRequests: () => emu().clearRequests(),
    configure: (switches) => emu().configure(switches),
    config: () => emu().config(),
    onExchange: (fn) => emu().onExchange(fn),
    close: () => emu().close(),
  };
}

/** Each request the emulator saw as `METHOD /path`, an object's id in the path written `:id`. */
export const requestLines = (emu: Emulator): string[] =>
  emu.requests().map((r) => `${r.method} ${r.path.replace(/^(\/\w+)\/[^/]+$/, "$1/:id")}`);
