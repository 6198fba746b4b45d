/**
 * Obtains the exact inputs, `__provider` text included, that `pulumi.dynamic.Resource` registers for a
 * resource: the declaration runs under `pulumi.runtime.setMocks` in a plain Node child process whose working
 * directory is the program folder (see serializeProgram.js for why not in-process).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { fromWire, isPlainObject, Secret } from "./propertyValues";

/** One resource declaration to serialize. */
export interface ResourceDeclaration {
  /** Module exporting the resource class, resolved from `cwd`: a package name or a `./relative` path. */
  module: string;
  /** Name of the exported class, e.g. "UserProvisioningFlow". */
  exportName: string;
  /** Pulumi resource name. */
  name: string;
  /** Constructor arguments; wrap secret values with `secret()` (becomes `pulumi.secret`). */
  args: Record<string, unknown>;
  /** Resource options (plain JSON only). */
  opts?: Record<string, unknown>;
}

/** Options for {@link serializeResources}. */
export interface SerializeOptions {
  /** Program folder: working directory of the declaring process. */
  cwd: string;
  resources?: ResourceDeclaration[];
  /** Alternatively a program module (path from cwd) that declares resources when required. */
  program?: string;
  project?: string;
  stack?: string;
  /** Node executable. Default: the one running this process. */
  nodePath?: string;
  /** Extra environment (e.g. NODE_PRESERVE_SYMLINKS). */
  env?: NodeJS.ProcessEnv;
}

/** A resource as the engine received it from the program. */
export interface RegisteredResource {
  type: string;
  name: string;
  urn: string;
  /** Inputs as registered, secrets as `Secret`, `__provider` included. */
  inputs: Record<string, unknown>;
  /** The `__provider` text (the serialized dynamic provider). */
  provider: string;
  /** Its size in bytes (UTF-8). */
  providerBytes: number;
}

const MARKER = "__HARNESS_SERIALIZED__";

/** Finds this repository's root (the folder whose package.json is named pulumi-industrydata). */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "pulumi-industrydata") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-industrydata package.json above ${from}`);
  }
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` for a top-level resource. */
export function resourceUrn(options: { stack: string; project: string; type: string; name: string }): string {
  return `urn:pulumi:${options.stack}::${options.project}::${options.type}::${options.name}`;
}

function encodeSecrets(value: unknown): unknown {
  if (value instanceof Secret) return { __harnessSecret: value.value };
  if (Array.isArray(value)) return value.map(encodeSecrets);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeSecrets(v);
    return out;
  }
  return value;
}

/** Runs the declarations under mocks and returns every registered resource. */
export async function serializeResources(options: SerializeOptions): Promise<RegisteredResource[]> {
  const project = options.project ?? "industrydata-engine-test";
  const stack = options.stack ?? "test";
  const spec = {
    project,
    stack,
    program: options.program,
    resources: (options.resources ?? []).map((r) => ({ ...r, args: encodeSecrets(r.args) })),
  };
  const script = path.join(repoRoot(), "test", "harness", "serializeProgram.js");
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      options.nodePath ?? process.execPath,
      [script],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, HARNESS_SERIALIZE_SPEC: JSON.stringify(spec) },
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, out, errText) => (err ? reject(new Error(`serializing resources failed: ${err.message}\n${errText}`)) : resolve(out)),
    );
  });
  const line = stdout.split("\n").find((l) => l.startsWith(MARKER));
  if (!line) throw new Error(`serializer printed no result:\n${stdout}`);
  const parsed = JSON.parse(line.slice(MARKER.length)) as { resources: { type: string; name: string; inputs: unknown }[] };
  return parsed.resources.map((r) => {
    const inputs = fromWire(r.inputs) as Record<string, unknown>;
    const raw = inputs.__provider;
    const provider = String(raw instanceof Secret ? raw.value : raw ?? "");
    return {
      type: r.type,
      name: r.name,
      urn: resourceUrn({ stack, project, type: r.type, name: r.name }),
      inputs,
      provider,
      providerBytes: Buffer.byteLength(provider, "utf8"),
    };
  });
}

/** Serializes one resource declaration (see {@link serializeResources}). */
export async function serializeProvider(
  options: Omit<SerializeOptions, "resources" | "program"> & ResourceDeclaration,
): Promise<RegisteredResource> {
  const { module, exportName, name, args, opts, ...rest } = options;
  const [resource] = await serializeResources({ ...rest, resources: [{ module, exportName, name, args, opts }] });
  if (!resource) throw new Error(`${exportName} registered no resource`);
  return resource;
}
