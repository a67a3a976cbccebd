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
