import { idSegment } from "../schema";

/** A flow's place in Graph: its parent set and its own id. */
export interface FlowAddress {
  flowSetId: string;
  flowId: string;
}

/** The Pulumi id of a flow: `<setId>/<flowId>` (flow ids are only unique within their set). */
export function formatFlowResourceId(address: FlowAddress): string {
  // The id rule first: a `/` in either id would make an id that parses as another flow.
  idSegment(address.flowSetId, "flowSetId");
  idSegment(address.flowId, "flowId");
  return `${address.flowSetId}/${address.flowId}`;
}

/** Splits a flow's Pulumi id; a malformed id (e.g. given to `pulumi import`) fails with the expected format. */
export function parseFlowResourceId(id: string): FlowAddress {
  const parts = id.split("/");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
    throw new Error(`invalid flow id "${id}": expected "<flowSetId>/<flowId>"`);
  }
  return { flowSetId: parts[0], flowId: parts[1] };
}
