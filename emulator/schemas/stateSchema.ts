/**
 * JSON schema of the whole tenant as `GET/PUT /_emulator/state` and the `--data` file carry it (see
 * model/tenant.ts): flow sets with their flows inline, each flow tagged by `kind`, values in stored shape.
 */
import { flowKinds, FlowKind, outboundProvisioningFlowSet, readinessStatus } from "./edm";
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
    },
  };
}
