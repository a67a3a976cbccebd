import type { Emulator, FaultConfig } from "../../emulator";

/**
 * Injects one fault into the next request that draws one (every write, for the commit-then-drop kinds)
 * and turns faults off once it has fired, so every later request is answered normally.
 */
export function faultOnce(emu: Emulator, fault: Omit<FaultConfig, "seed">): void {
  emu.configure({ faults: { seed: 1, ...fault } });
  const stop = emu.onExchange((e) => {
    if (e.fault !== undefined) {
      emu.configure({ faults: null });
      stop();
    }
  });
}
