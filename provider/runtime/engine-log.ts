import { createRequire } from "node:module";
import type { ClerkLogger } from "../../sdk/logger";
import { redactString } from "../../sdk/redact";

/**
 * What the sdk does for the provider (each request, a retry, a wait on Clerk's rate limit), written
 * where the user running `pulumi up` looks: the engine's log. Info and warnings show in `pulumi up`'s
 * output; debug lines with `pulumi up --debug`, and in Pulumi's own log from `-v=3` on.
 */
export type Severity = "debug" | "info" | "warn";
export type LogSink = (severity: Severity, line: string) => void;

/** Details past this length are cut: a debug line must stay a line, not a listing of 500 objects. */
const MAX_DETAILS = 1500;

/**
 * A ClerkLogger writing one line per call: the message, then (at debug only: an info line is read by a
 * person waiting, and says it all) its details as JSON, cut short. The sdk redacts before it logs; the
 * whole line is scrubbed once more here, so no key reaches the engine's log even from a message the sdk
 * did not build itself.
 */
export function lineLogger(sink: LogSink): ClerkLogger {
  const line = (message: string, details?: Record<string, unknown>) => {
    if (details === undefined || Object.keys(details).length === 0) return redactString(message);
    let json = JSON.stringify(details);
    if (json.length > MAX_DETAILS) json = `${json.slice(0, MAX_DETAILS)}…`;
    return redactString(`${message} ${json}`);
  };
  return {
    debug: (m, d) => sink("debug", line(m, d)),
    info: (m) => sink("info", line(m)),
    warn: (m) => sink("warn", line(m)),
  };
}

/**
 * The engine's address in Pulumi's dynamic-provider process, or undefined elsewhere (tests, the CLI).
 * The engine starts that process with its address as the only argument; `@pulumi/pulumi`'s own `log`
 * does not read it there (it knows the engine only from the program's environment), so in this process
 * it falls back to printing on stdout and stderr: the engine shows those lines as plain output, loses
 * every debug line, and shows a warning as output. Hence a client of our own.
 */
export function engineAddress(argv: readonly string[] = process.argv): string | undefined {
  const [, script, address] = argv;
  if (!script || !/[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(script)) return undefined;
  return address && /^[\w.[\]:-]+:\d+$/.test(address) ? address : undefined;
}

/**
 * A sink writing to the engine's Log service (as `@pulumi/pulumi`'s `log` does in a program): lines keep
 * their order and severity. Loaded and connected at the first line, so a preview that logs nothing
 * pays nothing. A line the engine cannot take is dropped: logging never fails an operation.
 */
export function engineSink(address: string): LogSink {
  let send: ((severity: Severity, line: string) => Promise<void>) | undefined;
  let last: Promise<void> = Promise.resolve();
  const connect = () => {
    // The generated clients ship with @pulumi/pulumi; they bring their own @grpc/grpc-js.
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const { LogRequest, LogSeverity } = require("@pulumi/pulumi/proto/engine_pb");
    const grpc = createRequire(require.resolve("@pulumi/pulumi/package.json"))("@grpc/grpc-js");
    const client = new EngineClient(address, grpc.credentials.createInsecure());
    const level = { debug: LogSeverity.DEBUG, info: LogSeverity.INFO, warn: LogSeverity.WARNING };
    return (severity: Severity, line: string) =>
      new Promise<void>((done) => {
        const req = new LogRequest();
        req.setSeverity(level[severity]);
        req.setMessage(line);
        req.setUrn("");
        client.log(req, () => done());
      });
  };
  return (severity, line) => {
    last = last
      .then(() => {
        send ??= connect();
        return send(severity, line);
      })
      .catch(() => undefined);
  };
}

/** One sink per process, so the sdk's lines and the provider's warnings keep one order. */
let processSink: { address: string; sink: LogSink } | undefined;
function sinkFor(address: string): LogSink {
  if (processSink?.address !== address) processSink = { address, sink: engineSink(address) };
  return processSink.sink;
}

/** The logger of the provider's clients: the engine's log in the dynamic-provider process, else none. */
export function providerLogger(argv: readonly string[] = process.argv): ClerkLogger | undefined {
  const address = engineAddress(argv);
  return address === undefined ? undefined : lineLogger(sinkFor(address));
}

/** A warning of the provider's own (what an adoption will change), as `pulumi preview` shows it. */
export type Warn = (message: string) => Promise<void>;

/** Shown by the engine like a program's `pulumi.log.warn`, keys masked; nowhere outside the provider process. */
export const engineWarn: Warn = async (message) => {
  const address = engineAddress();
  if (address !== undefined) sinkFor(address)("warn", redactString(message));
};
