/**
 * The Pulumi package schema, generated from the one source of truth: the descriptors (resources, tokens,
 * read-only outputs, write-only secrets), the ajv JSON schemas of provider/schema (properties, types, enums,
 * required properties and their `description`s) and the provider configuration specs (provider/config).
 * Nothing here is written per resource: a descriptor added to provider/schema is served automatically.
 */
import { envNameFor, providerConfigKeys, providerConfigSpecs } from "../config";
import * as enums from "../schema/enums";
import { adoptFormSchema, computedOutputNames, descriptors, jsonSchemas, resourceKinds, type ResourceKind, type TypeDescriptor } from "../schema";
import { functionSpecs } from "./functionSchema";

/** The package name: the first segment of every token (`industrydata:index:UserProvisioningFlow`). */
export const PACKAGE_NAME = "industrydata";

/** The type token of a resource kind. */
export function resourceToken(kind: ResourceKind): string {
  return `${PACKAGE_NAME}:index:${descriptors[kind].resourceName}`;
}

/** The resource kind of a type token, or undefined for a token this package does not declare. */
export function kindOfToken(token: string): ResourceKind | undefined {
  return resourceKinds.find((kind) => resourceToken(kind) === token);
}

/** Output-only properties: documentation by name (the descriptors say which a kind has). */
const outputDocs: Record<string, string> = {
  flowId: "Graph id of the flow (the resource id is `<flowSetId>/<flowId>`).",
  readinessStatus: "Server-computed readiness (`notReady` right after create, then `ready`, `disabled`, …); never drift.",
  createdDateTime: "When the entity was created (UTC, ISO 8601).",
  lastModifiedDateTime: "When the entity was last changed (UTC, ISO 8601).",
  source: "Who defined the reference code (the tenant, or Microsoft's built-in set).",
};

interface JsonSchemaNode {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
}

type Spec = Record<string, unknown>;

/** The GitHub repository (`owner/name`) releases are published from, unless the release names another. */
export const DEFAULT_REPOSITORY = "pulumi-industrydata/pulumi-industrydata";

/** Options of {@link packageSchema}. */
export interface PackageSchemaOptions {
  /** The package version (package.json's). */
  version: string;
  /**
   * The GitHub repository (`owner/name`) whose releases carry the plugin archives and whose `sdk/go` folder is
   * the Go SDK's module; default {@link DEFAULT_REPOSITORY}. The release build passes its own (GITHUB_REPOSITORY).
   */
  repository?: string;
}

/**
 * Where the engine downloads the plugin from when a program needs it and the plugin cache lacks it: the GitHub
 * release of the version, `pulumi-resource-industrydata-v<version>-<os>-<arch>.tar.gz` (the engine's `github://`
 * scheme: https://github.com/<owner>/<name>/releases/download/v<version>/<archive>).
 */
export function pluginDownloadURL(repository: string = DEFAULT_REPOSITORY): string {
  return `github://api.github.com/${repository}`;
}

