#!/usr/bin/env node
import { parseCli, USAGE } from "./cli-args";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseCli>;
  try {
    opts = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`clerk-emulator: ${(e as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { verbose, help: _help, ...options } = opts;
  const emu = await startEmulator({
    ...options,
    ...(verbose ? { logLine: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  });
  // The first line is the base URL: scripts and tests read it to find the port.
  process.stdout.write(`${emu.url}\n`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    if (verbose) process.stderr.write(`clerk-emulator: ${signal}, shutting down\n`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`clerk-emulator: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
