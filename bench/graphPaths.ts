/**
 * What a request in the emulator's log was aimed at, read from its path: the flow-set collection, one set,
 * a set's flow collection, or one flow.
 */

const setsPrefix = "/beta/external/industryData/outboundProvisioningFlowSets";

/** The target of a Graph request. */
export type GraphTarget =
  | { target: "sets" }
  | { target: "set"; setId: string }
  | { target: "flows"; setId: string }
  | { target: "flow"; setId: string; flowId: string }
  | { target: "other" };

/** Classifies a logged path (which starts with `/beta`). */
export function graphTarget(path: string): GraphTarget {
  if (!path.startsWith(setsPrefix)) return { target: "other" };
  const rest = path.slice(setsPrefix.length).split("/").filter(Boolean).map(decodeURIComponent);
  if (rest.length === 0) return { target: "sets" };
  if (rest.length === 1) return { target: "set", setId: rest[0] };
  if (rest[1] !== "provisioningFlows") return { target: "other" };
  if (rest.length === 2) return { target: "flows", setId: rest[0] };
  if (rest.length === 3) return { target: "flow", setId: rest[0], flowId: rest[2] };
  return { target: "other" };
}
