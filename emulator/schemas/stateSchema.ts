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

const detail = {
  type: "object",
  additionalProperties: false,
  required: ["code", "message"],
  properties: { code: { type: "string" }, message: { type: "string" }, target: { type: ["string", "null"] } },
};

const publicError = {
  type: "object",
  additionalProperties: false,
  required: ["code", "message"],
  properties: {
    code: { type: "string" },
    message: { type: "string" },
    target: { type: ["string", "null"] },
    details: { type: "array", items: detail },
    innerError: { type: "null" },
  },
};
const publicErrorOrNull = { anyOf: [publicError, { type: "null" }] };
const strings = { type: "array", items: { type: "string" } };
const count = { type: "integer", minimum: 0 };

/** An emulated Entra user (what runs match people against): in the state and in `PUT /_emulator/entra-users`. */
export const entraUserSchema = {
  type: "object",
  additionalProperties: false,
  required: ["userPrincipalName"],
  properties: {
    userPrincipalName: { type: "string", minLength: 1 },
    mail: { type: ["string", "null"] },
    mailNickname: { type: ["string", "null"] },
    employeeId: { type: ["string", "null"] },
  },
};
const entityCount = { type: "object", additionalProperties: false, required: ["active", "inactive", "total"], properties: { active: count, inactive: count, total: count } };
const roleCounts = { type: "array", items: { type: "object", additionalProperties: false, required: ["role", "count"], properties: { role: { type: "string" }, count } } };
const runCounts = {
  type: "object",
  additionalProperties: false,
  required: ["errors", "warnings", "organizations", "people", "groups", "memberships", "matchedPeopleByRole", "unmatchedPeopleByRole"],
  properties: {
    errors: count, warnings: count, organizations: entityCount, people: entityCount, groups: entityCount, memberships: entityCount,
    matchedPeopleByRole: roleCounts, unmatchedPeopleByRole: roleCounts,
  },
};
const runStatus = { enum: ["running", "failed", "completed", "completedWithErrors", "completedWithWarnings"] };
const activityStatus = { enum: ["inProgress", "skipped", "failed", "completed", "completedWithErrors", "completedWithWarnings"] };

/** The operational half's collections (issue 22): upload sessions, datasets, runs, Entra users. */
function operationalStateProperties(): Record<string, unknown> {
  return {
    uploadSessions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["dataConnectorId", "containerId", "createdDateTime", "sessionExpirationDateTime", "containerExpirationDateTime"],
        properties: {
          dataConnectorId: id, containerId: { type: "string", pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$" },
          createdDateTime: timestamp, sessionExpirationDateTime: timestamp, containerExpirationDateTime: timestamp,
        },
      },
    },
    datasets: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "dataConnectorId", "orgIds", "classIds", "membershipKeys", "people", "warnings"],
        properties: {
          id, dataConnectorId: id, validatedDateTime: { anyOf: [timestamp, { type: "null" }] },
          orgIds: strings, classIds: strings, membershipKeys: strings, warnings: count,
          people: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["sourcedId", "roles", "identifiers"],
              properties: { sourcedId: { type: "string" }, roles: strings, identifiers: { type: "object", additionalProperties: { type: "string" } } },
            },
          },
        },
      },
    },
    runs: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "displayName", "startDateTime", "completesAt", "endDateTime", "status", "blockingError", "activities", "outcome"],
        properties: {
          id, displayName: { type: "string" }, startDateTime: timestamp, completesAt: timestamp,
          endDateTime: { anyOf: [timestamp, { type: "null" }] }, status: runStatus, blockingError: publicErrorOrNull, planted: { type: "boolean" },
          outcome: { type: "object", additionalProperties: false, required: ["status", "blockingError"], properties: { status: runStatus, blockingError: publicErrorOrNull } },
          totals: {
            type: "object",
            additionalProperties: false,
            properties: {
              errors: count, warnings: count, organizations: count, people: count, groups: count, memberships: count,
              matchedPeopleByRole: roleCounts, unmatchedPeopleByRole: roleCounts,
            },
          },
          activities: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "flowId", "displayName", "status", "blockingError", "outcome"],
              properties: {
                id, flowId: id, displayName: { type: "string" }, status: activityStatus, blockingError: publicErrorOrNull,
                datasetId: { type: ["string", "null"] },
                processed: {
                  anyOf: [
                    { type: "null" },
                    {
                      type: "object",
                      additionalProperties: false,
                      required: ["orgIds", "personIds", "classIds", "membershipKeys"],
                      properties: { orgIds: strings, personIds: strings, classIds: strings, membershipKeys: strings },
                    },
                  ],
                },
                outcome: {
                  type: "object",
                  additionalProperties: false,
                  required: ["status", "blockingError", "counts"],
                  properties: { status: activityStatus, blockingError: publicErrorOrNull, counts: runCounts },
                },
              },
            },
          },
        },
      },
    },
    entraUsers: { type: "array", items: entraUserSchema },
  };
}

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
        required: ["id", "kind", "dataConnectorId", "createdDateTime", "lastActionDateTime", "status", "errors", "warnings"],
        properties: {
          id,
          kind: { enum: ["validateOperation", "fileValidateOperation"] },
          dataConnectorId: id,
          createdDateTime: timestamp,
          lastActionDateTime: timestamp,
          status: { enum: ["notStarted", "running", "succeeded", "failed"] },
          statusDetail: { type: ["string", "null"] },
          runningAt: timestamp,
          completesAt: timestamp,
          outcome: {
            type: "object",
            additionalProperties: false,
            required: ["status", "errors", "warnings"],
            properties: {
              status: { enum: ["succeeded", "failed"] },
              errors: { type: "array", items: publicError },
              warnings: { type: "array", items: publicError },
              validatedFiles: strings,
              credentialValid: { type: "boolean" },
            },
          },
          polls: { type: "integer", minimum: 0 },
          errors: { type: "array", items: publicError },
          warnings: { type: "array", items: publicError },
          validatedFiles: strings,
        },
      },
    },
    ...operationalStateProperties(),
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
