/**
 * The admin API under `/_emulator/` (loopback callers only, enforced by the server): request log, fault
 * injection, reset, whole-tenant state, registered clients and directly minted tokens.
 */
import { ValidateFunction } from "ajv";
import { FastifyInstance, FastifyRequest } from "fastify";
import { EmulatorContext } from "../context";
import { FaultRule } from "../faults";
import { badRequest, notFound } from "../graphError";
import { hashClearPasswords } from "../model/ingest";
import { builtInReferenceDefinitions, TenantState } from "../model/tenant";
import { FederatedIssuer, RegisteredClient } from "../options";
import { validateClient, validateFault, validateFederatedIssuer, validateTokenRequest } from "../schemas/adminSchemas";
import { assertValid, describeAjvError, validators } from "../schemas/validator";
import { DEFAULT_TENANT_ID } from "../options";
import { requestOrigin } from "./odata";
import { ALL_READ_WRITE } from "../auth/permissions";

/** Prefix of every admin route. */
export const ADMIN_PREFIX = "/_emulator";

function body<T>(request: FastifyRequest, validate: ValidateFunction): T {
  const b = request.body ?? {};
  assertValid(validate, b);
  return b as T;
}

/** The emulator's base URLs at `origin`: Graph (`/beta`), the token endpoint of DEFAULT_TENANT_ID, the authority host, the admin API. */
export function emulatorUrls(origin: string): { graphUrl: string; tokenUrl: string; authorityHost: string; adminUrl: string } {
  return {
    graphUrl: `${origin}/beta`,
    tokenUrl: `${origin}/${DEFAULT_TENANT_ID}/oauth2/v2.0/token`,
    authorityHost: origin,
    adminUrl: `${origin}${ADMIN_PREFIX}`,
  };
}

/** Checks a whole-tenant document; the error names what is wrong. */
export function checkTenantState(doc: unknown): TenantState {
  if (!validators.tenantState(doc)) {
    const first = validators.tenantState.errors?.[0];
    throw badRequest(`Invalid tenant state: ${first ? `${describeAjvError(first)} (at ${first.instancePath || "/"})` : "unknown error"}`);
  }
  const state = structuredClone(doc) as TenantState;
  fillInboundDefaults(state);
  checkBindings(state);
  for (const set of state.flowSets) {
    const kinds = set.flows.map((f) => f.kind);
    const dup = kinds.find((k, i) => kinds.indexOf(k) !== i);
    if (dup) throw badRequest(`Invalid tenant state: flow set '${set.id}' has more than one ${dup}.`);
  }
  hashClearPasswords(state);
  return state;
}

/** A document without the inbound collections (an older data file, a hand-written seed) starts them empty. */
function fillInboundDefaults(state: TenantState): void {
  state.sourceSystems ??= [];
  state.dataConnectors ??= [];
  state.years ??= [];
  state.inboundFlows ??= [];
  state.referenceDefinitions ??= builtInReferenceDefinitions();
  state.operations ??= [];
  state.uploadSessions ??= [];
  state.datasets ??= [];
  state.runs ??= [];
  state.entraUsers ??= [];
}

/** Every binding in a state document names an entity it holds (as the API guarantees for what it creates). */
function checkBindings(state: TenantState): void {
  const ids = (list: { id: string }[]) => new Set(list.map((e) => e.id));
  const targets = { sourceSystems: ids(state.sourceSystems), dataConnectors: ids(state.dataConnectors), years: ids(state.years), roleGroups: ids(state.roleGroups) };
  const expect = (what: string, id: unknown, target: keyof typeof targets) => {
    if (!targets[target].has(String(id))) throw badRequest(`Invalid tenant state: ${what} binds ${target} '${String(id)}', which the state does not hold.`);
  };
  for (const s of state.sourceSystems) {
    for (const m of (s.userMatchingSettings as { roleGroupId?: string }[] | null | undefined) ?? []) expect(`source system '${s.id}'`, m.roleGroupId, "roleGroups");
  }
  for (const c of state.dataConnectors) expect(`data connector '${c.id}'`, c.sourceSystemId, "sourceSystems");
  for (const f of state.inboundFlows) {
    expect(`inbound flow '${f.id}'`, f.dataConnectorId, "dataConnectors");
    expect(`inbound flow '${f.id}'`, f.yearId, "years");
  }
}

