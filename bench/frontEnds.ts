/**
 * The two front ends the benchmark drives on the same fleet: the dynamic resources through Pulumi's Node
 * dynamic-provider host, and the provider plugin `pulumi-resource-industrydata` (bin/). Both speak the engine's
 * ResourceProvider gRPC protocol, so one engine stand-in (test/harness) drives both; only what the program
 * registers differs: the plugin's resources have their own type token and no `__provider` text.
 */
import * as path from "path";
import type { RegisteredResource, ResourceDeclaration } from "../test/harness";
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
 * The templates as a YAML (or any non-dynamic) program registers them with the plugin: the declared arguments
 * as written (Graph's shape, a write-only value as a secret in its place), under the plugin's type token and
 * without `__provider`. Not the dynamic template's inputs: the dynamic class lifts write-only values into inputs
 * of its own (`defaultPasswords`), which the plugin's schema does not have and its Check refuses.
 */
export function pluginTemplates(
  templates: Record<MemberKind, RegisteredResource>,
  declarations: Record<MemberKind, ResourceDeclaration>,
): Record<MemberKind, RegisteredResource> {
  const out = {} as Record<MemberKind, RegisteredResource>;
  for (const [kind, t] of Object.entries(templates) as [MemberKind, RegisteredResource][]) {
    const declaration = declarations[kind];
    const type = pluginType(declaration.exportName);
    const urn = t.urn.replace(`::${t.type}::`, `::${type}::`);
    if (urn === t.urn) throw new Error(`cannot find the type ${t.type} in ${t.urn}`);
    out[kind] = { ...t, type, urn, inputs: { ...declaration.args }, provider: "", providerBytes: 0 };
  }
  return out;
}
