/**
 * The plugin front end: the engine's ResourceProvider gRPC service over the same operations as the dynamic
 * resources (provider/operations). What the SDK's `provider.main` cannot do is why it is served here: it
 * passes no configuration to a provider and no detailed diff to the engine.
 *
 * One server is one provider instance (the engine starts a plugin process per provider, default or explicit):
 * its configuration and Graph client are its own, so one program can manage two tenants through two explicit
 * providers. Secrets are accepted (acceptSecrets): they arrive wrapped and nested, are unwrapped for the
 * operations, and go back marked where they were, plus where the schema says `secret: true`.
 */
import * as grpc from "@grpc/grpc-js";
import * as emptyPb from "google-protobuf/google/protobuf/empty_pb";
import * as structPb from "google-protobuf/google/protobuf/struct_pb";
import * as anyPb from "google-protobuf/google/protobuf/any_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerPb from "@pulumi/pulumi/proto/provider_pb";
import * as statusPb from "@pulumi/pulumi/proto/status_pb";
import { providerConfigKeys, providerConfigSpecs, resolveProviderConfig, type ProviderConfig, type ProviderConfigKey } from "../config";
import { createGraphClient, type ManagedGraphClient } from "../graph";
import { isInitFailedError, resourceOperations, type GraphContext, type ResourceOperations } from "../operations";
import { detailedDiff, passwordHashesKey, type JsonObject, type PropertyChange } from "../reconcile";
import { descriptors, pulumiUnknownValue } from "../schema";
import { kindOfToken, packageSchema } from "./packageSchema";
import { unwrapSecrets, wrapSecrets } from "./propertyValues";

/** Options of {@link createProviderServer}. */
export interface ProviderServerOptions {
  /** The package version GetPluginInfo and the schema report. */
  version: string;
  /** The engine's address (the plugin's first argument), for Log calls; may come later from Handshake. */
  engineAddress?: string;
  /** Where `INDUSTRYDATA_*` fallbacks are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The service implementation and what it holds, so the process can close its clients on exit. */
export interface ProviderServer {
  service: providerGrpc.IResourceProviderServer;
  close(): void;
}

/** Keys the engine may send beside the configuration keys (the provider's own version and download URL). */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);
const SECRET_CONFIG_KEYS = providerConfigKeys.filter((key) => providerConfigSpecs[key].secret === true);

type Call<Req, Res> = grpc.ServerUnaryCall<Req, Res>;
type Callback<Res> = grpc.sendUnaryData<Res>;

