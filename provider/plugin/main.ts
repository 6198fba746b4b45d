/**
 * `pulumi-resource-industrydata` (bin/, which requires this file): the industrydata resource provider plugin. The engine starts it with its own
 * gRPC address as the first argument; the plugin serves the ResourceProvider service on a loopback port and
 * prints that port, alone on the first line of stdout, as every Pulumi plugin does.
 */
import * as grpc from "@grpc/grpc-js";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { createProviderServer } from "./providerServer";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the version of the installed package
const { version } = require("../../../package.json") as { version: string };

async function main(args: string[]): Promise<void> {
  const provider = createProviderServer({ version, engineAddress: args[0] });
  // Pulumi's payloads (a big stack's inputs) exceed gRPC's 4 MB default, as the SDK's own servers allow.
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(providerGrpc.ResourceProviderService, provider.service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  process.stdout.write(`${port}\n`);
  const stop = (): void => {
    provider.close();
    server.tryShutdown(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-industrydata: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
