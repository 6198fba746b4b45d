/**
 * JSON schema of the whole tenant as `GET/PUT /_emulator/state` and the `--data` file carry it (see
 * model/tenant.ts): flow sets with their flows inline, each flow tagged by `kind`, values in stored shape.
 */
import { EntityDef, flowKinds, FlowKind, outboundProvisioningFlowSet, readinessStatus } from "./edm";
import { connectorKinds, inboundFlowKinds, referenceDefinition, sourceSystemDefinition, yearTimePeriodDefinition } from "./inboundEdm";
import { entitySchema } from "./jsonSchema";

const timestamp = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z$" };
const id = { type: "string", minLength: 1 };

function withBase(schema: Record<string, unknown>, base: Record<string, unknown>, baseRequired: string[]) {
  return {
    ...schema,
    properties: { ...base, ...(schema.properties as object) },
    required: [...baseRequired, ...(schema.required as string[])],
  };
}

function storedEntity(def: EntityDef, kind?: string) {
  const base: Record<string, unknown> = { id };
  if (kind) base.kind = { const: kind };
  return withBase(entitySchema(def, { shape: "stored", requireNonNullable: true, requireOdataType: false }), base, kind ? ["id", "kind"] : ["id"]);
}

function polymorphicEntities(kinds: Record<string, EntityDef>) {
  return {
    type: "array",
    items: {
      type: "object",
      discriminator: { propertyName: "kind" },
      required: ["kind"],
      properties: { kind: { type: "string", enum: Object.keys(kinds) } },
      oneOf: Object.entries(kinds).map(([kind, def]) => storedEntity(def, kind)),
    },
  };
}

const publicError = {
  type: "object",
  additionalProperties: false,
  required: ["code", "message"],
  properties: { code: { type: "string" }, message: { type: "string" }, target: { type: ["string", "null"] } },
};

/** The inbound collections' schemas; each optional in a document (an older data file has none: they start empty). */
function inboundStateProperties(): Record<string, unknown> {
  return {
    sourceSystems: { type: "array", items: storedEntity(sourceSystemDefinition) },
    dataConnectors: polymorphicEntities(connectorKinds),
    years: { type: "array", items: storedEntity(yearTimePeriodDefinition) },
    inboundFlows: polymorphicEntities(inboundFlowKinds),
    referenceDefinitions: {
      type: "array",
      items: withBase(
        entitySchema(referenceDefinition, { shape: "stored", requireNonNullable: true, requireOdataType: false }),
        { id, source: { type: "string", minLength: 1 }, createdDateTime: timestamp, lastModifiedDateTime: timestamp },
        ["id", "source", "createdDateTime", "lastModifiedDateTime"],
      ),
    },
    operations: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "kind", "dataConnectorId", "createdDateTime", "lastActionDateTime", "status", "polls", "errors", "warnings"],
        properties: {
          id,
          kind: { enum: ["validateOperation", "fileValidateOperation"] },
          dataConnectorId: id,
          createdDateTime: timestamp,
          lastActionDateTime: timestamp,
          status: { enum: ["notStarted", "running", "succeeded", "failed"] },
          statusDetail: { type: ["string", "null"] },
          polls: { type: "integer", minimum: 0 },
          errors: { type: "array", items: publicError },
          warnings: { type: "array", items: publicError },
          validatedFiles: { type: "array", items: { type: "string" } },
        },
      },
    },
  };
}

/** The state document's schema. */
export function tenantStateSchema(): Record<string, unknown> {
  const flowSchemas = (Object.keys(flowKinds) as FlowKind[]).map((kind) =>
    withBase(
      entitySchema(flowKinds[kind], { shape: "stored", requireNonNullable: true, requireOdataType: false }),
      {
        id,
        kind: { const: kind },
        createdDateTime: timestamp,
        lastModifiedDateTime: timestamp,
        readinessStatus: { type: ["string", "null"], enum: [...readinessStatus.members, null] },
      },
      ["id", "kind", "createdDateTime", "lastModifiedDateTime"],
    ),
  );
  const setSchema = withBase(
    entitySchema(outboundProvisioningFlowSet, { shape: "stored", requireNonNullable: true, requireOdataType: false }),
    {
      id,
      createdDateTime: timestamp,
      lastModifiedDateTime: timestamp,
      flows: {
        type: "array",
        items: {
          type: "object",
          discriminator: { propertyName: "kind" },
          required: ["kind"],
          properties: { kind: { type: "string", enum: Object.keys(flowKinds) } },
          oneOf: flowSchemas,
        },
      },
    },
    ["id", "createdDateTime", "lastModifiedDateTime", "flows"],
  );
  return {
    type: "object",
    title: "tenant state",
    additionalProperties: false,
    required: ["version", "roleGroups", "flowSets"],
    properties: {
      version: { const: 1 },
      roleGroups: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["id", "displayName", "roles"],
          properties: {
            id,
            displayName: { type: "string" },
            roles: { type: "array", items: { type: "object", additionalProperties: false, required: ["code"], properties: { code: { type: "string" } } } },
          },
        },
      },
      flowSets: { type: "array", items: setSchema },
      ...inboundStateProperties(),
    },
  };
}
