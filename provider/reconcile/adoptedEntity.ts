import { descriptorForOdataType, descriptors, isPlainObject, type ResourceKind, type TypeDescriptor } from "../schema";

/** What a front end adopts: the kind declared, the Graph id it named, and the entity Graph answered with. */
export interface AdoptedEntity {
  kind: ResourceKind;
  /** The Graph id the arguments named (`flowId` of a flow, `flowSetId` of a set). */
  id: string;
  /** The GET answer. */
  entity: unknown;
  /** Names the entity in the error, e.g. `flow 4598… in flow set 9ab4…`. */
  what: string;
}

/**
 * Fails, before any write, when the answer to an adoption's GET is not the entity the arguments named: a
 * different kind (a typed flow resource adopts only its own kind; the base `ProvisioningFlow` any flow kind), a
 * collection, an entity of another type (a set where a flow was asked for) or with another id. Every front end
 * adopts through this one rule, so a wrong or hostile id can never make another entity "adopted", then patched
 * or deleted.
 */
export function assertAdoptedEntity({ kind, id, entity, what }: AdoptedEntity): void {
  const descriptor = descriptors[kind];
  const found = describeFound(entity);
  const problem = typeProblem(descriptor, entity) ?? idProblem(id, entity);
  if (problem === undefined) return;
  throw new Error(`cannot adopt ${what} with ${descriptor.resourceName}: ${problem}${found}; nothing was changed`);
}

/** Descriptors whose entities live at the same path as this one (the flow kinds and the abstract base flow). */
function sameCollection(descriptor: TypeDescriptor): TypeDescriptor[] {
  return Object.values(descriptors).filter((d) => d.pathTemplate === descriptor.pathTemplate);
}

function typeProblem(descriptor: TypeDescriptor, entity: unknown): string | undefined {
  if (!isPlainObject(entity)) return `Graph answered with no entity, not a ${descriptor.graphType}`;
  if (Array.isArray(entity.value)) return `Graph answered with a collection, not a ${descriptor.graphType}`;
  const odataType = entity["@odata.type"];
  // Graph writes @odata.type only where the entity's type differs from its collection's: always on flows (their
  // collection's type is the abstract provisioningFlow), never on a flow set.
  const polymorphic = sameCollection(descriptor).some((d) => d.abstract);
  if (typeof odataType !== "string") {
    return polymorphic ? `Graph answered with an entity without @odata.type, not a ${descriptor.graphType}` : undefined;
  }
  const actual = descriptorForOdataType(odataType);
  if (actual === undefined) return `its type is ${odataType}, which this provider does not manage`;
  if (actual.kind === descriptor.kind) return undefined;
  if (descriptor.abstract && actual.pathTemplate === descriptor.pathTemplate) return undefined;
  const hint = actual.pathTemplate === descriptor.pathTemplate ? ` (adopt it with ${actual.resourceName})` : "";
  return `its type is ${actual.graphType}${hint}`;
}

function idProblem(id: string, entity: unknown): string | undefined {
  const actual = isPlainObject(entity) ? entity.id : undefined;
  if (typeof actual === "string" && actual.toLowerCase() === id.toLowerCase()) return undefined;
  return `Graph answered with ${typeof actual === "string" ? `id ${JSON.stringify(actual)}` : "no id"}, not ${JSON.stringify(id)}`;
}

/** What was found, for the error (the type and id Graph answered with), or "" when the problem already says it. */
function describeFound(entity: unknown): string {
  if (!isPlainObject(entity) || Array.isArray(entity.value)) return "";
  const type = typeof entity["@odata.type"] === "string" ? String(entity["@odata.type"]) : undefined;
  const id = typeof entity.id === "string" ? entity.id : undefined;
  const parts = [type !== undefined ? `@odata.type ${type}` : undefined, id !== undefined ? `id ${JSON.stringify(id)}` : undefined].filter(Boolean);
  return parts.length > 0 ? ` (found: ${parts.join(", ")})` : "";
}
