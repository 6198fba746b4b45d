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
import { isConfigError, providerConfigKeys, providerConfigSpecs, resolveProviderConfig, type ConfigError, type ProviderConfig } from "../config";
import { createGraphClient, scopedGraphClient, type ManagedGraphClient, type RetryEvent } from "../graph";
import { isInitFailedError, lookupNamed, lookups, resourceOperations, type GraphContext, type LookupSpec, type PropertyChange, type ResourceOperations } from "../operations";
import { passwordHashesKey, type JsonObject } from "../reconcile";
import { computedOutputNames, descriptors, pulumiUnknownValue } from "../schema";
import { lookupNameOfToken } from "./functionSchema";
import { kindOfToken, PACKAGE_NAME, packageSchema } from "./packageSchema";
import { unwrapSecrets, wrapSecrets } from "./propertyValues";
import { tenantChange } from "./tenantChange";
import { requestStruct, withStructs } from "./wireService";

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

  /** Log calls not yet acknowledged by the engine (retries reported while a call runs). */
  const pendingLogs = new Set<Promise<void>>();

  /** A resource call's handler that answers only once its log lines reached the engine. */
  function resourceCall<Req, Res>(handler: (call: Call<Req, Res>) => Promise<Res>): grpc.handleUnaryCall<Req, Res> {
    return unary(async (call: Call<Req, Res>) => {
      try {
        return await handler(call);
      } finally {
        await Promise.all([...pendingLogs]);
      }
    });
  }

  /** Aborted by the engine's Cancel: every Graph call in flight stops, and later ones fail at once. */
  const cancellation = new AbortController();

  /**
   * This instance's Graph context for one engine call, from its own Configure (environment only when the
   * engine sent none): its requests stop on Cancel, end by the resource's customTimeouts when the engine sent
   * one (`timeoutSeconds` for `operation`; else each request has industrydata:operationTimeout), and each
   * retry is logged to the engine at debug level with the request-id.
   */
  function graphContext(call?: { urn: string; operation: string; timeoutSeconds: number }): GraphContext {
    configured ??= { config: resolveProviderConfig(() => undefined, env) };
    if ("error" in configured) throw configured.error;
    configured.client ??= createGraphClient(configured.config);
    const graphEndpoint = configured.config.graphEndpoint;
    if (call === undefined) return { client: configured.client, graphEndpoint, takeOver: configured.config.takeOver };
    const timeout = call.timeoutSeconds > 0 ? call.timeoutSeconds : undefined;
    const client = scopedGraphClient(configured.client, {
      signal: cancellation.signal,
      ...(timeout !== undefined
        ? { deadline: Date.now() + timeout * 1000, deadlineName: `the ${call.operation} timeout ${timeout}s (customTimeouts.${call.operation})` }
        : {}),
      onRetry: (event) => {
        // Kept until the call answers, so the engine has the line before the step it belongs to ends.
        const sent = log(call.urn, retryMessage(event), enginePb.LogSeverity.DEBUG);
        pendingLogs.add(sent);
        void sent.then(() => pendingLogs.delete(sent));
      },
    });
    return { client, graphEndpoint, takeOver: configured.config.takeOver };
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

    // PULUMI_DEBUG_PROVIDERS: the engine attaches to a plugin someone started (under a debugger) instead of
    // starting one, and tells it where the engine is, as its first argument would have.
    attach: unary(async (call: Call<pluginPb.PluginAttach, emptyPb.Empty>) => {
      engineAddress = call.request.getAddress() || engineAddress;
      engine?.close();
      engine = undefined;
      return new emptyPb.Empty();
    }),

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
      // A changed key reconfigures the provider in place (a rotated secret, another endpoint): its resources
      // stay what they are. Not the tenant: every stored id belongs to the old one, so the provider, and with
      // it every resource it manages, is replaced (created in the new tenant, deleted from the old).
      const diffs = providerConfigKeys.filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]));
      const replaces = tenantChange(olds, news, env) === undefined ? [] : ["tenantId"];
      return new providerPb.DiffResponse()
        .setChanges(diffs.length > 0 || replaces.length > 0 ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE)
        .setDiffsList([...new Set([...diffs, ...replaces])])
        .setReplacesList(replaces);
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
      return new providerPb.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false).setAcceptoutputs(false);
    }),

    check: unary(async (call: Call<providerPb.CheckRequest, providerPb.CheckResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const news = unwrapSecrets(requestStruct("check", call.request, "news") ?? {});
      const outcome = operations.check(news.value);
      for (const warning of outcome.warnings) await log(call.request.getUrn(), warning, enginePb.LogSeverity.WARNING);
      const inputs = markSecrets(operations, outcome.inputs, news.secretPaths);
      return withStructs("check", new providerPb.CheckResponse().setFailuresList(outcome.failures.map(checkFailure)), { inputs });
    }),

    diff: unary(async (call: Call<providerPb.DiffRequest, providerPb.DiffResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(requestStruct("diff", call.request, "olds") ?? {}).value;
      const news = unwrapSecrets(requestStruct("diff", call.request, "news") ?? {}).value;
      const storedInputs = requestStruct("diff", call.request, "oldInputs");
      const oldInputs = storedInputs === undefined ? undefined : unwrapSecrets(storedInputs).value;
      const result = operations.diff(olds, news, { oldInputs, ignoreChanges: call.request.getIgnorechangesList() });
      const response = new providerPb.DiffResponse()
        .setChanges(result.changes ? providerPb.DiffResponse.DiffChanges.DIFF_SOME : providerPb.DiffResponse.DiffChanges.DIFF_NONE)
        .setReplacesList(result.replaces)
        .setDeletebeforereplace(result.deleteBeforeReplace)
        .setDiffsList(result.changedProperties)
        .setHasdetaileddiff(true);
      const detailed = response.getDetaileddiffMap();
      for (const change of result.detailedChanges) detailed.set(change.path, propertyDiff(change));
      return response;
    }),

    create: resourceCall(async (call: Call<providerPb.CreateRequest, providerPb.CreateResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const news = unwrapSecrets(requestStruct("create", call.request, "properties") ?? {});
      // The engine asks for a preview of every create (Handshake implies preview support): nothing is sent to
      // Graph; the outputs are the inputs, and what only Graph can say is not known yet.
      if (call.request.getPreview()) {
        const computed = Object.fromEntries(computedOutputNames(descriptors[operations.kind]).map((name) => [name, pulumiUnknownValue]));
        return withStructs("create", new providerPb.CreateResponse(), { properties: markSecrets(operations, { ...computed, ...news.value }, news.secretPaths) });
      }
      const ctx = graphContext({ urn: call.request.getUrn(), operation: "create", timeoutSeconds: call.request.getTimeout() });
      const { id, outputs } = await operations.create(ctx, news.value, { urn: call.request.getUrn() });
      return withStructs("create", new providerPb.CreateResponse().setId(id), { properties: markSecrets(operations, outputs, news.secretPaths) });
    }),

    read: resourceCall(async (call: Call<providerPb.ReadRequest, providerPb.ReadResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const id = call.request.getId();
      const olds = unwrapSecrets(requestStruct("read", call.request, "properties") ?? {});
      const inputs = unwrapSecrets(requestStruct("read", call.request, "inputs") ?? {});
      if (Object.keys(olds.value).length === 0 && Object.keys(inputs.value).length === 0) {
        // `pulumi import`: nothing stored yet; the arguments that declare the entity as it is, and no PATCH.
        const imported = await operations.importExisting(graphContext(), id);
        if (imported === undefined) return new providerPb.ReadResponse().setId("");
        return withStructs("read", new providerPb.ReadResponse().setId(id), {
          properties: markSecrets(operations, imported.outputs, []),
          inputs: markSecrets(operations, imported.inputs, []),
        });
      }
      const ctx = graphContext({ urn: call.request.getUrn(), operation: "read", timeoutSeconds: call.request.getTimeout() });
      const read = await operations.read(ctx, id, olds.value, inputs.value);
      // Gone (deleted out of band): an empty id tells the engine, so the next `up` recreates it.
      if (read === undefined) return new providerPb.ReadResponse().setId("");
      // The inputs refreshed for the declared paths (what makes ignoreChanges keep the tenant's value), each
      // secret still secret where it was.
      return withStructs("read", new providerPb.ReadResponse().setId(id), {
        properties: markSecrets(operations, read.outputs, olds.secretPaths),
        inputs: wrapSecrets(read.inputs ?? inputs.value, inputs.secretPaths),
      });
    }),

    update: resourceCall(async (call: Call<providerPb.UpdateRequest, providerPb.UpdateResponse>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(requestStruct("update", call.request, "olds") ?? {});
      const news = unwrapSecrets(requestStruct("update", call.request, "news") ?? {});
      if (call.request.getPreview()) {
        // A preview of an update sends nothing: the last outputs with the declared values laid over them.
        return withStructs("update", new providerPb.UpdateResponse(), { properties: markSecrets(operations, { ...olds.value, ...news.value }, [...olds.secretPaths, ...news.secretPaths]) });
      }
      const ctx = graphContext({ urn: call.request.getUrn(), operation: "update", timeoutSeconds: call.request.getTimeout() });
      const outputs = await operations.update(ctx, call.request.getId(), olds.value, news.value, { ignoreChanges: call.request.getIgnorechangesList() });
      return withStructs("update", new providerPb.UpdateResponse(), { properties: markSecrets(operations, outputs, news.secretPaths) });
    }),

    delete: resourceCall(async (call: Call<providerPb.DeleteRequest, emptyPb.Empty>) => {
      const operations = operationsFor(call.request.getType(), call.request.getUrn());
      const olds = unwrapSecrets(requestStruct("delete", call.request, "properties") ?? {});
      const ctx = graphContext({ urn: call.request.getUrn(), operation: "delete", timeoutSeconds: call.request.getTimeout() });
      await operations.delete(ctx, call.request.getId(), olds.value);
      return new emptyPb.Empty();
    }),

    // The engine is stopping (Ctrl-C, a failed step elsewhere): abort every Graph call in flight, their retries
    // and waits. A PATCH may or may not have reached Graph: the next `up` reads and converges either way.
    cancel: unary(async () => {
      cancellation.abort(new Error("cancelled by the engine"));
      return new emptyPb.Empty();
    }),

    parameterize: unimplemented("Parameterize"),
    // The read-only lookups (provider/operations/lookups.ts): failing arguments come back as failures naming
    // them, before any request; a lookup only GETs, in a preview as in an update.
    invoke: unary(async (call: Call<providerPb.InvokeRequest, providerPb.InvokeResponse>) => {
      const { lookup, args, failures } = invokeRequest(call.request);
      if (failures.length > 0) return new providerPb.InvokeResponse().setFailuresList(failures.map(checkFailure));
      const result = await lookup.run(graphContext().client, args);
      return new providerPb.InvokeResponse().setReturn(toStruct(result));
    }),
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

