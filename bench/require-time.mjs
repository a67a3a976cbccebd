// Cold `require("pulumi-clerk/runtime")` in a fresh Node process that has first loaded what Pulumi's
// dynamic-provider host loads itself (its runtime, gRPC, protobufs): that difference is what our package
// adds to the start of every provider process, i.e. of every preview, up, refresh and destroy.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const PROBE = `
const base = require.resolve("@pulumi/pulumi/package.json").replace(/package\\.json$/, "");
for (const m of ["runtime", "runtime/rpc", "metadata", "version", "cmd/dynamic-provider/config", "proto/provider_grpc_pb"]) require(base + m);
require("@grpc/grpc-js");
const cpu = process.cpuUsage();
const t = process.hrtime.bigint();
require("pulumi-clerk/runtime").provider(process.argv[1]);
const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));
`;

export function measureRequire(root, runs, type = "RedirectUrl") {
  const node = join(root, "node_modules", ".bin", "node");
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(node, ["-e", PROBE, type], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`require probe failed: ${r.stderr}`);
    const sample = JSON.parse(r.stdout);
    wall.push(Math.round(sample.wallMs));
    cpu.push(Math.round(sample.cpuMs));
  }
  // CPU time is the steadier figure on a shared machine; wall time is what the user waits.
  return { runs: wall, medianMs: median(wall), cpuRuns: cpu, medianCpuMs: median(cpu) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}
