/** JSON schemas of the admin API's request bodies (`/_emulator/…`). */
import Ajv from "ajv";
import { entraUserSchema } from "./stateSchema";

const ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
const strings = { type: "array", items: { type: "string" } };

/** `POST /_emulator/faults` */
export const validateFault = ajv.compile({
  type: "object",
  title: "fault",
  additionalProperties: false,
  properties: {
    method: { type: "string", minLength: 1 },
    path: { type: "string", minLength: 1 },
    pathRegex: { type: "string", minLength: 1 },
    status: { type: "integer", minimum: 100, maximum: 599 },
    code: { type: "string" },
    message: { type: "string" },
    retryAfter: { type: "number", minimum: 0 },
    delayMs: { type: "integer", minimum: 0, maximum: 600000 },
    drop: { type: "boolean" },
    count: { type: "integer", minimum: 1 },
    skip: { type: "integer", minimum: 0 },
    hold: { type: "boolean" },
  },
});

/** `POST /_emulator/clients` */
export const validateClient = ajv.compile({
  type: "object",
  title: "client",
  additionalProperties: false,
  required: ["clientId"],
  properties: {
    clientId: { type: "string", minLength: 1 },
    clientSecret: { type: "string", minLength: 1 },
    certificatePem: { type: "string", minLength: 1 },
    federatedSubjects: strings,
    roles: strings,
  },
});

/** `POST /_emulator/federated-issuers` */
export const validateFederatedIssuer = ajv.compile({
  type: "object",
  title: "federated issuer",
  additionalProperties: false,
  required: ["issuer", "publicKeyPem"],
  properties: { issuer: { type: "string", minLength: 1 }, publicKeyPem: { type: "string", minLength: 1 }, audiences: strings },
});

/** `POST /_emulator/tokens`: mint a token directly (for tests of 401/403 and delegated tokens). */
export const validateTokenRequest = ajv.compile({
  type: "object",
  title: "token request",
  additionalProperties: false,
  properties: {
    clientId: { type: "string", minLength: 1 },
    tenantId: { type: "string", minLength: 1 },
    roles: strings,
    scopes: strings,
    lifetimeSeconds: { type: "integer" },
  },
});

/** `PUT /_emulator/clock` */
export const validateClockSpeed = ajv.compile({
  type: "object",
  title: "clock",
  additionalProperties: false,
  required: ["speed"],
  properties: { speed: { type: "number", minimum: 0, maximum: 1e9 } },
});

/** `POST /_emulator/clock/advance` */
export const validateClockAdvance = ajv.compile({
  type: "object",
  title: "clock advance",
  additionalProperties: false,
  required: ["seconds"],
  properties: { seconds: { type: "number", minimum: 0, maximum: 1e10 } },
});

/** `PUT /_emulator/entra-users` */
export const validateEntraUsers = ajv.compile({
  type: "array",
  title: "Entra users",
  items: entraUserSchema,
});

/** `PUT /_emulator/oneroster-clients` */
export const validateOneRosterClients = ajv.compile({
  type: "array",
  title: "OneRoster clients",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["clientId", "clientSecret"],
    properties: { clientId: { type: "string", minLength: 1 }, clientSecret: { type: "string", minLength: 1 } },
  },
});

const roleCounts = {
  type: "array",
  items: { type: "object", additionalProperties: false, required: ["role", "count"], properties: { role: { type: "string" }, count: { type: "integer", minimum: 0 } } },
};

/** `POST /_emulator/runs`: plant a run. */
export const validatePlantedRun = ajv.compile({
  type: "object",
  title: "planted run",
  additionalProperties: false,
  required: ["status"],
  properties: {
    status: { enum: ["running", "failed", "completed", "completedWithErrors", "completedWithWarnings"] },
    startDateTime: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z$" },
    blockingError: {
      type: "object",
      additionalProperties: false,
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, target: { type: ["string", "null"] } },
    },
    statistics: {
      type: "object",
      additionalProperties: false,
      properties: {
        errors: { type: "integer", minimum: 0 },
        warnings: { type: "integer", minimum: 0 },
        organizations: { type: "integer", minimum: 0 },
        people: { type: "integer", minimum: 0 },
        groups: { type: "integer", minimum: 0 },
        memberships: { type: "integer", minimum: 0 },
        matchedPeopleByRole: roleCounts,
        unmatchedPeopleByRole: roleCounts,
      },
    },
  },
});
