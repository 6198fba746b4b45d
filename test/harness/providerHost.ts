/**
 * Starts the real Node dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`) the way the Pulumi
 * engine does and drives it over gRPC the way the engine does.
 *
 * What "the way the engine does" means here (pulumi/pulumi sdk/go/common/resource/plugin/provider_plugin.go,
 * host.go, pkg/resource/deploy/target.go):
 * - the plugin runs with the program's folder as working directory, gets the engine's gRPC address as its
 *   only argument, prints its port on stdout, and inherits PULUMI_NODEJS_PROJECT / PULUMI_PROJECT /
 *   PULUMI_CONFIG (the `pulumi-nodejs:` namespace as JSON, usually `{}`);
 * - Configure carries the *whole* stack config for dynamic providers, keys namespaced
 *   ("industrydata:graphEndpoint"), every value a string, secure values as secret sentinels
 *   (Configure always keeps secrets), with `acceptSecrets: true`;
 * - the host answers `acceptSecrets: false`, so every later call carries secrets as plain values, and the
 *   engine re-marks outputs secret by property name (`annotateSecrets`);
 * - Check gets old *inputs*; Diff and Update get old *outputs* as `olds` plus `oldInputs`; Read and Delete
 *   get the stored outputs as `properties` plus the stored inputs.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import { EngineLogEntry, EngineServer, startEngineServer } from "./engineServer";
import { annotateSecrets, fromWire, revealSecrets, Secret, toWire } from "./propertyValues";
import { loadPulumiProto, PulumiProto } from "./pulumiProto";
import { scanKeptOutput, type KeptOutput } from "../support/scanKeptOutput";

/** Options for {@link startProviderHost}. */
export interface ProviderHostOptions {
  /** The program's folder: the host's working directory; `__provider` text resolves `require`s from here. */
  cwd: string;
  /** Whole stack config, namespaced keys; wrap secure values with `secret()`. Sent by Configure. */
  config?: Record<string, string | Secret<string>>;
  /** Project name (PULUMI_NODEJS_PROJECT / PULUMI_PROJECT). Default "industrydata-engine-test". */
  project?: string;
  /** Extra environment for the host process (on top of this process's environment, as the engine does). */
  env?: NodeJS.ProcessEnv;
  /** Extra Node options placed before the script, e.g. `["--require", observer]`. */
  nodeArgs?: string[];
  /** Node executable. Default: the one running this process. */
  nodePath?: string;
  /** Call Configure right after start (default true), as the engine does before any resource call. */
  configure?: boolean;
  /** Deadline for each RPC in ms (default 60000). */
  rpcTimeoutMs?: number;
  /**
   * Start this plugin executable instead of the dynamic-provider host (e.g. bin/pulumi-resource-industrydata),
   * with the engine's address as its argument, as the engine starts any resource plugin.
   */
  pluginPath?: string;
  /**
   * Where the kept output goes at stop: the suite-wide leak scan (scanKeptOutput) unless a test of the scan
   * itself collects it.
   */
  scanOutput?: (output: KeptOutput) => string[];
}

/** One line the host emitted (its stdout after the port line, its stderr) or a Log call it made to the engine. */
export interface CapturedLine {
  source: "stdout" | "stderr" | "engine";
  text: string;
}

/** One RPC exchanged with the host, as JSON on the wire (what a leak check must search). */
export interface RpcRecord {
  method: string;
  request: unknown;
  response?: unknown;
  error?: string;
  /** Round trip in ms. */
  ms?: number;
  /**
   * The answer's property maps as the engine keeps them in plain text: secrets (as the host marked them, or as
   * the engine re-marks them for a host that cannot carry secrets) replaced by `[secret]`. What the leak scan
   * searches: a secret outside a secret mark is a leak.
   */
  visible?: string[];
}

/** Check's answer. `inputs` carry the engine's secret marks again (annotateSecrets). */
export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: { property: string; reason: string }[];
}

/** Diff's answer, with the change kind by name. */
export interface DiffResult {
  changes: "DIFF_UNKNOWN" | "DIFF_NONE" | "DIFF_SOME";
  replaces: string[];
  stables: string[];
  diffs: string[];
  deleteBeforeReplace: boolean;
  /** The property paths and kinds a provider reported (a plugin's DetailedDiff; the dynamic host sends none). */
  detailedDiff?: Record<string, { kind: PropertyDiffKind; inputDiff: boolean }>;
}

