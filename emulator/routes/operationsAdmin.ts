/**
 * The admin controls of the operational half (`/_emulator/…`, loopback only like the rest of the admin API):
 * the emulator's clock, the emulated Entra users runs match against, the SIS's OneRoster clients validate
 * checks credentials against, planted runs, and starting the storage.
 */
import { FastifyInstance } from "fastify";
import { EmulatorContext } from "../context";
import { EntraUser } from "../model/tenant";
import { validateClockAdvance, validateClockSpeed, validateEntraUsers, validateOneRosterClients, validatePlantedRun } from "../schemas/adminSchemas";
import { assertValid } from "../schemas/validator";
import { ADMIN_PREFIX } from "./admin";
import { PlantedRunBody, plantedRun } from "./runs";

function clockAnswer(ctx: EmulatorContext) {
  return { now: ctx.clock.timestamp(), speed: ctx.clock.speed };
}

/** Registers the operational admin routes. */
export function operationsAdminRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(`${ADMIN_PREFIX}/clock`, async () => clockAnswer(ctx));
  app.put(`${ADMIN_PREFIX}/clock`, async (request) => {
    const body = request.body ?? {};
    assertValid(validateClockSpeed, body);
    ctx.clock.setSpeed((body as { speed: number }).speed);
    return clockAnswer(ctx);
  });
  app.post(`${ADMIN_PREFIX}/clock/advance`, async (request) => {
    const body = request.body ?? {};
    assertValid(validateClockAdvance, body);
    ctx.clock.advance((body as { seconds: number }).seconds);
    return clockAnswer(ctx);
  });

  app.get(`${ADMIN_PREFIX}/entra-users`, async () => ctx.store.read((state) => state.entraUsers));
  app.put(`${ADMIN_PREFIX}/entra-users`, async (request, reply) => {
    const body = request.body ?? [];
    assertValid(validateEntraUsers, body);
    await ctx.store.update((state) => {
      state.entraUsers = structuredClone(body as EntraUser[]);
    });
    return reply.code(204).send();
  });

  // The SIS's clients: secrets kept in memory only, listed without them.
  app.get(`${ADMIN_PREFIX}/oneroster-clients`, async () => [...ctx.oneRosterClients.keys()].map((clientId) => ({ clientId })));
  app.put(`${ADMIN_PREFIX}/oneroster-clients`, async (request, reply) => {
    const body = request.body ?? [];
    assertValid(validateOneRosterClients, body);
    ctx.oneRosterClients.clear();
    for (const c of body as { clientId: string; clientSecret: string }[]) ctx.oneRosterClients.set(c.clientId, c.clientSecret);
    return reply.code(204).send();
  });

  app.post(`${ADMIN_PREFIX}/runs`, async (request, reply) => {
    const body = request.body ?? {};
    assertValid(validatePlantedRun, body);
    const run = plantedRun(body as PlantedRunBody, ctx.clock.now());
    await ctx.store.update((state) => {
      state.runs.push(run);
    });
    return reply.code(201).send({ id: run.id, displayName: run.displayName, status: run.status, startDateTime: run.startDateTime, endDateTime: run.endDateTime });
  });

  app.post(`${ADMIN_PREFIX}/storage/start`, async () => ({ blobEndpoint: await ctx.storage.ensureStarted() }));
}
