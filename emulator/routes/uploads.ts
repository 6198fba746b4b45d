/**
 * `dataConnectors/{id}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession`: a CSV
 * connector's upload session, a real container in Azurite with a SAS URL signed for it. One current session
 * per connector (kept in the tenant, without its SAS); `resetSession=true` or expiry gives a new, empty one.
 */
import { randomUUID } from "node:crypto";
import { FastifyInstance } from "fastify";
import { SCOPES } from "../auth/permissions";
import { EmulatorContext } from "../context";
import { badRequest, GraphHttpError } from "../graphError";
import { formatGraphTime, parseGraphTime } from "../model/emulatorClock";
import { StoredUploadSession, TenantState } from "../model/tenant";
import { odataType } from "../schemas/edm";
import { findEntity, INDUSTRY_DATA_PATH } from "./entityRoutes";
import { collectionDefs } from "./inboundCollections";
import { requestGraphUrl } from "./odata";

/** Lifetimes (emulated; the SAS gets the session's in real time), about those of the docs' example. */
export const SESSION_HOURS = 14;
export const CONTAINER_HOURS = 48;
const HOUR = 3_600_000;

/** The connector's session still open at `now`, if any. */
export function currentSession(state: Readonly<TenantState>, connectorId: string, now: number): StoredUploadSession | undefined {
  const session = [...(state.uploadSessions ?? [])].reverse().find((s) => s.dataConnectorId === connectorId);
  return session && parseGraphTime(session.sessionExpirationDateTime) > now ? session : undefined;
}

function parseBoolean(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw badRequest(`Invalid value '${value}' for parameter 'resetSession': expected true or false.`);
}

/** Registers getUploadSession (the docs' spelling and the older `GetUploadSession`: routing is case-insensitive). */
export function uploadRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const path = `${INDUSTRY_DATA_PATH}/dataConnectors/:id/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession`;
  app.get(path, { config: { access: "write", scopes: SCOPES.dataConnectorValidate } }, async (request) => {
    const { id } = request.params as { id: string };
    const reset = parseBoolean((request.query as Record<string, string | undefined>).resetSession);
    ctx.store.read((state) => {
      const connector = findEntity(state, collectionDefs.dataConnectors, id);
      if (connector.kind !== "azureDataLakeConnector") {
        throw badRequest(`getUploadSession is bound to ${odataType("azureDataLakeConnector")}; data connector '${connector.id}' is a ${odataType(String(connector.kind))}.`);
      }
    });
    if (ctx.storage.mode === "off") {
      throw new GraphHttpError({ status: 503, code: "ServiceUnavailable", message: "The emulator was started without storage (storage: off): upload sessions are not available." });
    }
    await ctx.storage.ensureStarted();
    const now = ctx.clock.now();
    const session = await ctx.store.update((state) => {
      const connector = findEntity(state, collectionDefs.dataConnectors, id);
      const open = reset ? undefined : currentSession(state, connector.id, now);
      if (open) return { ...open };
      const created: StoredUploadSession = {
        dataConnectorId: connector.id,
        containerId: randomUUID(),
        createdDateTime: formatGraphTime(now),
        sessionExpirationDateTime: formatGraphTime(now + SESSION_HOURS * HOUR),
        containerExpirationDateTime: formatGraphTime(now + CONTAINER_HOURS * HOUR),
      };
      // One session per connector is kept: the previous one's container is simply no longer handed out.
      state.uploadSessions = [...state.uploadSessions.filter((s) => s.dataConnectorId !== connector.id), created];
      return { ...created };
    });
    await ctx.storage.ensureContainer(session.containerId);
    const sessionUrl = await ctx.storage.sasUrl(session.containerId, new Date(Date.now() + SESSION_HOURS * HOUR));
    return {
      "@odata.context": `${requestGraphUrl(request)}/$metadata#microsoft.graph.industryData.fileUploadSession`,
      containerExpirationDateTime: session.containerExpirationDateTime,
      containerId: session.containerId,
      sessionExpirationDateTime: session.sessionExpirationDateTime,
      sessionUrl,
    };
  });
}
