/**
 * The two front ends of the same operations, for tests that must hold for both: the dynamic providers called
 * in process (`providers` of the runtime, configured by the emulator fixture), and the provider plugin
 * (bin/pulumi-resource-industrydata) started as the engine starts it and driven over gRPC through
 * test/harness, behind the same CrudProvider shape: its type tokens, its own Configure, secrets on the wire.
 */
import * as path from "path";
import { descriptors, resourceKinds } from "../../provider/schema";
import { providers as dynamicProviders } from "../../provider/dynamic/runtime";
import type { CrudProvider } from "../../provider/dynamic/resourceProvider";
import type { ProviderKey } from "../../provider/schema";
import { ProviderRpcError, repoRoot, revealSecrets, secret, startProviderHost, type ProviderHost } from "../harness";
import { TEST_TOKEN, type EmulatorFixture } from "./emulatorFixture";

export type FrontEndName = "dynamic" | "plugin";

/** Both front ends, for `describe.each`. */
export const FRONT_ENDS: FrontEndName[] = ["dynamic", "plugin"];

/** The plugin executable, as the engine finds it through a `plugins.providers` path. */
export const PLUGIN_PATH = path.join(repoRoot(), "bin", "pulumi-resource-industrydata");

/** A running front end: one provider per resource class. */
export interface FrontEnd {
  providers: Record<ProviderKey, CrudProvider>;
  /** The plugin process (undefined for the dynamic front end). */
  host?: ProviderHost;
  stop(): Promise<void>;
}

/** The resource class of each provider key, e.g. "OutboundProvisioningFlowSet" for "flowSet". */
function resourceNameOf(key: ProviderKey): string {
  return key === "flowSet" ? descriptors.flowSet.resourceName : key.charAt(0).toUpperCase() + key.slice(1);
}

/** Starts a front end against the fixture's emulator. */
export async function startFrontEnd(name: FrontEndName, fx: EmulatorFixture): Promise<FrontEnd> {
  if (name === "dynamic") return { providers: dynamicProviders, stop: async () => undefined };
  const host = await startProviderHost({
    cwd: repoRoot(),
    pluginPath: PLUGIN_PATH,
    config: { graphEndpoint: fx.emulator.graphUrl, accessToken: secret(TEST_TOKEN) },
  });
  const keys = Object.keys(dynamicProviders) as ProviderKey[];
  const providers = Object.fromEntries(keys.map((key) => [key, pluginProvider(host, resourceNameOf(key))])) as Record<ProviderKey, CrudProvider>;
  return { providers, host, stop: () => host.stop() };
}

/** Every resource class the descriptors declare has a provider key (a new descriptor without one fails here). */
export function assertEveryKindServed(): void {
  const names = (Object.keys(dynamicProviders) as ProviderKey[]).map(resourceNameOf);
  for (const kind of resourceKinds) expect(names).toContain(descriptors[kind].resourceName);
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
 * (`defaultPasswords`, `clientSecret`) so that a Read can hand the inputs back as they were (provider/dynamic
 * resourceProvider.ts): the engine marks each secret by that name, as the input. "The outputs never hold a
 * secret" means every other output, the Graph properties above all.
 */
export function outsBesideSecretInputs(outs: Record<string, unknown>): Record<string, unknown> {
  const { defaultPasswords: _passwords, clientSecret: _secret, ...rest } = outs;
  return rest;
}