/** The package schema (a JSON object, as `GetSchema` serves it and `pulumi package get-schema` prints it). */
export function packageSchema({ version, repository = DEFAULT_REPOSITORY }: PackageSchemaOptions): Spec {
  const types: Record<string, Spec> = {};
  const resources: Record<string, Spec> = {};
  for (const kind of resourceKinds) resources[resourceToken(kind)] = resourceSpec(kind, types);
  const config = configProperties();
  const functions = functionSpecs(PACKAGE_NAME, types);
  return {
    name: PACKAGE_NAME,
    displayName: "Microsoft Graph industryData (School Data Sync)",
    version,
    description:
      "Microsoft Graph industryData (School Data Sync) configuration as code: outbound provisioning flow sets and flows, drift-reconciled.",
    keywords: ["pulumi", "industrydata", "school-data-sync", "microsoft-graph", "education", "category/cloud", "kind/native"],
    license: "Apache-2.0",
    publisher: repository.split("/")[0],
    homepage: `https://github.com/${repository}`,
    repository: `https://github.com/${repository}`,
    pluginDownloadURL: pluginDownloadURL(repository),
    // supportPack: every SDK generated as a complete package (the Go SDK with its go.mod, Python with its
    // pyproject.toml, Node.js with its package.json, .NET with its project file), each naming this version and
    // the plugin's download URL.
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: config },
    provider: {
      description:
        "The industrydata provider: one Graph endpoint and credential. Declare several (explicit providers) to manage several tenants from one program. Unset keys fall back to the `INDUSTRYDATA_*` environment variables.",
      inputProperties: config,
      // Outputs: the string keys as configured (a default from the environment applies to inputs only).
      properties: Object.fromEntries(
        Object.entries(config)
          .filter(([, spec]) => spec.type === "string")
          .map(([key, { defaultInfo: _fromEnvironment, ...spec }]) => [key, spec]),
      ),
    },
    types,
    resources,
    functions,
    // respectSchemaVersion: the SDKs carry this version (the plugin version they ask the engine for), not a
    // "${VERSION}" placeholder for a release pipeline to fill in.
    language: {
      // npm: `pulumi-industrydata` is the TypeScript package (dynamic resources, no plugin); the plugin's SDK is
      // its sibling `pulumi-industrydata-sdk`, named like it (and like PyPI's `pulumi-industrydata`) rather than
      // under a scope nobody owns. One name cannot hold both: the SDK's package.json marks it a Pulumi resource
      // package, which makes the engine fetch the plugin for every program that installs it.
      nodejs: { packageName: "pulumi-industrydata-sdk", packageDescription: "Microsoft Graph industryData (School Data Sync) as Pulumi resources, through the industrydata provider plugin.", respectSchemaVersion: true },
      python: { packageName: "pulumi_industrydata", pyproject: { enabled: true }, readme: sdkReadme("pip install pulumi-industrydata"), respectSchemaVersion: true },
      // The module is the repository's sdk/go folder (supportPack: its go.mod), tagged sdk/go/v<version>.
      go: { importBasePath: `github.com/${repository}/sdk/go/industrydata`, generateResourceContainerTypes: true, respectSchemaVersion: true },
      csharp: { rootNamespace: "Pulumi", packageReferences: { Pulumi: "3.*" }, respectSchemaVersion: true },
    },
  };
}

/** The README a language's package carries (PyPI shows it), naming how to install it and where the rest is. */
function sdkReadme(install: string): string {
  return [
    "# industrydata",
    "",
    "Microsoft Graph industryData (School Data Sync) configuration as Pulumi resources: outbound provisioning flow sets and flows, and the inbound side they depend on, drift-reconciled, through the industrydata provider plugin (downloaded by the Pulumi engine from the GitHub release of this version).",
    "",
    "```sh",
    install,
    "```",
    "",
    "Configuration: the `industrydata:` keys (`graphEndpoint`, `tenantId`, `clientId`, `clientSecret`, …), each falling back to its `INDUSTRYDATA_*` environment variable.",
    "",
  ].join("\n");
}

function configProperties(): Record<string, Spec> {
  return Object.fromEntries(
    providerConfigKeys.map((key) => {
      const { description, type, secret } = providerConfigSpecs[key];
      return [key, { type, description, ...(secret ? { secret: true } : {}), defaultInfo: { environment: [envNameFor(key)] } }];
    }),
  );
}

function resourceSpec(kind: ResourceKind, types: Record<string, Spec>): Spec {
  const descriptor = descriptors[kind];
  const create = jsonSchemas[kind] as JsonSchemaNode;
  const adopt = adoptFormSchema(kind) as JsonSchemaNode;
  const context: TypeContext = { descriptor, types };
  const inputProperties = objectProperties(create, adopt, descriptor.resourceName, "", context);
  const outputs: Record<string, Spec> = { ...inputProperties };
  // What a resource shows besides its arguments: what Graph computes (the descriptor says which).
  for (const name of computedOutputNames(descriptor)) {
    if (outputs[name] !== undefined) continue;
    const doc = outputDocs[name];
    if (doc === undefined) throw new Error(`${descriptor.resourceName}.${name}: output without documentation in packageSchema's outputDocs`);
    outputs[name] = name === "readinessStatus" ? { $ref: enumRef(enums.readinessStatusValues, types), description: doc } : { type: "string", description: doc };
  }
  return {
    description: requireDescription(create, descriptor.resourceName),
    inputProperties,
    ...nonEmpty("requiredInputs", adopt.required),
    properties: outputs,
    // The outputs always present: on the outbound side, the arguments that name the entity (a flow's parent and
    // id, a set's id); an inbound entity's id is the resource id itself.
    ...nonEmpty("required", descriptor.side === "outbound" ? [...new Set([...descriptor.adoptRequires, descriptor.adoptArgument])] : []),
  };
}

interface TypeContext {
  descriptor: TypeDescriptor;
  types: Record<string, Spec>;
}

