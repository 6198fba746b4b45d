/**
 * Shared setup of the engine-level tests: an emulator on port 0 with a static token, our real resource
 * classes serialized by `pulumi.dynamic.Resource` under mocks, and one real dynamic-provider host configured
 * with the stack config the engine would pass (`industrydata:graphEndpoint`, secret `industrydata:accessToken`).
 */
import * as fs from "fs";
import * as path from "path";
import { startEmulator } from "../../emulator";
import {
  EngineResource,
  ProviderHost,
  ProviderHostOptions,
  RegisteredResource,
  ResourceDeclaration,
  repoRoot,
  Secret,
  secret,
  serializeResources,
  startProviderHost,
} from "../harness";
import { generatedSecret } from "../support/testSecrets";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** One request the emulator recorded (its admin API's `GET requests`). */
export interface RecordedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  status: number;
}

/** What every engine test file starts with. */
export interface EngineFixture {
  emulator: Emulator;
  /** The static bearer token (the secret `industrydata:accessToken`). */
  token: string;
  host: ProviderHost;
  /** Serialized resources by declaration name. */
  resources: Record<string, RegisteredResource>;
  /** An engine-driven resource for a serialized declaration (its URN), fresh state. */
  resource(name: string): EngineResource;
  /** Graph call straight to the emulator, as someone editing in the portal would (out of band). */
  graph<T = unknown>(method: string, graphPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Requests the emulator received since the last `clearRequests()` (Graph endpoints only). */
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  /** The emulator's whole tenant (admin `GET state`). */
  state<T = Record<string, unknown>>(): Promise<T>;
  stop(): Promise<void>;
}

/** Makes sure the provider runtime the host will `require` by name has been built. */
export function assertBuilt(): void {
  const runtime = path.join(repoRoot(), "dist", "provider", "dynamic", "runtime.js");
  if (!fs.existsSync(runtime)) {
    throw new Error(`${runtime} is missing: run \`npm run build\` first (npm test does), the host loads the built package`);
  }
  try {
    require.resolve("pulumi-industrydata/runtime", { paths: [repoRoot()] });
  } catch {
    // `npm install <pkg>` prunes the self-link as extraneous without re-running our postinstall.
    throw new Error("pulumi-industrydata does not resolve by name from the repo root: run `node scripts/link-self.js` (npm install does)");
  }
}

/**
 * Starts emulator, serializer and host in parallel. The program folder is the repo root, where
 * `pulumi-industrydata` resolves by name through the workspace self-link, as in the root Pulumi.yaml program.
 */
export async function startEngineFixture(options: {
  declarations: ResourceDeclaration[];
  /** Extra host options (Node flags, environment), e.g. a `--require` observer. */
  host?: Pick<ProviderHostOptions, "nodeArgs" | "env">;
}): Promise<EngineFixture> {
  assertBuilt();
  const cwd = repoRoot();
  const token = generatedSecret("engineToken");
  // The three slow starts overlap; Configure follows as soon as the emulator's address is known.
  const started = await Promise.allSettled([
    startEmulator({ port: 0, staticToken: token, quiet: true }),
    serializeResources({ cwd, resources: options.declarations }),
    startProviderHost({
      cwd,
      configure: false,
      nodeArgs: options.host?.nodeArgs,
      // The developer's own INDUSTRYDATA_* variables must not leak into the provider under test.
      env: { ...scrubbedEnv(), ...options.host?.env },
    }),
  ] as const);
  const [emulatorStart, serializedStart, hostStart] = started;
  const cleanUp = async () => {
    if (hostStart.status === "fulfilled") await hostStart.value.stop();
    if (emulatorStart.status === "fulfilled") await emulatorStart.value.stop();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed || emulatorStart.status !== "fulfilled" || serializedStart.status !== "fulfilled" || hostStart.status !== "fulfilled") {
    await cleanUp();
    throw failed?.reason ?? new Error("engine fixture failed to start");
  }
  const [emulator, serialized, host] = [emulatorStart.value, serializedStart.value, hostStart.value];
  try {
    await host.configure(stackConfig({ emulator, token }));
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const resources = Object.fromEntries(serialized.map((r) => [r.name, r]));
  const admin = (p: string) => `${emulator.adminUrl.replace(/\/$/, "")}/${p}`;
  return {
    emulator,
    token,
    host,
    resources,
    resource(name) {
      const r = resources[name];
      if (!r) throw new Error(`no serialized resource named ${name}`);
      return new EngineResource(host, r.urn);
    },
    async graph<T>(method: string, graphPath: string, body?: unknown) {
      const res = await fetch(`${emulator.graphUrl}${graphPath}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async requests() {
      const res = await fetch(admin("requests"));
      const json = (await res.json()) as RecordedRequest[] | { value: RecordedRequest[] };
      return Array.isArray(json) ? json : json.value;
    },
    async clearRequests() {
      await fetch(admin("requests"), { method: "DELETE" });
    },
    async state<T>() {
      return (await (await fetch(admin("state"))).json()) as T;
    },
    async stop() {
      await host.stop();
      await emulator.stop();
    },
  };
}

/** The stack config the engine passes for this emulator (what a user's `pulumi config set` would hold). */
export function stackConfig(fx: Pick<EngineFixture, "emulator" | "token">): Record<string, string | Secret<string>> {
  return { "industrydata:graphEndpoint": fx.emulator.graphUrl, "industrydata:accessToken": secret(fx.token) };
}

/** This process's environment without INDUSTRYDATA_* / AZURE_* (config must come from Configure only). */
export function scrubbedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of Object.keys(process.env)) if (/^(INDUSTRYDATA_|AZURE_)/.test(key)) env[key] = undefined;
  return env;
}

/** The registered inputs with some top-level values replaced, as a changed program would register them. */
export function withInputs(r: RegisteredResource, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...r.inputs, ...changes };
}