/** The lookup an Invoke names and its arguments (secrets unwrapped: lookups take none), with their failures. */
function invokeRequest(request: providerPb.InvokeRequest): { lookup: LookupSpec; args: JsonObject; failures: { property: string; reason: string }[] } {
  const token = request.getTok();
  const lookup = lookupNamed(lookupNameOfToken(PACKAGE_NAME, token) ?? "");
  if (lookup === undefined) {
    throw new Error(`unknown function ${token}: this provider serves ${lookups.map((l) => `${PACKAGE_NAME}:index:${l.name}`).join(", ")}`);
  }
  const args = unwrapSecrets(fromStruct(request.getArgs())).value;
  return { lookup, args, failures: lookup.check(args) };
}

/** A retry as the engine's debug log shows it: what was answered, its request-id, and the wait. */
function retryMessage(event: RetryEvent): string {
  const answer = event.status !== undefined ? `answered ${event.status}` : `got no answer (${event.failure ?? "failure"})`;
  const ids = [event.requestId && `request-id ${event.requestId}`, event.clientRequestId && `client-request-id ${event.clientRequestId}`].filter(Boolean).join(", ");
  const why = event.strategy.startsWith("throttling") ? "throttled, waiting as Retry-After says" : "retrying after back-off";
  return `${event.method} ${event.path} ${answer}${ids ? ` (${ids})` : ""}: ${why}, retry ${event.retry} in ${(event.delayMs / 1000).toFixed(1)}s`;
}

/** The operations of the resource type a request names (`industrydata:index:<Class>`). */
function operationsFor(type: string, urn: string): ResourceOperations {
  const token = type !== "" ? type : (urn.split("::")[2] ?? "").split("$").pop() ?? "";
  const kind = kindOfToken(token);
  if (kind === undefined) throw new Error(`unknown resource type ${token}: this provider serves ${Object.values(descriptors).map((d) => d.resourceName).join(", ")}`);
  return resourceOperations[kind];
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
    // A stack key is the failure's property; a value read from the environment instead names its variable.
    const stackKey = isConfigError(error) && error.key.startsWith("industrydata:") ? error.key.slice("industrydata:".length) : undefined;
    if (stackKey !== undefined) failures.push({ property: stackKey, reason: (error as ConfigError).problem });
    else failures.push({ property: "", reason: error instanceof Error ? error.message : String(error) });
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
