/**
 * A trivial provider plugin for the CLI bench (cliLifecycle.ts): it serves the industrydata package schema (so the
 * same YAML program type-checks and runs) and answers every resource call with no work at all: Check returns the
 * inputs, Diff compares them as JSON, Create makes up an id, Read and Update return what they are given, nothing
 * is sent anywhere. Run under the same Node, gRPC library and protos as the real plugin, the same program's time
 * with it is Pulumi's own share (engine, YAML language host, gRPC hops) plus a Node plugin's floor; the real
 * plugin's time beyond it is ours.
 *
 * Input: BENCH_TRIVIAL_SCHEMA, the path of the package schema's JSON text. Prints its port like any plugin.
 */
import * as grpc from "@grpc/grpc-js";
import * as fs from "fs";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

function answer<Req, Res>(make: (request: Req) => Res): Unary<Req, Res> {
  return (call, callback) => callback(null, make(call.request));
}

let created = 0;
const same = (a: structPb.Struct | undefined, b: structPb.Struct | undefined) =>
  JSON.stringify(a?.toJavaScript() ?? {}) === JSON.stringify(b?.toJavaScript() ?? {});

const service: Partial<providerGrpc.IResourceProviderServer> = {
  handshake: answer(() => new providerPb.ProviderHandshakeResponse().setAcceptSecrets(true)),
  getPluginInfo: answer(() => new pluginPb.PluginInfo().setVersion("0.0.1")),
  getSchema: answer(() => new providerPb.GetSchemaResponse().setSchema(fs.readFileSync(process.env.BENCH_TRIVIAL_SCHEMA ?? "", "utf8"))),
  checkConfig: answer((r: providerPb.CheckRequest) => new providerPb.CheckResponse().setInputs(r.getNews())),
  diffConfig: answer(() => new providerPb.DiffResponse().setChanges(providerPb.DiffResponse.DiffChanges.DIFF_NONE)),
  configure: answer(() => new providerPb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true)),
  check: answer((r: providerPb.CheckRequest) => new providerPb.CheckResponse().setInputs(r.getNews())),
  diff: answer((r: providerPb.DiffRequest) =>
    new providerPb.DiffResponse().setChanges(same(r.getOldInputs() ?? r.getOlds(), r.getNews()) ? providerPb.DiffResponse.DiffChanges.DIFF_NONE : providerPb.DiffResponse.DiffChanges.DIFF_SOME),
  ),
  create: answer((r: providerPb.CreateRequest) => new providerPb.CreateResponse().setId(r.getPreview() ? "" : `trivial-${process.pid}-${++created}`).setProperties(r.getProperties())),
  read: answer((r: providerPb.ReadRequest) => new providerPb.ReadResponse().setId(r.getId()).setProperties(r.getProperties()).setInputs(r.getInputs())),
  update: answer((r: providerPb.UpdateRequest) => new providerPb.UpdateResponse().setProperties(r.getNews())),
  delete: answer(() => new emptyPb.Empty()),
  cancel: answer(() => new emptyPb.Empty()),
};

const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
server.addService(providerGrpc.ResourceProviderService, service as grpc.UntypedServiceImplementation);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.stdout.write(`${port}\n`);
});
const stop = () => server.tryShutdown(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
