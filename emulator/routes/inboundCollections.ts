/**
 * The inbound collections as the generic entity routes (entityRoutes.ts) serve them: which types each holds,
 * its permissions, what cannot change after create, the rules that span properties or entities, and which
 * entities bind which (so a bound one cannot be deleted).
 */
import { badRequest } from "../graphError";
import { SCOPES } from "../auth/permissions";
import { TenantState, InboundCollection } from "../model/tenant";
import { odataType } from "../schemas/edm";
import { CollectionDef } from "./collectionDef";
import { connectorKindForFlow, connectorKinds, inboundFlowKinds, sourceSystemDefinition, yearTimePeriodDefinition } from "../schemas/inboundEdm";

/** A top-level collection: the tenant's list of that name (ids stored lower-case). */
function topLevel(segment: InboundCollection): Pick<CollectionDef, "path" | "idParam" | "scope" | "queryOptions" | "timestamps"> {
  return {
    path: segment,
    idParam: "id",
    scope: (state) => ({ list: state[segment], context: segment }),
    queryOptions: "served",
    timestamps: false,
  };
}

function bindersIn(state: Readonly<TenantState>, collection: InboundCollection, navigation: string, id: string) {
  return { collection, navigation, ids: state[collection].filter((e) => e[`${navigation}Id`] === id).map((e) => e.id) };
}

const sourceSystems: CollectionDef = {
  ...topLevel("sourceSystems"),
  typeName: "sourceSystemDefinition",
  kinds: { sourceSystemDefinition },
  polymorphic: false,
  scopes: SCOPES.sourceSystems,
  readOnly: ["id"],
  createOnly: [],
  boundBy: (state, id) => bindersIn(state, "dataConnectors", "sourceSystem", id),
};

const dataConnectors: CollectionDef = {
  ...topLevel("dataConnectors"),
  typeName: "industryDataConnector",
  kinds: connectorKinds,
  polymorphic: true,
  ancestors: { azureDataLakeConnector: ["industryDataConnector", "fileDataConnector"], oneRosterApiDataConnector: ["industryDataConnector", "apiDataConnector"] },
  scopes: SCOPES.dataConnectors,
  readOnly: ["id"],
  createOnly: [],
  boundBy: (state, id) => bindersIn(state, "inboundFlows", "dataConnector", id),
};

const years: CollectionDef = {
  ...topLevel("years"),
  typeName: "yearTimePeriodDefinition",
  kinds: { yearTimePeriodDefinition },
  polymorphic: false,
  scopes: SCOPES.years,
  readOnly: ["id"],
  // Absent from the update table (reference §2.5): the academic year a definition stands for is its identity.
  createOnly: ["year"],
  check(entity) {
    // Undocumented, but a year ending before it starts can hold no data: refused as a strict service would.
    if (String(entity.startDate) > String(entity.endDate)) {
      throw badRequest(`Property 'startDate' (${String(entity.startDate)}) is after 'endDate' (${String(entity.endDate)}): a year must start on or before its end.`);
    }
  },
  boundBy: (state, id) => bindersIn(state, "inboundFlows", "year", id),
};

const inboundFlows: CollectionDef = {
  ...topLevel("inboundFlows"),
  typeName: "inboundFlow",
  kinds: inboundFlowKinds,
  polymorphic: true,
  ancestors: { inboundFileFlow: ["industryDataActivity", "inboundFlow"], inboundApiFlow: ["industryDataActivity", "inboundFlow"] },
  scopes: SCOPES.inboundFlows,
  readOnly: ["id", "readinessStatus"],
  // Absent from the update tables (reference §2.3).
  createOnly: ["dataDomain"],
  check(entity, state) {
    if (entity.dataDomain !== "educationRostering") {
      throw badRequest(`Property 'dataDomain' value '${String(entity.dataDomain)}' is not supported: only educationRostering is.`);
    }
    const expiration = entity.expirationDateTime as string | null | undefined;
    if (expiration && Date.parse(String(entity.effectiveDateTime)) > Date.parse(expiration)) {
      throw badRequest(`Property 'effectiveDateTime' (${String(entity.effectiveDateTime)}) is after 'expirationDateTime' (${expiration}): the flow could never run.`);
    }
    const connector = state.dataConnectors.find((c) => c.id === entity.dataConnectorId);
    const expected = connectorKindForFlow[String(entity.kind)];
    if (connector && connector.kind !== expected) {
      throw badRequest(`An ${String(entity.kind)} reads from an ${expected}; data connector '${connector.id}' is an ${String(connector.kind)} (${odataType(String(connector.kind))}).`);
    }
  },
  // Computed on read (deterministic, no scheduler): expired once the window has closed, ready otherwise.
  computedOnRead(entity) {
    const expiration = entity.expirationDateTime as string | null | undefined;
    return { readinessStatus: expiration && Date.parse(expiration) <= Date.now() ? "expired" : "ready" };
  },
};

/** Every generic inbound collection, by segment. */
export const collectionDefs: Record<InboundCollection, CollectionDef> = { sourceSystems, dataConnectors, years, inboundFlows };
