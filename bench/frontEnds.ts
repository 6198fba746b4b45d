/**
 * The two front ends the benchmark drives on the same fleet: the dynamic resources through Pulumi's Node
 * dynamic-provider host, and the provider plugin `pulumi-resource-industrydata` (bin/). Both speak the engine's
 * ResourceProvider gRPC protocol, so one engine stand-in (test/harness) drives both; only what the program
 * registers differs: the plugin's resources have their own type token and no `__provider` text.
 */
import * as path from "path";
import type { RegisteredResource } from "../test/harness";
import type { MemberKind } from "./fleetDeclarations";

/** Which provider process serves the fleet. */
export type FrontEnd = "dynamic" | "plugin";

export const frontEnds: readonly FrontEnd[] = ["dynamic", "plugin"];

/** What each front end is, for the report. */
export const frontEndLabels: Record<FrontEnd, string> = {
  dynamic: "dynamic resources (Pulumi's Node dynamic-provider host)",
  plugin: "provider plugin (bin/pulumi-resource-industrydata)",
};

/** The plugin executable inside the repository (the folder a `plugins.providers` path names). */
export function pluginExecutable(root: string): string {
  return path.join(root, "bin", "pulumi-resource-industrydata");
}

/** The type token the plugin serves a resource class under (its package schema's `industrydata:index:<Class>`). */
function pluginType(exportName: string): string {
  return `industrydata:index:${exportName}`;
}

/**
 * The templates as a YAML (or any non-dynamic) program registers them with the plugin: the same inputs without
 * `__provider`, under the plugin's type token.
 */
export function pluginTemplates(
  templates: Record<MemberKind, RegisteredResource>,
  exportNames: Record<MemberKind, string>,
): Record<MemberKind, RegisteredResource> {
  const out = {} as Record<MemberKind, RegisteredResource>;
  for (const [kind, t] of Object.entries(templates) as [MemberKind, RegisteredResource][]) {
    const { __provider: _provider, ...inputs } = t.inputs;
    const type = pluginType(exportNames[kind]);
    const urn = t.urn.replace(`::${t.type}::`, `::${type}::`);
    if (urn === t.urn) throw new Error(`cannot find the type ${t.type} in ${t.urn}`);
    out[kind] = { ...t, type, urn, inputs, provider: "", providerBytes: 0 };
  }
  return out;
}
