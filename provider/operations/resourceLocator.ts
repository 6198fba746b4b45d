import {
  descriptors,
  entityCollectionPath,
  entityListPath,
  entityPath,
  entityReadPath,
  flowPath,
  flowsPath,
  type ResourceKind,
} from "../schema";
import { formatFlowResourceId, parseFlowResourceId } from "./resourceId";

type Inputs = Record<string, unknown>;

/** Where a resource kind lives in Graph and how its Pulumi id is formed: the one difference between sets and flows. */
export interface ResourceLocator {
  /** Graph path of the entity behind a Pulumi id. */
  entityPath(id: string): string;
  /**
   * The GET that reads the entity: its path, with `$expand` of its entity bindings when it has some (Graph
   * returns bindings only expanded), so one request tells both the properties and the bound ids.
   */
  readPath(id: string): string;
  /** Graph path a new entity is POSTed to. */
  collectionPath(inputs: Inputs): string;
  /**
   * The GET that lists the siblings a new entity joins (its collection, bindings expanded), where a create looks
   * for the entity an interrupted create made before it POSTs.
   */
  siblingsPath(inputs: Inputs): string;
  /** The Pulumi id of the entity with this Graph id, created or adopted from these inputs. */
  resourceId(inputs: Inputs, entityId: string): string;
  /** The Pulumi id of the existing entity the inputs adopt (`flowSetId` of a set, `flowId` of a flow), or undefined to create one. */
  adoptedId(inputs: Inputs): string | undefined;
  /** Names the entity in error messages, e.g. `flow 4598… in flow set 9ab4…`. */
  describe(id: string): string;
  /** What the entity is called in error messages: "flow set", "flow". */
  noun: string;
  /** The provider fields that adopt the entity behind a Pulumi id (what `pulumi import` declares). */
  adoptionInputs(id: string): Inputs;
}

/** Flows: children of a set, whose Pulumi id is `<setId>/<flowId>`. */
export const flowLocator: ResourceLocator = {
  entityPath: (id) => {
    const { flowSetId, flowId } = parseFlowResourceId(id);
    return flowPath(flowSetId, flowId);
  },
  readPath: (id) => flowLocator.entityPath(id),
  collectionPath: (inputs) => flowsPath(String(inputs.flowSetId)),
  siblingsPath: (inputs) => flowsPath(String(inputs.flowSetId)),
  resourceId: (inputs, entityId) => formatFlowResourceId({ flowSetId: String(inputs.flowSetId), flowId: entityId }),
  adoptedId: (inputs) =>
    typeof inputs.flowId === "string"
      ? formatFlowResourceId({ flowSetId: String(inputs.flowSetId), flowId: inputs.flowId })
      : undefined,
  describe: (id) => {
    const { flowSetId, flowId } = parseFlowResourceId(id);
    return `flow ${flowId} in flow set ${flowSetId}`;
  },
  noun: "flow",
  adoptionInputs: (id) => ({ ...parseFlowResourceId(id) }),
};

/**
 * A top-level industryData entity (the flow set, a source system, connector, year, inbound flow, reference
 * definition): its Pulumi id is its Graph id, and its adopt argument (`flowSetId`, `sourceSystemId`, …) adopts
 * one; its path and the `$expand` of its bindings come from its descriptor.
 */
export function entityLocator(kind: ResourceKind): ResourceLocator {
  const descriptor = descriptors[kind];
  const collection = entityCollectionPath(kind);
  return {
    entityPath: (id) => entityPath(collection, id, descriptor.adoptArgument),
    readPath: (id) => entityReadPath(kind, id),
    collectionPath: () => collection,
    siblingsPath: () => entityListPath(kind),
    resourceId: (_inputs, entityId) => entityId,
    // Any string adopts, even "": the path builder then refuses a bad id instead of a create going ahead.
    adoptedId: (inputs) => {
      const id = inputs[descriptor.adoptArgument];
      return typeof id === "string" ? id : undefined;
    },
    describe: (id) => `${descriptor.noun} ${id}`,
    noun: descriptor.noun,
    adoptionInputs: (id) => ({ [descriptor.adoptArgument]: id }),
  };
}

/** Flow sets: top-level entities whose Pulumi id is the Graph id; `flowSetId` adopts an existing one. */
export const flowSetLocator: ResourceLocator = entityLocator("flowSet");

/** The locator of a resource kind: a flow set's child, or a top-level entity (the flow set is one too). */
export function locatorFor(kind: ResourceKind): ResourceLocator {
  return descriptors[kind].isFlow ? flowLocator : entityLocator(kind);
}