/**
 * The Pulumi properties of an object schema. `create` holds the create form (required to create), `adopt` the
 * same object in the adopt form (required always); `path` is the descriptor pattern of the object.
 */
function objectProperties(create: JsonSchemaNode, adopt: JsonSchemaNode | undefined, owner: string, path: string, context: TypeContext): Record<string, Spec> {
  const out: Record<string, Spec> = {};
  for (const [name, node] of Object.entries(create.properties ?? {})) {
    const at = path === "" ? name : `${path}.${name}`;
    const alwaysRequired = (adopt?.required ?? []).includes(name);
    const createRequired = (create.required ?? []).includes(name) && !alwaysRequired;
    const description = requireDescription(node, `${owner}.${name}`) + (createRequired ? " Required to create (optional when adopting an existing entity)." : "");
    out[name] = {
      ...typeSpec(node, adopt?.properties?.[name], at, `${owner}${capitalize(name)}`, context),
      description,
      ...(context.descriptor.writeOnly.includes(at) ? { secret: true } : {}),
    };
  }
  return out;
}

function typeSpec(create: JsonSchemaNode, adopt: JsonSchemaNode | undefined, path: string, fallbackName: string, context: TypeContext): Spec {
  if (create.enum !== undefined) return { $ref: enumRef(create.enum, context.types) };
  switch (create.type) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return { type: create.type };
    case "array":
      if (create.items === undefined) throw new Error(`${path}: array without items`);
      return { type: "array", items: typeSpec(create.items, adopt?.items, `${path}[]`, singular(fallbackName), context) };
    case "object":
      return { $ref: objectRef(create, adopt, path, fallbackName, context) };
    default:
      throw new Error(`${path}: JSON schema type ${String(create.type)} has no Pulumi equivalent`);
  }
}

/** Declares the object type once (named after its Graph type, its `title`) and returns its reference. */
function objectRef(create: JsonSchemaNode, adopt: JsonSchemaNode | undefined, path: string, fallbackName: string, context: TypeContext): string {
  const name = create.title !== undefined ? capitalize(create.title) : fallbackName;
  const token = `${PACKAGE_NAME}:index:${name}`;
  const properties = objectProperties(create, adopt, name, path, context);
  const spec: Spec = {
    type: "object",
    description: requireDescription(create, name),
    properties,
    ...nonEmpty("required", adopt?.required ?? create.required),
  };
  const existing = context.types[token];
  // One Graph type reached from two places must mean the same (names and types; the notes on what a create
  // requires may differ by where it is reached).
  if (existing !== undefined && shape(existing.properties as Spec) !== shape(properties)) {
    throw new Error(`type ${token} is declared twice with different properties (at ${path})`);
  }
  if (existing === undefined) context.types[token] = spec;
  return `#/types/${token}`;
}

/** A type's properties without their documentation, to compare two declarations of it. */
function shape(properties: Spec): string {
  return JSON.stringify(properties, (key, value) => (key === "description" ? undefined : value));
}

/** The enum type of a list of allowed values: the enums.ts list with these values names it. */
function enumRef(values: readonly unknown[], types: Record<string, Spec>): string {
  const wanted = values.filter((v) => v !== null).map(String);
  const match = Object.entries(enums).find(
    ([exported, list]) => /(Values|Codes)$/.test(exported) && Array.isArray(list) && list.length === wanted.length && list.every((v, i) => v === wanted[i]),
  );
  if (match === undefined) throw new Error(`no enum in provider/schema/enums.ts lists ${wanted.join(", ")}`);
  const name = capitalize(match[0].replace(/(Values|Codes)$/, ""));
  const token = `${PACKAGE_NAME}:index:${name}`;
  types[token] ??= {
    type: "string",
    description: `Graph's ${match[0].replace(/(Values|Codes)$/, "")} values.`,
    enum: wanted.map((value) => ({ value, name: capitalize(value) })),
  };
  return `#/types/${token}`;
}

/** `{ [key]: list }`, or nothing for an empty list (the CLI drops empty lists when it prints a schema). */
function nonEmpty(key: string, list: string[] | undefined): Spec {
  return list !== undefined && list.length > 0 ? { [key]: list } : {};
}

function requireDescription(node: JsonSchemaNode, where: string): string {
  if (node.description === undefined || node.description.trim() === "") {
    throw new Error(`${where} has no description: add one to its JSON schema in provider/schema/jsonSchemas.ts`);
  }
  return node.description;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function singular(name: string): string {
  return name.endsWith("s") ? name.slice(0, -1) : name;
}
