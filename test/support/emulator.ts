import { afterAll, beforeAll } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";

export const KEY = "sk_test_emulatorTestKey123";

/** Starts one emulator for a test file and closes it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator(options);
  });
  afterAll(async () => {
    await emu?.close();
  });
  return () => {
    if (!emu) throw new Error("emulator not started");
    return emu;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch against the emulator with a valid key; JSON in, JSON out. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
export async function api<T = any>(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
  init: { key?: string | null; headers?: Record<string, string>; raw?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? KEY : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let payload: string | undefined = init.raw;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(emu.url + path, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}
