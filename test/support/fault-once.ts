import type { Emulator, FaultConfig, RequestLogEntry } from "../../emulator";

/**
 * Injects one fault into the next request that draws one (every write, for the commit-then-drop kinds)
 * and turns faults off once it has fired, so every later request is answered normally. With `after`,
 * faults are armed only once an exchange matching it has been answered, to aim past the requests
 * that come first.
 */
export function faultOnce(
  emu: Emulator,
  fault: Omit<FaultConfig, "seed">,
  after?: (e: RequestLogEntry) => boolean,
): void {
  const arm = () => emu.configure({ faults: { seed: 1, ...fault } });
  if (!after) arm();
  const stop = emu.onExchange((e) => {
    if (e.fault !== undefined) {
      emu.configure({ faults: null });
      stop();
    } else if (after?.(e)) arm();
  });
}
