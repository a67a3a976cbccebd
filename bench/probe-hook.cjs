// Loaded with NODE_OPTIONS=--require by bench/fixed-cost.mjs into the Node processes the real Pulumi CLI
// starts: the program process (`@pulumi/pulumi/cmd/run`, started by the language host) and the
// dynamic-provider process (`@pulumi/pulumi/cmd/dynamic-provider`). It records when each phase starts
// and ends (epoch milliseconds) and writes them, one JSON file per process, to PULUMI_CLERK_PROBE_DIR.
// Other Node processes (the launcher's `node -e`) are left alone.
const { performance } = require("node:perf_hooks");
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const Module = require("node:module");

const dir = process.env.PULUMI_CLERK_PROBE_DIR;
const main = process.argv[1] ?? "";
const role = /cmd[/\\]run/.test(main) ? "program" : /cmd[/\\]dynamic-provider/.test(main) ? "provider" : "";
const now = () => performance.timeOrigin + performance.now();
const marks = { role, pid: process.pid, processStart: performance.timeOrigin, hookLoaded: now(), loads: {} };
// Outermost load of each watched request (and of the program's .ts file): start, end.
const WATCHED = new Set(["pulumi-clerk", "pulumi-clerk/runtime"]);
let tsCompileMs = 0;

// Saved at every mark: the engine ends the provider process with a signal, so "exit" may never run.
function save() {
  if (role === "program") marks.tsCompileMs = tsCompileMs;
  try {
    writeFileSync(join(dir, `${role}-${process.pid}.json`), JSON.stringify(marks));
  } catch {
    // The probe must never change the outcome of the operation it measures.
  }
}

function timeLoads() {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    const isProgram =
      role === "program" && /\.ts$/.test(request) && !/\.d\.ts$/.test(request) && !marks.loads.program;
    const name = WATCHED.has(request) && !marks.loads[request] ? request : isProgram ? "program" : undefined;
    if (!name) return load.call(this, request, ...rest);
    marks.loads[name] = { start: now() };
    try {
      return load.call(this, request, ...rest);
    } finally {
      marks.loads[name].end = now();
      save();
    }
  };
}

// ts-node installs its `.ts` handler by assignment: wrap it, and count its time minus the time the
// compiled module spends running, i.e. type check and emit.
function timeTypeScript() {
  let handler;
  Object.defineProperty(Module._extensions, ".ts", {
    configurable: true,
    enumerable: true,
    get: () => handler,
    set: (fn) => {
      handler = function (m, filename) {
        const started = now();
        const compile = m._compile;
        m._compile = function (...args) {
          const ran = now();
          try {
            return compile.apply(this, args);
          } finally {
            tsCompileMs -= now() - ran;
          }
        };
        try {
          return fn.call(this, m, filename);
        } finally {
          tsCompileMs += now() - started;
        }
      };
    },
  });
}

// The dynamic-provider host prints its port once its gRPC server listens.
function timeFirstOutput() {
  const write = process.stdout.write;
  process.stdout.write = function (...args) {
    if (marks.firstStdout === undefined) {
      marks.firstStdout = now();
      save();
    }
    return write.apply(this, args);
  };
}

if (dir && role) {
  timeLoads();
  if (role === "program") timeTypeScript();
  timeFirstOutput();
  process.on("exit", () => {
    marks.exit = now();
    save();
  });
}
