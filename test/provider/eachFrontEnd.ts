/**
 * One helper runs a provider test against each front end of the same operations: the dynamic providers called
 * in process (`providers` of the runtime, configured for the emulator), and the provider plugin
 * (bin/pulumi-resource-industrydata) started as the engine starts it and driven over gRPC through test/harness,
 * behind the same CrudProvider shape: its type tokens, its own Configure, secrets on the wire.
 *
 * `eachFrontEnd(options).describe(body)` declares `body` once per front end ("dynamic front end", "plugin front
 * end"), each block with its own emulator on port 0 and its own front end, the tenant reset before each test.
 * The tests reach the running block's emulator, providers and flow set through the handle.
 *
 * This is the one test module that imports the dynamic front end's runtime (provider/resources): the others take
 * its types and providers from here.
 */
import * as path from "path";
import { descriptors, resourceKinds, type ResourceKind } from "../../provider/schema";
import { configure, providers as dynamicProviders } from "../../provider/dynamic/runtime";
import type { CrudProvider } from "../../provider/dynamic/resourceProvider";
import type { ProviderKey } from "../../provider/schema";
import { ProviderRpcError, repoRoot, revealSecrets, secret, startProviderHost, type ProviderHost } from "../harness";
import { startFixture, TEST_TOKEN, type EmulatorFixture, type FixtureOptions } from "./emulatorFixture";

export type { CrudProvider, ProviderKey };

export type FrontEndName = "dynamic" | "plugin";

/** Both front ends, in the order their blocks run. */
const FRONT_ENDS: FrontEndName[] = ["dynamic", "plugin"];

/** The plugin executable, as the engine finds it through a `plugins.providers` path. */
export const PLUGIN_PATH = path.join(repoRoot(), "bin", "pulumi-resource-industrydata");

type Providers = Record<ProviderKey, CrudProvider>;

/** A running front end: one provider per resource class. */
interface FrontEnd {
  providers: Providers;
  /** The plugin process (undefined for the dynamic front end). */
  host?: ProviderHost;
  stop(): Promise<void>;
}

/** Options of `eachFrontEnd`. */
export interface EachFrontEndOptions {
  /** Before each test, after the reset: a flow set of this name is created (its id in `setId`), the request log cleared. */
  flowSet?: string;
  /**
   * The front ends to run on (default both). Only for what one front end alone has or shows (the dynamic
   * providers' serialized `__provider` input, their warnings on the program's console), or cannot run on the
   * other: say why where it is used.
   */
  frontEnds?: FrontEndName[];
}

/** The running front end block, as its tests see it (each getter throws outside a test of `describe`). */
export interface FrontEndTests {
  /** The front end the running block drives. */
  readonly frontEnd: FrontEndName;
  /** The block's emulator. */
  readonly fx: EmulatorFixture;
  /** The front end's provider per resource class. */
  readonly providers: Providers;
  /** The flow set made before each test (with the `flowSet` option). */
  readonly setId: string;
  /**
   * Declares `body` once per front end, in a block named "<front end> front end" that starts its own emulator
   * (with `emulator`'s options) and front end, stops both after, and resets the tenant before each test.
   */
  describe(body: () => void, emulator?: FixtureOptions): void;
}

/** The handle of a test file's front end blocks: declare them with `describe`, reach the running one's parts. */
export function eachFrontEnd(options: EachFrontEndOptions = {}): FrontEndTests {
  let running: { frontEnd: FrontEndName; fx: EmulatorFixture; front: FrontEnd } | undefined;
  let setId: string | undefined;
  const current = () => {
    if (running === undefined) throw new Error("a front end's emulator and providers exist only inside a test of eachFrontEnd().describe");
    return running;
  };
  return {
    get frontEnd() {
      return current().frontEnd;
    },
    get fx() {
      return current().fx;
    },
    get providers() {
      return current().front.providers;
    },
    get setId() {
      if (setId === undefined) throw new Error("no flow set: pass eachFrontEnd({ flowSet: <name> })");
      return setId;
    },
    describe(body, emulator) {
      describe.each(options.frontEnds ?? FRONT_ENDS)("%s front end", (frontEnd) => {
        beforeAll(async () => {
          const fx = await startFixture(emulator);
          try {
            running = { frontEnd, fx, front: await startFrontEnd(frontEnd, fx) };
          } catch (error) {
            await fx.stop();
            throw error;
          }
        });
        afterAll(async () => {
          const stopping = running;
          running = undefined;
          setId = undefined;
          if (stopping === undefined) return;
          try {
            await stopping.front.stop();
          } finally {
            await stopping.fx.stop();
          }
        });
        beforeEach(async () => {
          const { fx } = current();
          await fx.reset();
          if (options.flowSet !== undefined) {
            setId = await fx.createFlowSet(options.flowSet);
            await fx.clearRequests();
          }
        });
        body();
      });
    },
  };
}

/** The resource class of each provider key, e.g. "OutboundProvisioningFlowSet" for "flowSet". */
function resourceNameOf(key: ProviderKey): string {
  return key === "flowSet" ? descriptors.flowSet.resourceName : key.charAt(0).toUpperCase() + key.slice(1);
}

/**
 * Starts a front end against the fixture's emulator: the dynamic runtime configured as a stack's config would
 * (endpoint and token), or the plugin process with its own Configure.
 */
