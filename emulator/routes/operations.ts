/**
 * A data connector's `validate` action and the long-running operations it starts
 * (`/external/industryData/operations`). The check runs when validate is called (a CSV connector's files are
 * read from its upload session's container and checked against SDS v2.1; an API connector's credential is
 * checked against the SIS clients the admin API registered); the operation reveals its result on the
 * emulator's clock: notStarted, running, then succeeded (or failed when the connector went away).
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SCOPES } from "../auth/permissions";
import { EmulatorContext } from "../context";
import { notFound } from "../graphError";
import { formatGraphTime, parseGraphTime } from "../model/emulatorClock";
import { passwordMatches } from "../model/passwords";
import { OperationOutcome, StoredEntity, StoredOperation } from "../model/tenant";
import { odataType } from "../schemas/edm";
import { validateSdsFiles } from "../sds/validateFiles";
import { INDUSTRY_DATA_PATH, findEntity } from "./entityRoutes";
import { collectionDefs } from "./inboundCollections";
import { collectionAnswer, requestGraphUrl, requestOrigin } from "./odata";
import { currentSession } from "./uploads";

export const OPERATIONS_PATH = `${INDUSTRY_DATA_PATH}/operations`;

/** Emulated seconds a validation is notStarted, and until it completes. */
export const VALIDATION_QUEUED_SECONDS = 2;
export const VALIDATION_SECONDS = 10;

function renderOperation(op: StoredOperation, request: FastifyRequest, context?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context) out["@odata.context"] = context;
  Object.assign(out, {
    "@odata.type": odataType(op.kind),
    id: op.id,
    createdDateTime: op.createdDateTime,
    lastActionDateTime: op.lastActionDateTime,
    resourceLocation: `${requestOrigin(request)}${INDUSTRY_DATA_PATH}/dataConnectors/${op.dataConnectorId}`,
    status: op.status,
    statusDetail: op.statusDetail ?? null,
    errors: op.errors,
    warnings: op.warnings,
  });
  if (op.kind === "fileValidateOperation") out.validatedFiles = op.validatedFiles ?? [];
  return out;
}

/** `Retry-After` while the operation is not terminal: real seconds until its next change. */
function setRetryAfter(ctx: EmulatorContext, reply: FastifyReply, op: StoredOperation): void {
  if (op.status !== "notStarted" && op.status !== "running") return;
  const next = op.status === "notStarted" ? op.runningAt : op.completesAt;
  reply.header("Retry-After", String(next ? ctx.clock.retryAfterSeconds(parseGraphTime(next)) : 0));
}

/** An API connector's credential check: passes unless the SIS has that client registered with another secret. */
function checkCredential(ctx: EmulatorContext, connector: StoredEntity): OperationOutcome {
  const credential = connector.credential as { clientId?: string; clientSecretHash?: string } | null | undefined;
  const registered = credential?.clientId !== undefined ? ctx.oneRosterClients.get(credential.clientId) : undefined;
  const valid = registered === undefined || (credential?.clientSecretHash !== undefined && passwordMatches(credential.clientSecretHash, registered));
  if (valid) return { status: "succeeded", errors: [], warnings: [], credentialValid: true };
  return {
    status: "succeeded",
    errors: [{ code: "InvalidCredential", message: `The SIS refused client '${credential?.clientId}': the client secret is not valid.`, target: "credential", details: [], innerError: null }],
    warnings: [],
    credentialValid: false,
  };
}

/** Registers the validate action and the operation routes. */
export function operationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const connectorPath = `${INDUSTRY_DATA_PATH}/dataConnectors/:id`;
  // Both spellings: the SDK's namespace-qualified one and the docs' short one.
  for (const action of ["microsoft.graph.industryData.validate", "validate"]) {
    app.post(`${connectorPath}/${action}`, { config: { access: "write", scopes: SCOPES.dataConnectorValidate } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const { connector, session } = ctx.store.read((state) => {
        const found = findEntity(state, collectionDefs.dataConnectors, id);
        return { connector: structuredClone(found), session: currentSession(state, found.id, ctx.clock.now()) };
      });
      // The check runs now, on what is uploaded now (validate finalizes the upload session).
      let outcome: OperationOutcome;
      let dataset: ReturnType<typeof validateSdsFiles>["dataset"] | undefined;
      if (connector.kind === "azureDataLakeConnector") {
        const files = session ? await ctx.storage.readFiles(session.containerId) : [];
        const result = validateSdsFiles(files);
        outcome = { status: "succeeded", errors: result.errors, warnings: result.warnings, validatedFiles: result.validatedFiles };
        dataset = result.dataset;
      } else {
        outcome = checkCredential(ctx, connector);
      }
      const now = ctx.clock.now();
      const op = await ctx.store.update((state) => {
        findEntity(state, collectionDefs.dataConnectors, id);
        const created: StoredOperation = {
          id: randomUUID(),
          kind: connector.kind === "azureDataLakeConnector" ? "fileValidateOperation" : "validateOperation",
          dataConnectorId: connector.id,
          createdDateTime: formatGraphTime(now),
          lastActionDateTime: formatGraphTime(now),
          status: "notStarted",
          statusDetail: null,
          runningAt: formatGraphTime(now + VALIDATION_QUEUED_SECONDS * 1000),
          completesAt: formatGraphTime(now + VALIDATION_SECONDS * 1000),
          outcome,
          errors: [],
          warnings: [],
        };
        state.operations.push(created);
        if (dataset) state.datasets.push({ id: created.id, dataConnectorId: connector.id, validatedDateTime: null, ...dataset });
        return created;
      });
      reply.code(202).header("Location", `${requestOrigin(request)}${OPERATIONS_PATH}/${op.id}`);
      setRetryAfter(ctx, reply, op);
      return reply.send();
    });
  }

  const read = { config: { access: "read" as const, scopes: SCOPES.operations } };
  app.get(OPERATIONS_PATH, read, async (request) =>
    ctx.store.read((state) =>
      collectionAnswer(state.operations.map((op) => renderOperation(op, request)), request, {
        context: `${requestGraphUrl(request)}/$metadata#external/industryData/operations`,
        pageSize: ctx.options.pageSize,
      }),
    ),
  );

  app.get(`${OPERATIONS_PATH}/:id`, read, async (request, reply) => {
    const { id } = request.params as { id: string };
    return ctx.store.read((state) => {
      const op = state.operations.find((o) => o.id.toLowerCase() === id.toLowerCase());
      if (!op) throw notFound(`The operation '${id}' was not found.`);
      setRetryAfter(ctx, reply, op);
      return renderOperation(op, request, `${requestGraphUrl(request)}/$metadata#external/industryData/operations/$entity`);
    });
  });
}
