/**
 * A tiny stand-in for the Pulumi engine's own gRPC service (`pulumirpc.Engine`), the address a provider
 * plugin receives as its first argument. It records every Log call so tests can search everything a
 * provider reported (the secret-leak checks), and answers the few other calls a plugin may make.
 */
import { loadPulumiProto } from "./pulumiProto";

/** One message a plugin sent to the engine's Log endpoint. */
export interface EngineLogEntry {
  severity: "debug" | "info" | "warning" | "error";
  message: string;
  urn: string;
  ephemeral: boolean;
}

/** A running engine stand-in. */
export interface EngineServer {
  /** `127.0.0.1:<port>`, as the engine passes it on a plugin's command line. */
  address: string;
  /** Every Log call received, in order. */
  logs: EngineLogEntry[];
  stop(): Promise<void>;
}

const severities = ["debug", "info", "warning", "error"] as const;

/** Starts the engine stand-in on a free loopback port. */
export async function startEngineServer(): Promise<EngineServer> {
  const proto = loadPulumiProto();
  const { grpc } = proto;
  const logs: EngineLogEntry[] = [];
  let rootUrn = "";
  const server = new grpc.Server();
  /* eslint-disable @typescript-eslint/no-explicit-any -- generated stub types are untyped JS */
  server.addService(proto.engineGrpc.EngineService, {
    log(call: any, callback: any) {
      const req = call.request;
      logs.push({
        severity: severities[req.getSeverity()] ?? "info",
        message: req.getMessage(),
        urn: req.getUrn(),
        ephemeral: req.getEphemeral(),
      });
      callback(null, new proto.empty.Empty());
    },
    getRootResource(_call: any, callback: any) {
      const resp = new proto.engine.GetRootResourceResponse();
      resp.setUrn(rootUrn);
      callback(null, resp);
    },
    setRootResource(call: any, callback: any) {
      rootUrn = call.request.getUrn();
      callback(null, new proto.engine.SetRootResourceResponse());
    },
    startDebugging(_call: any, callback: any) {
      callback({ code: grpc.status.UNIMPLEMENTED, details: "debugging is not enabled" });
    },
    requirePulumiVersion(_call: any, callback: any) {
      callback(null, new proto.engine.RequirePulumiVersionResponse());
    },
  });
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    logs,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        // A plugin that still holds a channel must not keep the test waiting.
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 1000).unref();
      }),
  };
}
