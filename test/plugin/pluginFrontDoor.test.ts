/**
 * The plugin answers the calls every instance gets first (Handshake, GetPluginInfo, GetSchema) before it loads the
 * provider (provider/plugin/main.ts: the engine starts a YAML program's plugin once only for its schema), and
 * those answers are the provider's own: the same messages as providerServer's, before and after the provider has
 * loaded (the first forwarded call).
 */
import { spawn, type ChildProcess } from "child_process";
import * as grpc from "@grpc/grpc-js";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import { createProviderServer } from "../../provider/plugin/providerServer";
import { PLUGIN_PATH } from "../provider/eachFrontEnd";

const { version } = require("../../package.json") as { version: string };

type Unary<Req, Res> = (request: Req, callback: (error: grpc.ServiceError | null, response: Res) => void) => unknown;

function call<Req, Res>(method: Unary<Req, Res>, request: Req): Promise<Res> {
  return new Promise((resolve, reject) => method(request, (error, response) => (error ? reject(error) : resolve(response))));
}

/** What providerServer itself answers (in this process), for comparison. */
function providerAnswer<Res>(method: "handshake" | "getPluginInfo" | "getSchema", request: unknown): Promise<Res> {
  const provider = createProviderServer({ version });
  const handler = provider.service[method] as unknown as (call: { request: unknown }, callback: (error: unknown, response: Res) => void) => void;
  return new Promise((resolve, reject) => handler({ request }, (error, response) => (error ? reject(error) : resolve(response)))).finally(() => provider.close()) as Promise<Res>;
}

describe("the plugin's first answers, before and after the provider loads", () => {
  let child: ChildProcess;
  let client: providerGrpc.ResourceProviderClient;

  beforeAll(async () => {
    child = spawn(PLUGIN_PATH, [], { stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the plugin exited (${code})`)));
      child.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    });
    client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  });

  afterAll(async () => {
    client?.close();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  });

  const handshakeRequest = () => new providerPb.ProviderHandshakeRequest().setEngineAddress("127.0.0.1:1");
  const schemaRequest = () => new providerPb.GetSchemaRequest().setVersion(0);

  /** The three answers, as plain objects. */
  async function firstAnswers(): Promise<unknown[]> {
    return [
      (await call(client.handshake.bind(client) as Unary<providerPb.ProviderHandshakeRequest, providerPb.ProviderHandshakeResponse>, handshakeRequest())).toObject(),
      (await call(client.getPluginInfo.bind(client) as Unary<emptyPb.Empty, pluginPb.PluginInfo>, new emptyPb.Empty())).toObject(),
      JSON.parse((await call(client.getSchema.bind(client) as Unary<providerPb.GetSchemaRequest, providerPb.GetSchemaResponse>, schemaRequest())).getSchema()),
    ];
  }

  test("Handshake, GetPluginInfo and GetSchema answer as providerServer does, before any other call and after one", async () => {
    const expected = [
      (await providerAnswer<providerPb.ProviderHandshakeResponse>("handshake", handshakeRequest())).toObject(),
      (await providerAnswer<pluginPb.PluginInfo>("getPluginInfo", new emptyPb.Empty())).toObject(),
      JSON.parse((await providerAnswer<providerPb.GetSchemaResponse>("getSchema", schemaRequest())).getSchema()),
    ];
    expect(await firstAnswers()).toEqual(expected);

    // CheckConfig loads the provider, which answers it (a mistyped key fails naming it) and everything after.
    const news = structPb.Struct.fromJavaScript({ graphEndpint: "http://127.0.0.1:1/beta" });
    const checked = await call(client.checkConfig.bind(client) as Unary<providerPb.CheckRequest, providerPb.CheckResponse>, new providerPb.CheckRequest().setNews(news));
    expect(checked.getFailuresList().map((f) => f.getProperty())).toContain("graphEndpint");
    expect(await firstAnswers()).toEqual(expected);
  });
});
