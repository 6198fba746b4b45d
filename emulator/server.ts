/**
 * Builds the emulator's HTTP(S) server. The request path, in order (Azurite-style, one place):
 *   1. context   every request gets a request-id (and its client-request-id echoed) on every response;
 *   2. guard     the admin API answers loopback callers only; a dot segment (`.`, `..`, `%2e`) is a 400 of its own;
 *   3. faults    an injected fault may delay, fail or drop the request (before auth, as a gateway would);
 *   4. auth      Graph paths need a valid bearer token, and the route's access level (read/write);
 *   5. parse     JSON (an empty body allowed, for actions) and form bodies (token endpoint);
 *   6. route     fastify routing, then JSON-schema validation (ajv), a `hold` fault (waits for release) and the handler;
 *   7. errors    anything thrown leaves in Graph's error envelope;
 *   8. log       the request (secrets redacted) joins the request log once answered.
 */
import { randomUUID } from "node:crypto";
import Fastify, { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticate, authorize } from "./auth/authenticate";
import { Access, ScopeSet } from "./auth/permissions";
import { EmulatorContext } from "./context";
import { badRequest, graphErrorBody, GraphHttpError } from "./graphError";
import { isLoopbackAddress } from "./loopback";
import { adminRoutes, ADMIN_PREFIX } from "./routes/admin";
import { collectionRoutes } from "./routes/entityRoutes";
import { operationRoutes } from "./routes/operations";
import { referenceDefinitionRoutes } from "./routes/referenceDefinitions";
import { operationsAdminRoutes } from "./routes/operationsAdmin";
import { roleGroupRoutes } from "./routes/roleGroups";
import { runRoutes } from "./routes/runs";
import { uploadRoutes } from "./routes/uploads";
import { tokenRoutes } from "./routes/token";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Access level a Graph route needs (see auth/permissions.ts). */
    access?: Access;
    /** The permissions guarding the route's collection (default: the outbound flows'). */
    scopes?: ScopeSet;
  }
  interface FastifyRequest {
    /** The caller's `client-request-id`, or the request id when none was sent. */
    clientRequestId: string;
    startedAt: number;
    /** Which injected fault touched this request. */
    faultKind?: "status" | "drop" | "delay" | "hold";
    /** True once the request joined the request log (a request whose client went away is logged when answered). */
    logged?: boolean;
    /** True for a held request whose client closed the connection while it waited. */
    clientGone?: boolean;
  }
}

/** TLS material for an HTTPS server. */
export interface ServerTls {
  key: string;
  cert: string;
}

const GRAPH_PREFIX = "/beta/";

function pathOf(request: FastifyRequest): string {
  return request.url.split("?")[0];
}

function isAdmin(request: FastifyRequest): boolean {
  return pathOf(request).toLowerCase().startsWith(`${ADMIN_PREFIX}/`);
}