/** The ResourceProvider service of one provider instance. */
export function createProviderServer(options: ProviderServerOptions): ProviderServer {
  const env = options.env ?? process.env;
  let engineAddress = options.engineAddress;
  let engine: engineGrpc.EngineClient | undefined;
  let configured: { config: ProviderConfig; client?: ManagedGraphClient } | { error: unknown } | undefined;
  let schemaText: string | undefined;

  /** This instance's Graph context, from its own Configure (environment only when the engine sent none). */
  function graphContext(): GraphContext {
    configured ??= { config: resolveProviderConfig(() => undefined, env) };
    if ("error" in configured) throw configured.error;
    configured.client ??= createGraphClient(configured.config);
    return { client: configured.client, graphEndpoint: configured.config.graphEndpoint, takeOver: configured.config.takeOver };
  }

  /** A message the engine shows with the resource's step; resolves once the engine has it (stderr without an engine). */
  function log(urn: string, message: string, severity: enginePb.LogSeverity): Promise<void> {
    if (engineAddress === undefined) {
      process.stderr.write(`${message}\n`);
      return Promise.resolve();
    }
    engine ??= new engineGrpc.EngineClient(engineAddress, grpc.credentials.createInsecure());
    const request = new enginePb.LogRequest().setSeverity(severity).setMessage(message).setUrn(urn);
    return new Promise((resolve) => engine!.log(request, () => resolve()));
  }

  const service: providerGrpc.IResourceProviderServer = {
    handshake: unary(async (call: Call<providerPb.ProviderHandshakeRequest, providerPb.ProviderHandshakeResponse>) => {
      engineAddress = call.request.getEngineAddress() || engineAddress;
      return new providerPb.ProviderHandshakeResponse().setAcceptSecrets(true).setAcceptResources(false).setAcceptOutputs(false);
    }),

    getPluginInfo: unary(async () => new pluginPb.PluginInfo().setVersion(options.version)),

    getSchema: unary(async (call: Call<providerPb.GetSchemaRequest, providerPb.GetSchemaResponse>) => {
      if (call.request.getVersion() !== 0) throw new Error(`schema version ${call.request.getVersion()} is not supported (only 0)`);
      schemaText ??= JSON.stringify(packageSchema({ version: options.version }));
      return new providerPb.GetSchemaResponse().setSchema(schemaText);
    }),

    checkConfig: unary(async (call: Call<providerPb.CheckRequest, providerPb.CheckResponse>) => {
      const news = unwrapSecrets(fromStruct(call.request.getNews()));
      const failures = configFailures(news.value, env);
      const inputs = wrapSecrets(news.value, [...news.secretPaths, ...SECRET_CONFIG_KEYS]);
      return new providerPb.CheckResponse().setInputs(toStruct(inputs)).setFailuresList(failures.map(checkFailure));
    }),

    diffConfig: unary(async (call: Call<providerPb.DiffRequest, providerPb.DiffResponse>) => {
      const olds = unwrapSecrets(fromStruct(call.request.getOldInputs() ?? call.request.getOlds())).value;
      const news = unwrapSecrets(fromStruct(call.request.getNews())).value;
      // A changed key reconfigures the provider in place: its resources stay what they are.
      const diffs = providerConfigKeys.filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]));
      return new providerPb.DiffResponse()
        .setChanges(diffs.length > 0 ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE)
        .setDiffsList(diffs);
    }),

    configure: unary(async (call: Call<providerPb.ConfigureRequest, providerPb.ConfigureResponse>) => {
      const values = configValues(call.request);
      closeClient();
      try {
        configured = { config: resolveProviderConfig(configGetter(values), env) };
      } catch (error) {
        // Remember it: every later call fails with the same message rather than fall back to defaults.
        configured = { error };
        throw error;
      }
      return new providerPb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false).setAcceptresources(false).setAcceptoutputs(false);
    }),

    check: unary(async (call: Call<providerPb.CheckRequest, providerPb.CheckResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const news = unwrapSecrets(fromStruct(call.request.getNews()));
      const outcome = operations.check(news.value);
      for (const warning of outcome.warnings) await log(call.request.getUrn(), warning, enginePb.LogSeverity.WARNING);
      const inputs = markSecrets(operations, outcome.inputs, news.secretPaths);
      return new providerPb.CheckResponse().setInputs(toStruct(inputs)).setFailuresList(outcome.failures.map(checkFailure));
    }),

    diff: unary(async (call: Call<providerPb.DiffRequest, providerPb.DiffResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(fromStruct(call.request.getOlds())).value;
      const news = unwrapSecrets(fromStruct(call.request.getNews())).value;
      const oldInputs = call.request.getOldInputs() === undefined ? undefined : unwrapSecrets(fromStruct(call.request.getOldInputs())).value;
      const result = operations.diff(olds, news);
      const changes = detailedDiff(operations.kind, news, olds, oldInputs);
      const response = new providerPb.DiffResponse()
        .setChanges(result.changes ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces.map(propertyName))
        .setDeletebeforereplace(result.deleteBeforeReplace)
        .setDiffsList(result.changedProperties.map(propertyName))
        .setHasdetaileddiff(true);
      const detailed = response.getDetaileddiffMap();
      for (const change of changes) detailed.set(change.path, propertyDiff(change));
      return response;
    }),

    create: unary(async (call: Call<providerPb.CreateRequest, providerPb.CreateResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const news = unwrapSecrets(fromStruct(call.request.getProperties()));
      // The engine asks for a preview of every create (Handshake implies preview support): nothing is sent to
      // Graph; the outputs are the inputs, and what only Graph can say is not known yet.
      if (call.request.getPreview()) {
        const computed = Object.fromEntries(computedOutputs(operations).map((name) => [name, pulumiUnknownValue]));
        return new providerPb.CreateResponse().setProperties(toStruct(markSecrets(operations, { ...computed, ...news.value }, news.secretPaths)));
      }
      // The URN goes into the command a refused create gives (taking over what an interrupted create made).
      const { id, outputs } = await operations.create(graphContext(), news.value, { urn: call.request.getUrn() });
      return new providerPb.CreateResponse().setId(id).setProperties(toStruct(markSecrets(operations, outputs, news.secretPaths)));
    }),

    read: unary(async (call: Call<providerPb.ReadRequest, providerPb.ReadResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const id = call.request.getId();
      const olds = unwrapSecrets(fromStruct(call.request.getProperties()));
      const inputs = unwrapSecrets(fromStruct(call.request.getInputs()));
      if (Object.keys(olds.value).length === 0 && Object.keys(inputs.value).length === 0) {
        // `pulumi import`: nothing stored yet; the arguments that declare the entity as it is, and no PATCH.
        const imported = await operations.importExisting(graphContext(), id);
        if (imported === undefined) return new providerPb.ReadResponse().setId("");
        return new providerPb.ReadResponse()
          .setId(id)
          .setProperties(toStruct(markSecrets(operations, imported.outputs, [])))
          .setInputs(toStruct(markSecrets(operations, imported.inputs, [])));
      }
      const outputs = await operations.read(graphContext(), id, olds.value);
      // Gone (deleted out of band): an empty id tells the engine, so the next `up` recreates it.
      if (outputs === undefined) return new providerPb.ReadResponse().setId("");
      return new providerPb.ReadResponse()
        .setId(id)
        .setProperties(toStruct(markSecrets(operations, outputs, olds.secretPaths)))
        .setInputs(toStruct(wrapSecrets(inputs.value, inputs.secretPaths)));
    }),

    update: unary(async (call: Call<providerPb.UpdateRequest, providerPb.UpdateResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(fromStruct(call.request.getOlds()));
      const news = unwrapSecrets(fromStruct(call.request.getNews()));
      if (call.request.getPreview()) {
        // A preview of an update sends nothing: the last outputs with the declared values laid over them.
        return new providerPb.UpdateResponse().setProperties(toStruct(markSecrets(operations, { ...olds.value, ...news.value }, [...olds.secretPaths, ...news.secretPaths])));
      }
      const outputs = await operations.update(graphContext(), call.request.getId(), olds.value, news.value);
      return new providerPb.UpdateResponse().setProperties(toStruct(markSecrets(operations, outputs, news.secretPaths)));
    }),

    delete: unary(async (call: Call<providerPb.DeleteRequest, emptyPb.Empty>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(fromStruct(call.request.getProperties()));
      await operations.delete(graphContext(), call.request.getId(), olds.value);
      return new emptyPb.Empty();
    }),

    // Nothing to cancel: every Graph operation has its own timeout (operationTimeoutMs).
    cancel: unary(async () => new emptyPb.Empty()),

    attach: unimplemented("Attach"),
    parameterize: unimplemented("Parameterize"),
    invoke: unimplemented("Invoke"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    list: (call) => call.emit("error", { code: grpc.status.UNIMPLEMENTED, details: "List is not implemented" }),
    getMapping: unary(async () => new providerPb.GetMappingResponse().setProvider("").setData("")),
    getMappings: unary(async () => new providerPb.GetMappingsResponse()),
  };

  function closeClient(): void {
    if (configured !== undefined && "config" in configured) configured.client?.close();
  }

  return {
    service,
    close() {
      closeClient();
      engine?.close();
    },
  };
}

