/** JSON schemas of the admin API's request bodies (`/_emulator/…`). */
import Ajv from "ajv";

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