/** The first `.` or `..` segment of a path, also percent-encoded (`%2e`, any case), or undefined. */
function dotSegmentOf(path: string): string | undefined {
  return path.split("/").find((segment) => {
    const decoded = segment.replace(/%2e/gi, ".");
    return decoded === "." || decoded === "..";
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logRequest(ctx: EmulatorContext, request: FastifyRequest, status: number): void {
  if (isAdmin(request) || request.logged) return;
  request.logged = true;
  ctx.requestLog.add({
    time: new Date(request.startedAt).toISOString(),
    method: request.method,
    path: pathOf(request),
    query: { ...(request.query as Record<string, string>) },
    body: request.body,
    status,
    requestId: request.id,
    clientRequestId: request.headers["client-request-id"] as string | undefined,
    fault: request.faultKind,
    durationMs: Date.now() - request.startedAt,
  });
}

/** Step 3: applies the first matching fault rule, if any. */
async function injectFault(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (isAdmin(request)) return;
  const fault = ctx.faults.take(request.method, pathOf(request));
  if (!fault) return;
  request.faultKind = fault.drop ? "drop" : fault.status ? "status" : "delay";
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.drop) {
    // A dropped connection: no answer at all, the socket is destroyed.
    logRequest(ctx, request, 0);
    reply.hijack();
    request.raw.socket.destroy();
    return;
  }
  if (fault.status) {
    const headers: Record<string, string> = {};
    if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
    throw new GraphHttpError({ status: fault.status, code: fault.code, message: fault.message ?? `Injected fault: ${fault.status}.`, headers });
  }
}

/**
 * Step 6, just before the handler: a `hold` fault keeps the request waiting, authorized and its body read,
 * until it is released or its client goes away; then the handler runs, as a service finishes a request whose
 * client died (the answer goes nowhere), and the request is logged with its status.
 */
async function holdRequest(ctx: EmulatorContext, request: FastifyRequest): Promise<void> {
  if (isAdmin(request)) return;
  const fault = ctx.faults.take(request.method, pathOf(request), "handler");
  if (!fault) return;
  request.faultKind = "hold";
  const socket = request.raw.socket;
  const ended = await ctx.holds.hold(fault.id, request.method, pathOf(request), (gone) => {
    if (socket.destroyed) gone();
    else socket.once("close", gone);
  });
  // Its answer goes nowhere, so onResponse never fires: it is logged when the handler answers (onSend).
  request.clientGone = ended === "clientGone";
}

function sendError(ctx: EmulatorContext, error: FastifyError | GraphHttpError | Error, request: FastifyRequest, reply: FastifyReply) {
  let graphError: GraphHttpError;
  if (error instanceof GraphHttpError) graphError = error;
  else {
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) graphError = new GraphHttpError({ status, message: error.message });
    else {
      if (!ctx.options.quiet) console.error(`industrydata-emulator: internal error on ${request.method} ${pathOf(request)}:`, error);
      graphError = new GraphHttpError({ status: 500, message: "An internal error occurred in the emulator." });
    }
  }
  reply.code(graphError.status).headers(graphError.headers).type("application/json");
  return reply.send(graphErrorBody({ code: graphError.code, message: graphError.message, requestId: request.id, clientRequestId: request.clientRequestId }));
}

/** Builds (does not start) the server for `ctx`; HTTPS when `tls` is given. */
export function buildServer(ctx: EmulatorContext, tls?: ServerTls): FastifyInstance {
  const app = Fastify({
    logger: false,
    genReqId: () => randomUUID(),
    // Graph's docs spell the segment both `outboundProvisioningFlowSets` and `OutboundProvisioningFlowSets`.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
    ...(tls ? { https: { key: tls.key, cert: tls.cert } } : {}),
  } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;

  // 1. context
  app.addHook("onRequest", async (request, reply) => {
    request.startedAt = Date.now();
    const sent = request.headers["client-request-id"];
    request.clientRequestId = typeof sent === "string" && sent ? sent : request.id;
    reply.header("request-id", request.id).header("client-request-id", request.clientRequestId);
  });
  // 2. guard
  app.addHook("onRequest", async (request) => {
    const dot = dotSegmentOf(pathOf(request));
    if (dot !== undefined) {
      // Strict: never resolved (that would answer for another entity, the parent), never taken as a key (a 404
      // would hide what the client did). Clients on WHATWG URL resolve dots before sending; see README.
      throw badRequest(`The request URI holds the dot segment '${dot}'; dot segments are not resolved. Address the entity by its id.`);
    }
  });
  app.addHook("onRequest", async (request) => {
    if (isAdmin(request) && !isLoopbackAddress(request.socket.remoteAddress)) {
      throw new GraphHttpError({ status: 403, code: "Forbidden", message: "The emulator admin API answers loopback callers only." });
    }
  });
  // 3. faults
  app.addHook("onRequest", async (request, reply) => injectFault(ctx, request, reply));
  // 4. auth
  app.addHook("onRequest", async (request) => {
    if (!pathOf(request).toLowerCase().startsWith(GRAPH_PREFIX)) return;
    const principal = await authenticate(request.headers.authorization, { issuer: ctx.issuer, staticToken: ctx.options.staticToken });
    authorize(principal, request.routeOptions.config?.access ?? "read", request.routeOptions.config?.scopes);
  });

  // 5. parse
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, text, done) => {
    const s = String(text);
    if (!s.trim()) return done(null, undefined); // actions (reset) may be posted without a body
    try {
      done(null, JSON.parse(s));
    } catch (e) {
      done(badRequest(`The request body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, text, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(text))));
  });

  // 6. routes
  collectionRoutes(app, ctx);
  roleGroupRoutes(app, ctx);
  operationRoutes(app, ctx);
  uploadRoutes(app, ctx);
  runRoutes(app, ctx);
  referenceDefinitionRoutes(app, ctx);
  tokenRoutes(app, ctx);
  adminRoutes(app, ctx);
  operationsAdminRoutes(app, ctx);

  app.addHook("preHandler", async (request) => holdRequest(ctx, request));

  // 7. errors
  app.setErrorHandler((error, request, reply) => sendError(ctx, error as Error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request);
    const segment = path.split("/").filter(Boolean).pop() ?? "";
    const err = path.toLowerCase().startsWith(GRAPH_PREFIX)
      ? badRequest(`Resource not found for the segment '${segment}'.`)
      : new GraphHttpError({ status: 404, message: `No such path: ${request.method} ${path}` });
    return sendError(ctx, err, request, reply);
  });

  // 8. log
  app.addHook("onResponse", async (request, reply) => logRequest(ctx, request, reply.statusCode));
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.clientGone) logRequest(ctx, request, reply.statusCode);
    return payload;
  });
  return app;
}
