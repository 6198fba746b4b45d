/**
 * A data connector's `validate` action and the long-running operations it starts
 * (`/external/industryData/operations`). Deterministic, with no clock: the first GET of an operation answers
 * `running`, the second completes it (`succeeded`) and, for an API connector, marks its credential valid.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { SCOPES } from "../auth/permissions";
import { EmulatorContext } from "../context";
import { notFound } from "../graphError";
import { graphTimestamp } from "../model/clock";
import { StoredOperation, TenantState } from "../model/tenant";
import { odataType } from "../schemas/edm";
import { INDUSTRY_DATA_PATH, findEntity } from "./entityRoutes";
import { collectionDefs } from "./inboundCollections";
import { collectionAnswer, requestGraphUrl, requestOrigin } from "./odata";

const OPERATIONS_PATH = `${INDUSTRY_DATA_PATH}/operations`;

/** How many GETs of an operation answer `running` before it completes. */
export const RUNNING_POLLS = 1;

/** The SDS v2.1 files a CSV upload must hold (reference §5); the emulator has no upload, so all are missing. */
const REQUIRED_FILES = ["orgs.csv", "users.csv", "roles.csv"];

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

/** Completes `op`: the connector's check is done; an API connector's credential is valid as of now. */
function complete(op: StoredOperation, state: TenantState): void {
  const now = graphTimestamp();
  op.lastActionDateTime = now;
  const connector = state.dataConnectors.find((c) => c.id === op.dataConnectorId);
  if (!connector) {
    op.status = "failed";
    op.errors = [{ code: "DataConnectorNotFound", message: `Data connector '${op.dataConnectorId}' was deleted before its validation completed.`, target: null }];
    return;
  }
  op.status = "succeeded";
  if (op.kind === "fileValidateOperation") {
    // Nothing can be uploaded to the emulator: a succeeded validation that found no files (as Graph reports it).
    op.errors = REQUIRED_FILES.map((f) => ({ code: "RequiredFileNotFound", message: `The required file ${f} was not found.`, target: f }));
    op.validatedFiles = [];
    return;
  }
  const credential = connector.credential as Record<string, unknown> | null | undefined;
  if (credential) {
    credential.isValid = true;
    credential.lastValidDateTime = now;
  }
}

/** Registers the validate action and the operation routes. */
export function operationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const connectorPath = `${INDUSTRY_DATA_PATH}/dataConnectors/:id`;
  // Both spellings: the SDK's namespace-qualified one and the docs' short one.
  for (const action of ["microsoft.graph.industryData.validate", "validate"]) {
    app.post(`${connectorPath}/${action}`, { config: { access: "write", scopes: SCOPES.dataConnectorValidate } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const op = await ctx.store.update((state) => {
        const connector = findEntity(state, collectionDefs.dataConnectors, id);
        const now = graphTimestamp();
        const created: StoredOperation = {
          id: randomUUID(),
          kind: connector.kind === "azureDataLakeConnector" ? "fileValidateOperation" : "validateOperation",
          dataConnectorId: connector.id,
          createdDateTime: now,
          lastActionDateTime: now,
          status: "running",
          statusDetail: null,
          polls: 0,
          errors: [],
          warnings: [],
        };
        state.operations.push(created);
        return created;
      });
      reply.code(202).header("Location", `${requestOrigin(request)}${OPERATIONS_PATH}/${op.id}`);
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

  app.get(`${OPERATIONS_PATH}/:id`, read, async (request) => {
    const { id } = request.params as { id: string };
    return ctx.store.update((state) => {
      const op = state.operations.find((o) => o.id === id.toLowerCase());
      if (!op) throw notFound(`The operation '${id}' was not found.`);
      op.polls += 1;
      if (op.status === "running" && op.polls > RUNNING_POLLS) complete(op, state);
      return renderOperation(op, request, `${requestGraphUrl(request)}/$metadata#external/industryData/operations/$entity`);
    });
  });
}