/** A changed property as the engine names it: the flow kind ("@odata.type" to the rules) is the `odataType` output. */
function propertyName(name: string): string {
  return name === "@odata.type" ? "odataType" : name;
}

/** The operations of the resource type a request names (`industrydata:index:<Class>`). */
function operationsFor(type: string, urn: string): ResourceOperations {
  const token = type !== "" ? type : (urn.split("::")[2] ?? "").split("$").pop() ?? "";
  const kind = kindOfToken(token);
  if (kind === undefined) throw new Error(`unknown resource type ${token}: this provider serves ${Object.values(descriptors).map((d) => d.resourceName).join(", ")}`);
  return resourceOperations[kind];
}

/** Outputs only Graph can give (the flow id, timestamps, readiness): unknown in a preview of a create. */
function computedOutputs(operations: ResourceOperations): string[] {
  const descriptor = descriptors[operations.kind];
  return [...(descriptor.isFlow ? ["flowId"] : []), ...descriptor.readOnly.filter((name) => name !== "id" && !/[.[]/.test(name))];
}

/**
 * Values marked secret going back to the engine: where the inputs had secrets (the same concrete places), the
 * schema's write-only values (the password, also when Graph returns it masked), and the password hashes.
 */
function markSecrets(operations: ResourceOperations, value: JsonObject, inputSecretPaths: string[]): JsonObject {
  return wrapSecrets(value, [...inputSecretPaths, ...descriptors[operations.kind].writeOnly, passwordHashesKey]);
}

/** The configuration sent by Configure: `args` (keys without namespace), else the older `variables` map. */
function configValues(request: providerPb.ConfigureRequest): JsonObject {
  const args = request.getArgs();
  if (args !== undefined) {
    // Keys come bare from the engine (`graphEndpoint`); a namespaced key (`industrydata:graphEndpoint`) means the same.
    const values = unwrapSecrets(fromStruct(args)).value;
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key.replace(/^industrydata:/, ""), value]));
  }
  const values: JsonObject = {};
  request.getVariablesMap().forEach((value, key) => {
    values[key.replace(/^industrydata:(config:)?/, "")] = value;
  });
  return values;
}

