/**
 * The benchmark's fleet as a Pulumi YAML program (what a district writes for the provider plugin): N flow sets,
 * each with one flow of each of the four kinds, declared with the same arguments as the engine-level bench
 * (fleetDeclarations.ts), the user flow's password from a secret config value. With `changed`, the first
 * `changed` flows (in declaration order) carry their kind's one-property change (fleetDeclarations' `changes`),
 * so that alternating programs with and without it is an `up` that updates exactly those flows.
 */
import { Secret } from "../test/harness/propertyValues";
import { changes, declarations, flowKinds, type FlowKind } from "./fleetDeclarations";

/** The resources of a program of `sets` sets (each set and its four flows). */
export function fleetResourceCount(sets: number): number {
  return sets * (1 + flowKinds.length);
}

/** 10% of a program's resources, rounded up: the flows the change `up` updates (13 of 125). */
export function tenPercentOf(sets: number): number {
  return Math.ceil(fleetResourceCount(sets) / 10);
}

/**
 * The Pulumi.yaml text. `pluginDir` is the folder holding `pulumi-resource-industrydata`; `pluginVersion`, when
 * given, is declared with it, which makes the engine cache the plugin's schema (in PULUMI_HOME/schemas) as it does
 * for an installed plugin, instead of starting a plugin process only for the schema on every command.
 */
export function yamlFleetProgram(options: { name: string; sets: number; pluginDir: string; pluginVersion?: string; changed?: number }): string {
  const lines = [
    `name: ${options.name}`,
    "runtime: yaml",
    "plugins:",
    "  providers:",
    "    - name: industrydata",
    `      path: ${JSON.stringify(options.pluginDir)}`,
    ...(options.pluginVersion ? [`      version: ${options.pluginVersion}`] : []),
    "config:",
    "  studentPassword:",
    "    type: string",
    "    secret: true",
    "resources:",
  ];
  let flowIndex = 0;
  for (let s = 0; s < options.sets; s++) {
    const set = `set${s}`;
    lines.push(...resource(set, declarations.flowSet.exportName, { ...declarations.flowSet.args, displayName: `Bench district ${s}` }));
    for (const kind of flowKinds) {
      const change = flowIndex++ < (options.changed ?? 0) ? changes[kind] : undefined;
      lines.push(...resource(`${set}${kind[0].toUpperCase()}${kind.slice(1, kind.indexOf("Provisioning"))}`, declarations[kind].exportName, flowArgs(kind, set, change)));
    }
  }
  return `${lines.join("\n")}\n`;
}

function flowArgs(kind: FlowKind, set: string, change: { property: string; value: unknown } | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = { ...(withoutSecrets(declarations[kind].args) as Record<string, unknown>), flowSetId: `\${${set}.id}` };
  if (change) args[change.property] = structuredClone(change.value);
  return args;
}

/** The declared arguments with each `secret(...)` value (the password) replaced by the secret config value. */
function withoutSecrets(value: unknown): unknown {
  if (value instanceof Secret) return "${studentPassword}";
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  }
  return value;
}

function resource(name: string, exportName: string, properties: Record<string, unknown>): string[] {
  return [`  ${name}:`, `    type: industrydata:index:${exportName}`, "    properties:", ...yamlLines(properties, 6)];
}

/** A JSON value as YAML block lines (strings quoted as JSON, which is valid YAML; `${…}` interpolations kept). */
function yamlLines(value: Record<string, unknown>, indent: number): string[] {
  const pad = " ".repeat(indent);
  return Object.entries(value).flatMap(([key, v]) => {
    if (Array.isArray(v)) {
      return [`${pad}${key}:`, ...v.flatMap((item) => arrayItem(item, indent + 2))];
    }
    if (v !== null && typeof v === "object") return [`${pad}${key}:`, ...yamlLines(v as Record<string, unknown>, indent + 2)];
    return [`${pad}${key}: ${JSON.stringify(v)}`];
  });
}

function arrayItem(item: unknown, indent: number): string[] {
  const pad = " ".repeat(indent);
  if (item !== null && typeof item === "object" && !Array.isArray(item)) {
    const [first, ...rest] = yamlLines(item as Record<string, unknown>, indent + 2);
    return [`${pad}- ${first.trimStart()}`, ...rest];
  }
  return [`${pad}- ${JSON.stringify(item)}`];
}
