/**
 * Graph paths (relative to the endpoint) of the industryData outbound provisioning resources. Every id goes
 * through `idSegment`, which throws for an id that is no safe segment (`..`, `/`, control characters, …): an id
 * that arrives without `check` (`pulumi import`, a stored state, the export) never becomes a request.
 */
import { idSegment } from "./idSegment";

/** The flow-set collection. Graph's docs sometimes spell it with a capital O; the SDKs and @odata.context use this form. */
export const flowSetsPath = "/external/industryData/outboundProvisioningFlowSets";

/** One flow set. */
export function flowSetPath(setId: string): string {
  return `${flowSetsPath}/${idSegment(setId, "flowSetId")}`;
}

/** The (polymorphic) flow collection of a set. */
export function flowsPath(setId: string): string {
  return `${flowSetPath(setId)}/provisioningFlows`;
}

/** One flow of a set. */
export function flowPath(setId: string, flowId: string): string {
  return `${flowsPath(setId)}/${idSegment(flowId, "flowId")}`;
}

/**
 * A descriptor's `pathTemplate` with each `{name}` placeholder filled by `ids[name]`, every one checked by the
 * id rule (for kinds that add their own templates: the same guard as the functions above).
 */
export function fillPathTemplate(template: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
    if (!(name in ids)) throw new Error(`internal: no value for {${name}} in ${template}`);
    return idSegment(ids[name], name);
  });
}

/** The role-group collection (read-only lookups; built-in ids are "staff" and "students"). */
export const roleGroupsPath = "/external/industryData/roleGroups";

/**
 * The absolute URL written as `roleGroup@odata.bind` in a user configuration; Graph's examples use the
 * absolute endpoint URL, e.g. `https://graph.microsoft.com/beta/external/industryData/roleGroups/staff`.
 */
export function roleGroupBindUrl(graphEndpoint: string, roleGroupId: string): string {
  return `${graphEndpoint.replace(/\/+$/, "")}${roleGroupsPath}/${idSegment(roleGroupId, "roleGroupId")}`;
}

/**
 * The role-group id in a bind URL (absolute or relative), or undefined when it is not one.
 * Used when reading back a configuration that still carries the bind annotation.
 */
export function roleGroupIdFromBindUrl(url: string): string | undefined {
  const match = /\/roleGroups(?:\/|\(')([^/()']+)'?\)?\/?$/.exec(url);
  return match ? decodeURIComponent(match[1]) : undefined;
}