/** `resolveProviderConfig`'s getter over one instance's values (numbers and booleans as the config text they stand for). */
function configGetter(values: JsonObject): (key: string) => string | undefined {
  return (key) => {
    const value = values[key.replace(/^industrydata:/, "")];
    if (value === undefined || value === null || value === pulumiUnknownValue) return undefined;
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}

/** CheckConfig's failures: unknown keys, and the first bad value, each naming its key. */
function configFailures(values: JsonObject, env: NodeJS.ProcessEnv): { property: string; reason: string }[] {
  const failures = Object.keys(values)
    .filter((key) => !ENGINE_KEYS.has(key) && !(providerConfigKeys as readonly string[]).includes(key))
    .map((key) => ({ property: key, reason: `is not a configuration key of industrydata; expected one of: ${providerConfigKeys.join(", ")}` }));
  try {
    resolveProviderConfig(configGetter(values), env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const key = /^industrydata:(\w+)/.exec(message)?.[1] as ProviderConfigKey | undefined;
    failures.push({ property: key ?? "", reason: key === undefined ? message : message.slice(`industrydata:${key} `.length) });
  }
  return failures;
}

function checkFailure({ property, reason }: { property: string; reason: string }): providerPb.CheckFailure {
  return new providerPb.CheckFailure().setProperty(property).setReason(reason);
}

function propertyDiff(change: PropertyChange): providerPb.PropertyDiff {
  const Kind = providerPb.PropertyDiff.Kind;
  const kinds = {
    add: [Kind.ADD, Kind.ADD_REPLACE],
    delete: [Kind.DELETE, Kind.DELETE_REPLACE],
    update: [Kind.UPDATE, Kind.UPDATE_REPLACE],
  } as const;
  return new providerPb.PropertyDiff().setKind(kinds[change.kind][change.replace ? 1 : 0]).setInputdiff(change.inputDiff);
}

function fromStruct(struct: structPb.Struct | undefined): JsonObject {
  return (struct?.toJavaScript() ?? {}) as JsonObject;
}

function toStruct(value: JsonObject): structPb.Struct {
  return structPb.Struct.fromJavaScript(value as Record<string, structPb.JavaScriptValue>);
}

/** A unary handler from an async function; a thrown error becomes the gRPC error the engine reports. */
function unary<Req, Res>(handler: (call: Call<Req, Res>) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback: Callback<Res>) => {
    handler(call).then(
      (response) => callback(null, response),
      (error: unknown) => callback(grpcError(error)),
    );
  };
}

function unimplemented(method: string): grpc.handleUnaryCall<unknown, never> {
  return (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by industrydata` });
}

/**
 * The engine's error for a failed call. A create whose entity exists but could not be read back carries
 * `ErrorResourceInitFailed` in the status details, so the engine records the resource instead of leaking it.
 */
function grpcError(error: unknown): Partial<grpc.StatusObject> {
  const message = error instanceof Error ? error.message : String(error);
  if (!isInitFailedError(error)) return { code: grpc.status.UNKNOWN, details: message };
  const detail = new providerPb.ErrorResourceInitFailed()
    .setId(error.id)
    .setProperties(toStruct(error.properties))
    .setReasonsList(error.reasons);
  const any = new anyPb.Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusPb.Status().setCode(grpc.status.UNKNOWN).setMessage(message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}