/** What the engine sends beside the properties of a Diff or Update: the resource's options. */
export interface CallOptions {
  /** `ignoreChanges` property paths. */
  ignoreChanges?: string[];
  /** customTimeouts.update in seconds (Update only). */
  timeout?: number;
}

/** A DetailedDiff entry's kind, by name. */
export type PropertyDiffKind = "ADD" | "ADD_REPLACE" | "DELETE" | "DELETE_REPLACE" | "UPDATE" | "UPDATE_REPLACE";

/** Create/Read/Update answers; `properties` carry the engine's secret marks again. */
export interface ResourceResult {
  id: string;
  properties: Record<string, unknown>;
  /** Read only: the inputs the provider asked the engine to store, if it returned any. */
  inputs?: Record<string, unknown>;
}

/** What a create that made the resource but failed to read it back reports (`ErrorResourceInitFailed`). */
export interface InitFailure {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/** An RPC the host answered with an error. */
export class ProviderRpcError extends Error {
  override name = "ProviderRpcError";
  constructor(
    public readonly method: string,
    public readonly code: number,
    public readonly details: string,
    /** The `ErrorResourceInitFailed` in the status details, as the engine reads it to record the resource. */
    public readonly initFailure?: InitFailure,
  ) {
    super(`${method} failed (gRPC ${code}): ${details}`);
  }
}

/** A running dynamic-provider host. */
export interface ProviderHost {
  pid: number;
  /** `127.0.0.1:<port>` of the host's ResourceProvider service. */
  address: string;
  /** Spawn until the port line was read, in ms. */
  startupMs: number;
  /** The Configure round trip, in ms (0 when not configured yet). */
  configureMs: number;
  /** What the host answered to Configure (the engine then marshals every call accordingly). */
  acceptSecrets: boolean;
  /** Whether Configure answered supportsPreview (the engine then asks Create/Update previews of it). */
  supportsPreview: boolean;
  /** Every line the host printed and every Log call it made, in arrival order. */
  output: CapturedLine[];
  /** Every RPC exchanged, as wire JSON. */
  transcript: RpcRecord[];
  /** Everything the host emitted or answered, as one string, for "is this secret anywhere?" checks. */
  emittedText(): string;
  configure(config: Record<string, string | Secret<string>>): Promise<void>;
  check(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult>;
  /** CheckConfig of a provider resource (`urn` of the `pulumi:providers:<pkg>` resource). */
  checkConfig(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult>;
  diff(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<DiffResult>;
  /** DiffConfig of a provider resource: old and new provider inputs. */
  diffConfig(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffResult>;
  /** With `preview: true`, as the engine asks during `pulumi preview`; `timeout` is customTimeouts.create in seconds. */
  create(urn: string, properties: Record<string, unknown>, options?: { preview?: boolean; timeout?: number }): Promise<ResourceResult>;
  read(
    urn: string,
    id: string,
    properties: Record<string, unknown>,
    inputs?: Record<string, unknown>,
  ): Promise<ResourceResult>;
  update(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs?: Record<string, unknown>,
    options?: CallOptions,
  ): Promise<ResourceResult>;
  delete(urn: string, id: string, properties: Record<string, unknown>, oldInputs?: Record<string, unknown>): Promise<void>;
  /** Invoke of a provider function (`industrydata:index:getRoleGroup`): its return value and argument failures. */
  invoke(token: string, args: Record<string, unknown>): Promise<{ result: Record<string, unknown> | undefined; failures: { property: string; reason: string }[] }>;
  /** The engine's Cancel (it is shutting down: the provider should stop what is in flight). */
  cancel(): Promise<void>;
  /** The engine's Attach (PULUMI_DEBUG_PROVIDERS): the provider is told the engine's address. */
  attach(address: string): Promise<void>;
  /** Stops the host (and the engine stand-in); waits for the process to exit. */
  stop(): Promise<void>;
}

/** Splits a URN into the `name` and `type` the engine sends beside it. */
function urnParts(urn: string): { name: string; type: string } {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return { name: parts[3] ?? "", type: qualified.split("$").pop() ?? "" };
}

/** Resolves the dynamic-provider script of the @pulumi/pulumi the program folder sees, as the plugin shim does. */
export function dynamicProviderScript(cwd: string): string {
  let pkgJson: string;
  try {
    pkgJson = require.resolve("@pulumi/pulumi/package.json", { paths: [cwd] });
  } catch {
    pkgJson = require.resolve("@pulumi/pulumi/package.json");
  }
  return path.join(path.dirname(pkgJson), "cmd", "dynamic-provider", "index.js");
}

/** Starts the host, waits for its port, connects, and (by default) sends Configure. */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  const command = options.pluginPath !== undefined ? [options.pluginPath] : [dynamicProviderScript(options.cwd)];
  const proto = loadPulumiProto(options.cwd);
  const engine = await startEngineServer();
  const project = options.project ?? "industrydata-engine-test";
  const output: CapturedLine[] = [];
  const started = Date.now();
  const child = spawn(options.nodePath ?? process.execPath, [...(options.nodeArgs ?? []), ...command, engine.address], {
    cwd: options.cwd,
    env: {
      ...process.env,
      ...options.env,
      PULUMI_NODEJS_PROJECT: project,
      PULUMI_PROJECT: project,
      PULUMI_CONFIG: "{}",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let port: number;
  try {
    port = await readPort(child, output);
  } catch (e) {
    await engine.stop();
    throw e;
  }
  const startupMs = Date.now() - started;
  const host = new HostConnection(proto, child, engine, `127.0.0.1:${port}`, output, startupMs, options.rpcTimeoutMs ?? 60000, options.scanOutput ?? scanKeptOutput);
  if (options.configure !== false) {
    try {
      await host.configure(options.config ?? {});
    } catch (e) {
      await host.stop();
      throw e;
    }
  }
  return host;
}

/** Reads stdout until the port line, then keeps capturing both streams line by line. */
function readPort(child: ChildProcess, output: CapturedLine[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let port: number | undefined;
    const stdout = readline.createInterface({ input: child.stdout! });
    const stderr = readline.createInterface({ input: child.stderr! });
    stdout.on("line", (line) => {
      if (port === undefined && /^\d+$/.test(line.trim())) {
        port = Number(line.trim());
        resolve(port);
        return;
      }
      output.push({ source: "stdout", text: line });
    });
    stderr.on("line", (line) => output.push({ source: "stderr", text: line }));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (port === undefined) {
        const said = output.map((l) => l.text).join("\n");
        reject(new Error(`dynamic-provider host exited before printing its port (code ${code}, signal ${signal}):\n${said}`));
      }
    });
  });
}

/** The property maps a request may carry, each with the generated stub's setter. */
const PROPERTY_MAP_SETTERS = {
  olds: "setOlds",
  news: "setNews",
  oldInputs: "setOldInputs",
  properties: "setProperties",
  inputs: "setInputs",
} as const;
type PropertyMapField = keyof typeof PROPERTY_MAP_SETTERS;

/* eslint-disable @typescript-eslint/no-explicit-any -- generated stub types are untyped JS */
/** A built request and its wire JSON (what the transcript records). */
interface WireRequest {
  req: any;
  wire: Record<string, unknown>;
}

class HostConnection implements ProviderHost {
  configureMs = 0;
  acceptSecrets = true;
  supportsPreview = false;
  transcript: RpcRecord[] = [];
  /** The transcript record of each answer, so unwire can note what the answer shows in plain text. */
  private readonly recordOf = new WeakMap<object, RpcRecord>();
  /** The credentials the host was given as secrets (config and inputs), for the leak scan at stop. */
  private readonly givenSecrets = new Set<string>();
  private readonly client: any;
  private readonly exited: Promise<void>;

  constructor(
    private readonly proto: PulumiProto,
    private readonly child: ChildProcess,
    private readonly engine: EngineServer,
    readonly address: string,
    private readonly captured: CapturedLine[],
    readonly startupMs: number,
    private readonly rpcTimeoutMs: number,
    private readonly scanOutput: (output: KeptOutput) => string[],
  ) {
    this.client = new proto.providerGrpc.ResourceProviderClient(address, proto.grpc.credentials.createInsecure());
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Host lines and engine Log calls, merged (engine entries appended as they are not timestamped together). */
  get output(): CapturedLine[] {
    return [
      ...this.captured,
      ...this.engine.logs.map((l: EngineLogEntry) => ({ source: "engine" as const, text: `${l.severity}: ${l.message}` })),
    ];
  }

  emittedText(): string {
    const lines = this.output.map((l) => l.text);
    const answers = this.transcript.map((r) => JSON.stringify({ method: r.method, response: r.response, error: r.error }));
    return [...lines, ...answers].join("\n");
  }

  async configure(config: Record<string, string | Secret<string>>): Promise<void> {
    const req = new this.proto.provider.ConfigureRequest();
    // Configure is the one call where the engine always keeps secrets (KeepSecrets: true).
    collectSecretStrings(config, this.givenSecrets);
    const args = toWire(config, { keepSecrets: true }) as Record<string, unknown>;
    req.setArgs(this.proto.struct.Struct.fromJavaScript(args));
    const variables = req.getVariablesMap();
    for (const [k, v] of Object.entries(config)) {
      // The older "<pkg>:config:<key>" spelling the engine still sends beside args.
      variables.set(`pulumi-nodejs:config:${k}`, String(revealSecrets(v)));
    }
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    const t0 = Date.now();
    const answer = await this.call("configure", { req, wire: { args } }, (r) => r.toObject());
    this.configureMs = Date.now() - t0;
    this.acceptSecrets = answer.acceptsecrets;
    this.supportsPreview = answer.supportspreview;
  }

  async check(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> {
    const answer = await this.call("check", this.request("CheckRequest", urn, undefined, { olds, news }), (r) => ({
      inputs: r.getInputs()?.toJavaScript(),
      failures: r.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    }));
    return { inputs: this.unwire(answer.inputs ?? {}, news, answer), failures: answer.failures };
  }

  async checkConfig(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult> {
    const answer = await this.call("checkConfig", this.request("CheckRequest", urn, undefined, { olds, news }), (r) => ({
      inputs: r.getInputs()?.toJavaScript(),
      failures: r.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    }));
    return { inputs: this.unwire(answer.inputs ?? {}, news, answer), failures: answer.failures };
  }

  async diff(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs?: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<DiffResult> {
    const request = this.request("DiffRequest", urn, id, { olds, news, oldInputs });
    if (options.ignoreChanges !== undefined) request.req.setIgnorechangesList(options.ignoreChanges);
    return this.call("diff", request, (r) => this.diffAnswer(r));
  }

  async diffConfig(urn: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffResult> {
    return this.call("diffConfig", this.request("DiffRequest", urn, undefined, { olds, news, oldInputs: olds }), (r) => this.diffAnswer(r));
  }

  async cancel(): Promise<void> {
    await this.call("cancel", { req: new this.proto.empty.Empty(), wire: {} }, () => ({}));
  }

  async attach(address: string): Promise<void> {
    const req = new this.proto.plugin.PluginAttach();
    req.setAddress(address);
    await this.call("attach", { req, wire: { address } }, () => ({}));
  }

  private diffAnswer(r: any): DiffResult {
    const kinds = ["DIFF_UNKNOWN", "DIFF_NONE", "DIFF_SOME"] as const;
    const propertyKinds: PropertyDiffKind[] = ["ADD", "ADD_REPLACE", "DELETE", "DELETE_REPLACE", "UPDATE", "UPDATE_REPLACE"];
    const detailed: DiffResult["detailedDiff"] = r.getHasdetaileddiff() ? {} : undefined;
    r.getDetaileddiffMap().forEach((diff: any, path: string) => {
      detailed![path] = { kind: propertyKinds[diff.getKind()], inputDiff: diff.getInputdiff() };
    });
    return {
      changes: kinds[r.getChanges()] ?? "DIFF_UNKNOWN",
      replaces: r.getReplacesList(),
      stables: r.getStablesList(),
      diffs: r.getDiffsList(),
      deleteBeforeReplace: r.getDeletebeforereplace(),
      ...(detailed !== undefined ? { detailedDiff: detailed } : {}),
    };
  }

  async create(urn: string, properties: Record<string, unknown>, options: { preview?: boolean; timeout?: number } = {}): Promise<ResourceResult> {
    const request = this.request("CreateRequest", urn, undefined, { properties });
    if (options.preview) request.req.setPreview(true);
    if (options.timeout !== undefined) request.req.setTimeout(options.timeout);
    const answer = await this.call("create", request, (r) => ({
      id: r.getId(),
      properties: r.getProperties()?.toJavaScript(),
    }));
    return { id: answer.id, properties: this.unwire(answer.properties ?? {}, properties, answer) };
  }

  async read(
    urn: string,
    id: string,
    properties: Record<string, unknown>,
    inputs?: Record<string, unknown>,
  ): Promise<ResourceResult> {
    const answer = await this.call("read", this.request("ReadRequest", urn, id, { properties, inputs }), (r) => ({
      id: r.getId(),
      properties: r.getProperties()?.toJavaScript(),
      inputs: r.getInputs()?.toJavaScript(),
    }));
    return {
      id: answer.id,
      properties: this.unwire(answer.properties ?? {}, properties, answer),
      inputs: answer.inputs ? this.unwire(answer.inputs, inputs ?? {}, answer) : undefined,
    };
  }

  async update(
    urn: string,
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    oldInputs?: Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<ResourceResult> {
    const request = this.request("UpdateRequest", urn, id, { olds, news, oldInputs });
    if (options.ignoreChanges !== undefined) request.req.setIgnorechangesList(options.ignoreChanges);
    if (options.timeout !== undefined) request.req.setTimeout(options.timeout);
    const answer = await this.call("update", request, (r) => ({
      properties: r.getProperties()?.toJavaScript(),
    }));
    return { id, properties: this.unwire(answer.properties ?? {}, news, answer) };
  }

  async delete(urn: string, id: string, properties: Record<string, unknown>, oldInputs?: Record<string, unknown>): Promise<void> {
    await this.call("delete", this.request("DeleteRequest", urn, id, { properties, oldInputs }), () => ({}));
  }

  /** Invoke (a provider function, e.g. `industrydata:index:getRoleGroup`): its return value and argument failures. */
  async invoke(token: string, args: Record<string, unknown>): Promise<{ result: Record<string, unknown> | undefined; failures: { property: string; reason: string }[] }> {
    const req = new this.proto.provider.InvokeRequest();
    req.setTok(token);
    const wired = this.wire(args);
    req.setArgs(this.proto.struct.Struct.fromJavaScript(wired));
    return this.call("invoke", { req, wire: { tok: token, args: wired } }, (r) => ({
      result: r.getReturn()?.toJavaScript(),
      failures: r.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
    }));
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 3000);
    await this.exited;
    clearTimeout(timer);
    await this.engine.stop();
    // The suite-wide leak scan (test/support/leakReporter.js) covers what every host printed or logged, and what
    // it answered: each reply's property maps outside their secret marks, its failures and diffs, its errors.
    this.scanOutput({
      source: "provider host output (stdout, stderr, engine log)",
      text: this.output.map((l) => `${l.source}: ${l.text}`),
      secrets: [...this.givenSecrets],
    });
    this.scanOutput({
      source: "provider host gRPC replies and errors",
      text: this.transcript.map((r) => `${r.method}: ${replyText(r)}`),
      secrets: [...this.givenSecrets],
    });
  }

  /**
   * A `kind` request for `urn` as the engine builds it: urn, plus the name and type it sends beside it, the id
   * when given, and each given property map marshalled once; with the same maps as wire JSON for the transcript.
   */
  private request(kind: string, urn: string, id: string | undefined, maps: Partial<Record<PropertyMapField, Record<string, unknown>>>): WireRequest {
    const { name, type } = urnParts(urn);
    const req = new this.proto.provider[kind]();
    req.setUrn(urn);
    req.setName(name);
    req.setType(type);
    const wire: Record<string, unknown> = {};
    if (id !== undefined) {
      req.setId(id);
      wire.id = id;
    }
    for (const field of Object.keys(PROPERTY_MAP_SETTERS) as PropertyMapField[]) {
      const value = maps[field];
      if (value === undefined) continue;
      wire[field] = this.wire(value);
      req[PROPERTY_MAP_SETTERS[field]](this.proto.struct.Struct.fromJavaScript(wire[field]));
    }
    return { req, wire };
  }

  /** The `ErrorResourceInitFailed` packed in an error's `grpc-status-details-bin`, as the engine unpacks it. */
  private initFailure(err: any): InitFailure | undefined {
    const raw = err.metadata?.get?.("grpc-status-details-bin")?.[0];
    if (raw === undefined) return undefined;
    const status = this.proto.status.Status.deserializeBinary(new Uint8Array(raw));
    for (const detail of status.getDetailsList()) {
      if (!String(detail.getTypeUrl()).endsWith("pulumirpc.ErrorResourceInitFailed")) continue;
      const failed = this.proto.provider.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
      return {
        id: failed.getId(),
        properties: fromWire(failed.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
        reasons: failed.getReasonsList(),
      };
    }
    return undefined;
  }

  /** Engine-side values to the wire: secrets kept only if the host accepted them at Configure. */
  private wire(value: Record<string, unknown>): Record<string, unknown> {
    collectSecretStrings(value, this.givenSecrets);
    return toWire(value, { keepSecrets: this.acceptSecrets }) as Record<string, unknown>;
  }

  /**
   * Wire answer back to engine-side values, re-marking secrets by name when the host could not carry them; what
   * stays plain is noted on the answer's transcript record for the leak scan.
   */
  private unwire(value: Record<string, unknown>, ins: Record<string, unknown>, answered: object): Record<string, unknown> {
    const out = fromWire(value) as Record<string, unknown>;
    const marked = this.acceptSecrets ? out : (annotateSecrets(out, ins) ?? out);
    const record = this.recordOf.get(answered);
    if (record) (record.visible ??= []).push(JSON.stringify(secretsHidden(marked)));
    return marked;
  }

  /** Sends one RPC; the transcript records the request's wire JSON and `answer(response)`, which it resolves with. */
  private call<T>(method: string, { req, wire }: WireRequest, answer: (resp: any) => T): Promise<T> {
    const record: RpcRecord = { method, request: wire };
    this.transcript.push(record);
    const started = Date.now();
    const deadline = new Date(started + this.rpcTimeoutMs);
    return new Promise((resolve, reject) => {
      this.client[method](req, { deadline }, (err: any, resp: any) => {
        record.ms = Date.now() - started;
        if (err) {
          record.error = String(err.details ?? err.message);
          reject(new ProviderRpcError(method, err.code ?? -1, record.error, this.initFailure(err)));
          return;
        }
        const answered = answer(resp);
        record.response = answered;
        if (typeof answered === "object" && answered !== null) this.recordOf.set(answered, record);
        resolve(answered);
      });
    });
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * What an RPC's answer shows outside secret marks: its property maps as unwire noted them, the rest of the answer
 * (check failures, diff keys, ids) as is, and the error message.
 */
function replyText(record: RpcRecord): string {
  const { inputs: _inputs, properties: _properties, ...rest } = (record.response ?? {}) as Record<string, unknown>;
  return [...(record.visible ?? []), JSON.stringify(rest), record.error !== undefined ? `error: ${record.error}` : ""].join(" ");
}

/** A copy of `value` with every secret replaced by `[secret]`. */
function secretsHidden(value: unknown): unknown {
  if (value instanceof Secret) return "[secret]";
  if (Array.isArray(value)) return value.map(secretsHidden);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretsHidden(v)]));
  return value;
}

/** Property names whose string values are credentials wherever they sit. */
const CREDENTIAL_KEY = /^(password|secret|clientSecret|client_secret|accessToken|access_token|token|apiKey)$/i;

/**
 * Adds to `into` every string that is a secret's whole value, or sits under a credential-named key inside a
 * secret (the resource classes wrap creationOptions whole, and only its passwords are credentials; role
 * group ids and SKUs beside them are not).
 */
function collectSecretStrings(value: unknown, into: Set<string>, inSecret = false, key = ""): void {
  if (value instanceof Secret) {
    if (typeof value.value === "string") into.add(value.value);
    else collectSecretStrings(value.value, into, true);
  } else if (typeof value === "string") {
    if (inSecret && CREDENTIAL_KEY.test(key)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecretStrings(item, into, inSecret, key);
  } else if (typeof value === "object" && value !== null) {
    for (const [name, item] of Object.entries(value)) collectSecretStrings(item, into, inSecret, name);
  }
}
