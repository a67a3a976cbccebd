// The sdk alone under Clerk's development limit, without the engine: `n` creates with `inFlight` calls
// at a time (as the engine's --parallel keeps steps in flight) through one client, paced (the default)
// and with `pace: false` (each call waits out its own 429s, the sdk's behaviour before the pacer).
// What it isolates is the sdk's handling of 429s, which no engine slowness on a busy machine can hide.
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { requestFloorMs } from "./dev-limit.mjs";
import { budgetUse } from "./scale.mjs";

const require = createRequire(import.meta.url);

export async function sdkPacingRuns({ emu, n, limit, inFlights, live = false, log }) {
  const { createClerkClient } = require("../dist/sdk/index.js");
  const out = [];
  for (const inFlight of inFlights) {
    for (const pace of [false, true]) {
      emu.store.reset();
      emu.clearRequests();
      emu.configure({ rateLimit: limit, faults: null });
      // A key of its own per run: the pacer is per instance and process, and each run starts afresh.
      const client = createClerkClient({
        secretKey: `sk_${live ? "live" : "test"}_sdk_pacing_${inFlight}_${pace}_${Date.now()}`,
        apiUrl: emu.url,
        pace,
      });
      let next = 0;
      const t = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < n) {
            const i = next++;
            await client.redirectUrls.create({ url: `https://p${i}.sdk-pacing.example.com/cb` });
          }
        }),
      );
      const wallMs = Math.round(performance.now() - t);
      const reqs = emu.requests();
      emu.configure({ rateLimit: null });
      const counted = reqs.filter((r) => r.fault !== "rateLimit");
      const floorMs = requestFloorMs(counted.length, limit);
      const r = {
        inFlight,
        paced: pace,
        wallMs,
        requestFloorMs: floorMs,
        ratio: floorMs > 0 ? Math.round((wallMs / floorMs) * 100) / 100 : null,
        refused429: reqs.length - counted.length,
        budgetUse: budgetUse(reqs, limit).budgetUse,
        loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      };
      out.push(r);
      log(
        `sdk alone, ${n} creates, ${inFlight} in flight, ${pace ? "paced" : "pace: false (before)"}: ${wallMs} ms (request floor ${floorMs} ms, ratio ${r.ratio}), ${r.refused429} refused 429, budget use ${r.budgetUse}, load ${r.loadAverage1m}`,
      );
    }
  }
  emu.store.reset();
  return out;
}
