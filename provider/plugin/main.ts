/**
 * `pulumi-resource-industrydata` (bin/, which requires this file, or the single executable scripts/plugin-executable.js
 * builds from its bundle): the industrydata resource provider plugin. The engine starts it with its own gRPC
 * address as the first argument; the plugin serves the ResourceProvider service on a loopback port and prints
 * that port, alone on the first line of stdout, as every Pulumi plugin does.
 */
import * as grpc from "@grpc/grpc-js";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { ProviderServer } from "./providerServer";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the installed package
const { version } = require("../../../package.json") as { version: string };

type Handler = (...args: unknown[]) => unknown;

/**
 * The service with every method forwarding to the provider, which is loaded on the first call (or right after
 * the port is printed, whichever comes first). The engine waits for the port before it calls anything, and
 * the provider's modules (Graph client, identity library, schemas) take most of the start-up: loading them
 * after the port is printed overlaps them with the engine's own work instead of holding the engine up.
 */
function lazyService(load: () => ProviderServer): { service: grpc.UntypedServiceImplementation; provider(): ProviderServer } {
  let provider: ProviderServer | undefined;
  const get = (): ProviderServer => (provider ??= load());
  const service: grpc.UntypedServiceImplementation = {};
  for (const [method, definition] of Object.entries(providerGrpc.ResourceProviderService)) {
    const forward: Handler = (...args) => {
      const handler = (get().service as unknown as Record<string, Handler | undefined>)[method];
      if (handler !== undefined) return handler(...args);
      // What grpc-js answers for a method a service does not implement.
      const callback = args[1] as grpc.sendUnaryData<unknown> | undefined;
      const error = { code: grpc.status.UNIMPLEMENTED, details: `${definition.path} is not implemented` };
      if (typeof callback === "function") callback(error, null);
      else (args[0] as { emit(event: string, error: unknown): void }).emit("error", error);
      return undefined;
    };
    service[method] = forward as grpc.UntypedHandleCall;
  }
  return { service, provider: get };
}

async function main(args: string[]): Promise<void> {
  const lazy = lazyService(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the port is printed (see lazyService)
    const { createProviderServer } = require("./providerServer") as typeof import("./providerServer");
    return createProviderServer({ version, engineAddress: args[0] });
  });
  // Pulumi's payloads (a big stack's inputs) exceed gRPC's 4 MB default, as the SDK's own servers allow.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(providerGrpc.ResourceProviderService, lazy.service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  process.stdout.write(`${port}\n`);
  setImmediate(() => lazy.provider());
  const stop = (): void => {
    lazy.provider().close();
    server.tryShutdown(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-industrydata: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