async function startFrontEnd(name: FrontEndName, fx: EmulatorFixture): Promise<FrontEnd> {
  if (name === "dynamic") {
    const stack: Record<string, string> = { "industrydata:graphEndpoint": fx.emulator.graphUrl, "industrydata:accessToken": TEST_TOKEN };
    await configure({ get: (key) => stack[key] });
    return { providers: dynamicProviders, stop: async () => undefined };
  }
  const host = await startProviderHost({
    cwd: repoRoot(),
    pluginPath: PLUGIN_PATH,
    config: { graphEndpoint: fx.emulator.graphUrl, accessToken: secret(TEST_TOKEN) },
  });
  const keys = Object.keys(dynamicProviders) as ProviderKey[];
  const providers = Object.fromEntries(keys.map((key) => [key, pluginProvider(host, resourceNameOf(key))])) as Providers;
  return { providers, host, stop: () => host.stop() };
}

/**
 * The key in `providers` of a resource kind (the kind itself, or its Graph type name), so tests can iterate
 * `resourceKinds`: a kind added without a provider under either name fails here instead of going untested.
 */
export function providerKeyOf(kind: ResourceKind): ProviderKey {
  const key = Object.keys(dynamicProviders).find((k) => k === kind || k === descriptors[kind].graphType);
  if (key === undefined) throw new Error(`no provider for resource kind ${kind} (expected key "${kind}" or "${descriptors[kind].graphType}")`);
  return key as ProviderKey;
}

const reveal = <T>(value: T): T => revealSecrets(value) as T;

/** The descriptor's write-only paths of a resource class (the package schema marks each one secret). */
function writeOnlyPathsOf(resourceName: string): string[] {
  return resourceKinds.map((kind) => descriptors[kind]).find((d) => d.resourceName === resourceName)?.writeOnly ?? [];
}

/** A copy of `value` with the value at `path` (`a.b`, `a[].b`) wrapped as a secret wherever it is present. */
function markAt(value: unknown, names: string[]): unknown {
  if (names.length === 0) return value === undefined || value === null ? value : secret(value);
  const [head, ...rest] = names;
  if (head.endsWith("[]")) {
    const name = head.slice(0, -2);
    if (!isRecord(value) || !Array.isArray(value[name])) return value;
    return { ...value, [name]: (value[name] as unknown[]).map((element) => markAt(element, rest)) };
  }
  if (!isRecord(value) || !(head in value)) return value;
  return { ...value, [head]: markAt(value[head], rest) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Inputs as the engine sends them to the plugin: the SDK marks every property the package schema declares
 * secret (the write-only values), nested where the program put it; the dynamic class instead lifts them into
 * inputs of their own, which the dynamic provider lays back in place.
 */
function asEngineSends(resourceName: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return writeOnlyPathsOf(resourceName).reduce<Record<string, unknown>>(
    (marked, path) => markAt(marked, path.split(".")) as Record<string, unknown>,
    inputs,
  );
}

/** A CrudProvider whose calls are the engine's RPCs to the plugin for one resource of this class. */
function pluginProvider(host: ProviderHost, resourceName: string): CrudProvider {
  const urn = `urn:pulumi:test::industrydata-test::industrydata:index:${resourceName}::r`;
  const marked = (inputs: Record<string, unknown>) => asEngineSends(resourceName, inputs);
  return {
    async check(olds, news) {
      const { inputs, failures } = await host.check(urn, marked(olds), marked(news));
      return { inputs: reveal(inputs), failures };
    },
    async diff(id, olds, news) {
      const result = await host.diff(urn, id, olds, marked(news));
      return { changes: result.changes === "DIFF_SOME", replaces: result.replaces, deleteBeforeReplace: result.deleteBeforeReplace };
    },
    async create(inputs) {
      try {
        const { id, properties } = await host.create(urn, marked(inputs));
        return { id, outs: reveal(properties) };
      } catch (error) {
        // Created but not read back: the engine records the resource from the status details, as the dynamic
        // host's error fields say in process.
        if (!(error instanceof ProviderRpcError) || error.initFailure === undefined) throw error;
        const { id, properties, reasons } = error.initFailure;
        throw Object.assign(new Error(error.message), { id, properties: reveal(properties), reasons });
      }
    },
    async read(id, props) {
      const result = await host.read(urn, id, props ?? {});
      return { id: result.id, props: reveal(result.properties) };
    },
    async update(id, olds, news) {
      const { properties } = await host.update(urn, id, olds, marked(news));
      return { outs: reveal(properties) };
    },
    async delete(id, props) {
      await host.delete(urn, id, props);
    },
  };
}

/**
 * Outputs without the dynamic resources' copy of their secret inputs, kept under the inputs' own names
 * (`defaultPasswords`, `clientSecret`) so that a Read can hand the inputs back as they were (provider/resources
 * resourceProvider.ts): the engine marks each secret by that name, as the input. "The outputs never hold a
 * secret" means every other output, the Graph properties above all.
 */
export function outsBesideSecretInputs(outs: Record<string, unknown>): Record<string, unknown> {
  const { defaultPasswords: _passwords, clientSecret: _secret, ...rest } = outs;
  return rest;
}
