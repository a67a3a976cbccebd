/**
 * Warnings from the dynamic-provider process to the engine, shown by `pulumi preview` and `pulumi up`
 * like a program's `pulumi.log.warn`. Pulumi's dynamic-provider host hands its providers no logger, but
 * it is started with the engine's address as its first argument, which is what a provider logs to.
 * Anywhere else (tests, the CLI) there is no engine, and warnings go nowhere.
 */
import { createRequire } from "node:module";
import { redactString } from "../../sdk/redact";

export type Warn = (message: string) => Promise<void>;

interface EngineClient {
  log(request: unknown, done: (error: unknown) => void): void;
}

let client: EngineClient | undefined;

/** Whether this process is Pulumi's dynamic-provider host (its script is `…/cmd/dynamic-provider/…`). */
function engineAddress(): string | undefined {
  const script = process.argv[1] ?? "";
  const address = process.argv[2];
  return /[\\/]cmd[\\/]dynamic-provider([\\/]|$)/.test(script) && address ? address : undefined;
}

/** A warning for the engine to show, secret keys masked; never fails (a warning is not worth an error). */
export const engineWarn: Warn = async (message) => {
  const address = engineAddress();
  if (address === undefined) return;
  try {
    // Through @pulumi/pulumi's own copies, so that the versions match the host's.
    const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi"));
    const proto = pulumiRequire("./proto/engine_pb");
    if (!client) {
      const grpc = pulumiRequire("@grpc/grpc-js");
      const { EngineClient } = pulumiRequire("./proto/engine_grpc_pb");
      client = new EngineClient(address, grpc.credentials.createInsecure()) as EngineClient;
    }
    const request = new proto.LogRequest();
    request.setSeverity(proto.LogSeverity.WARNING);
    request.setMessage(redactString(message));
    request.setUrn("");
    const engine = client;
    await new Promise<void>((done) => engine.log(request, () => done()));
  } catch {
    // No engine to tell: the operation goes on without the warning.
  }
};
