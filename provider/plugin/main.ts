/**
 * `pulumi-resource-industrydata` (bin/, which requires this file, or the single executable scripts/plugin-executable.js
 * builds from its bundle): the industrydata resource provider plugin. The engine starts it with its own gRPC
 * address as the first argument; the plugin serves the ResourceProvider service on a loopback port and prints
 * that port, alone on the first line of stdout, as every Pulumi plugin does.
 */
import * as grpc from "@grpc/grpc-js";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import type { ProviderServer } from "./providerServer";
import { resourceProviderService } from "./wireService";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the installed package
const { version } = require("../../../package.json") as { version: string };

type Handler = (...args: unknown[]) => unknown;

/**
 * The service: the three calls every plugin instance gets first (Handshake, GetPluginInfo, GetSchema) answered
 * here, and every other method forwarding to the provider, which is loaded on its first call. The provider's
 * modules (Graph client, identity library, schemas) are most of the plugin's start-up, and the engine starts the
 * plugin twice for a YAML program: once only for its schema (the YAML language host type-checks the program
 * with it), once to deploy. The first instance never loads them; the engine waits for no module it does not use.
 */
function lazyService(load: (engineAddress: string | undefined) => ProviderServer, engineAddress: string | undefined): { service: grpc.UntypedServiceImplementation; close(): void } {
  let provider: ProviderServer | undefined;
  let schemaText: string | undefined;
  const get = (): ProviderServer => (provider ??= load(engineAddress));
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
  // Answered like providerServer answers them (test/plugin pins both), while the provider is not loaded yet.
  const answered: Record<string, Handler> = {
    handshake: (call, callback) => {
      const request = (call as grpc.ServerUnaryCall<providerPb.ProviderHandshakeRequest, unknown>).request;
      engineAddress = request.getEngineAddress() || engineAddress;
      (callback as grpc.sendUnaryData<providerPb.ProviderHandshakeResponse>)(null, new providerPb.ProviderHandshakeResponse().setAcceptSecrets(true).setAcceptResources(false).setAcceptOutputs(false));
    },
    getPluginInfo: (_call, callback) => (callback as grpc.sendUnaryData<pluginPb.PluginInfo>)(null, new pluginPb.PluginInfo().setVersion(version)),
    getSchema: (call, callback) => {
      const request = (call as grpc.ServerUnaryCall<providerPb.GetSchemaRequest, unknown>).request;
      const done = callback as grpc.sendUnaryData<providerPb.GetSchemaResponse>;
      if (request.getVersion() !== 0) return done({ code: grpc.status.UNKNOWN, details: `schema version ${request.getVersion()} is not supported (only 0)` }, null);
      // Built once by `npm run build` (schemaCache.ts): no module of the provider is loaded for it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the cache reader only
      schemaText ??= (require("./schemaCache") as typeof import("./schemaCache")).readSchemaCache(version);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the schema's modules only, not the provider's
      schemaText ??= JSON.stringify((require("./packageSchema") as typeof import("./packageSchema")).packageSchema({ version }));
      done(null, new providerPb.GetSchemaResponse().setSchema(schemaText));
    },
  };
  for (const [method, handler] of Object.entries(answered)) {
    const forward = service[method] as unknown as Handler;
    // Once the provider is loaded it answers everything itself.
    service[method] = ((...args: unknown[]) => (provider === undefined ? handler(...args) : forward(...args))) as grpc.UntypedHandleCall;
  }
  return { service, close: () => provider?.close() };
}

async function main(args: string[]): Promise<void> {
  const lazy = lazyService((engineAddress) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first call that needs it (see lazyService)
    const { createProviderServer } = require("./providerServer") as typeof import("./providerServer");
    return createProviderServer({ version, engineAddress });
  }, args[0]);
  // Pulumi's payloads (a big stack's inputs) exceed gRPC's 4 MB default, as the SDK's own servers allow.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  // The resource calls' property maps straight from and to the wire (wireService.ts), not through google-protobuf's Structs.
  server.addService(resourceProviderService, lazy.service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  process.stdout.write(`${port}\n`);
  const stop = (): void => {
    lazy.close();
    server.tryShutdown(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-industrydata: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