/** Registers the admin routes. */
export function adminRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(`${ADMIN_PREFIX}/requests`, async () => ctx.requestLog.list());
  app.delete(`${ADMIN_PREFIX}/requests`, async (_req, reply) => {
    ctx.requestLog.clear();
    return reply.code(204).send();
  });

  app.get(`${ADMIN_PREFIX}/faults`, async () => ctx.faults.list());
  app.post(`${ADMIN_PREFIX}/faults`, async (request, reply) => {
    const rule = body<FaultRule>(request, validateFault);
    try {
      return reply.code(201).send(ctx.faults.add(rule));
    } catch (e) {
      throw badRequest(`Invalid pathRegex: ${(e as Error).message}`);
    }
  });
  app.delete(`${ADMIN_PREFIX}/faults`, async (_req, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  // Held requests (a `hold` fault): what waits now, and its release (one by id, or all).
  app.get(`${ADMIN_PREFIX}/holds`, async () => ctx.holds.list());
  app.post(`${ADMIN_PREFIX}/holds/release`, async () => ({ released: ctx.holds.release() }));
  app.post(`${ADMIN_PREFIX}/holds/:id/release`, async (request) => {
    const { id } = request.params as { id: string };
    const released = ctx.holds.release(Number(id));
    if (released === 0) throw notFound(`No request '${id}' is held.`);
    return { released };
  });

  // Reset: empty tenant, empty request log, no faults (registered clients stay: they are configuration). Held
  // requests stay held: released after the reset, they would act on the new tenant; release them first.
  app.post(`${ADMIN_PREFIX}/reset`, async (_req, reply) => {
    await ctx.store.reset();
    ctx.requestLog.clear();
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.get(`${ADMIN_PREFIX}/state`, async () => ctx.store.snapshot());
  app.put(`${ADMIN_PREFIX}/state`, async (request, reply) => {
    await ctx.store.replace(checkTenantState(request.body));
    return reply.code(204).send();
  });

  app.get(`${ADMIN_PREFIX}/info`, async (request) => {
    return {
      ...emulatorUrls(requestOrigin(request)),
      pageSize: ctx.options.pageSize,
      patchResponse: ctx.options.patchResponse,
      persistent: Boolean(ctx.options.dataFile),
      clock: { now: ctx.clock.timestamp(), speed: ctx.clock.speed },
      storage: { mode: ctx.storage.mode, blobEndpoint: ctx.storage.blobEndpoint ?? null },
    };
  });

  app.get(`${ADMIN_PREFIX}/clients`, async () => ctx.clients.list());
  app.post(`${ADMIN_PREFIX}/clients`, async (request, reply) => {
    ctx.clients.register(body<RegisteredClient>(request, validateClient));
    return reply.code(204).send();
  });
  app.delete(`${ADMIN_PREFIX}/clients/:clientId`, async (request, reply) => {
    const { clientId } = request.params as { clientId: string };
    if (!ctx.clients.unregister(clientId)) throw notFound(`No client '${clientId}' is registered.`);
    return reply.code(204).send();
  });
  app.post(`${ADMIN_PREFIX}/federated-issuers`, async (request, reply) => {
    ctx.clients.trustIssuer(body<FederatedIssuer>(request, validateFederatedIssuer));
    return reply.code(204).send();
  });

  app.post(`${ADMIN_PREFIX}/tokens`, async (request) => {
    const req = body<{ clientId?: string; tenantId?: string; roles?: string[]; scopes?: string[]; lifetimeSeconds?: number }>(request, validateTokenRequest);
    const access_token = await ctx.issuer.issue({
      issuerBase: requestOrigin(request),
      tenantId: req.tenantId ?? DEFAULT_TENANT_ID,
      clientId: req.clientId ?? "emulator-admin-minted",
      roles: req.roles ?? (req.scopes ? undefined : [...ALL_READ_WRITE]),
      scopes: req.scopes,
      lifetimeSeconds: req.lifetimeSeconds ?? ctx.options.tokenLifetimeSeconds,
    });
    return { token_type: "Bearer", access_token, expires_in: req.lifetimeSeconds ?? ctx.options.tokenLifetimeSeconds };
  });
}
