/** OData conventions shared by the Graph routes: URLs, paging, body checks. */
import { FastifyRequest } from "fastify";
import { badRequest } from "../graphError";
import { RenderOptions } from "../model/render";
import { TenantState } from "../model/tenant";

/** `https://127.0.0.1:1234` as the client addressed the emulator (so links work from its side). */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}`;
}

/** `{origin}/beta`. */
export function requestGraphUrl(request: FastifyRequest): string {
  return `${requestOrigin(request)}/beta`;
}

const MAX_TOP = 999;

function decodeSkipToken(token: string): number {
  const m = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString());
  if (!m) throw badRequest(`Invalid $skiptoken '${token}'.`);
  return Number(m[1]);
}

/** One page of `items` per `$top`/`$skiptoken`, with `@odata.nextLink` when more remain. */
export function paginate<T>(items: T[], request: FastifyRequest, defaultPageSize: number): { value: T[]; nextLink?: string } {
  const query = request.query as Record<string, string | undefined>;
  // The metadata marks $skip unsupported on these collections (reference §1): page with nextLink.
  if (query.$skip !== undefined) throw badRequest("Query option '$skip' is not supported on this collection; follow @odata.nextLink.");
  let top: number | undefined;
  if (query.$top !== undefined) {
    top = Number(query.$top);
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw badRequest(`Invalid $top '${query.$top}': expected an integer from 1 to ${MAX_TOP}.`);
  }
  const offset = query.$skiptoken !== undefined ? decodeSkipToken(query.$skiptoken) : 0;
  const size = top ?? defaultPageSize;
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value };
  const params = new URLSearchParams();
  if (top !== undefined) params.set("$top", String(top));
  params.set("$skiptoken", Buffer.from(`offset:${offset + size}`).toString("base64url"));
  const path = request.url.split("?")[0];
  return { value, nextLink: `${requestOrigin(request)}${path}?${params.toString().replace(/%24/g, "$")}` };
}

/** A collection answer: its `@odata.context`, `@odata.nextLink` while more pages remain, and one page of `items`. */
export function collectionAnswer<T>(items: T[], request: FastifyRequest, options: { context: string; pageSize: number }): Record<string, unknown> {
  const page = paginate(items, request, options.pageSize);
  return {
    "@odata.context": options.context,
    ...(page.nextLink ? { "@odata.nextLink": page.nextLink } : {}),
    value: page.value,
  };
}

/** How entities of `state` render in the answer to `request`; roleGroup is expanded except in a 201 answer. */
export function renderOptionsFor(request: FastifyRequest, state: Readonly<TenantState>, expandRoleGroups = true): RenderOptions {
  return { graphUrl: requestGraphUrl(request), expandRoleGroups, roleGroups: state.roleGroups };
}

/** The body as a JSON object, or the Graph 400 for a missing/non-object body. */
export function objectBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) throw badRequest("A request body is required.");
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/**
 * Computed properties (CSDL Core.Computed: id, timestamps, readinessStatus) in a write body are rejected
 * rather than silently ignored, so a client that sends them (reference §4.3 says strip them) finds out.
 */
export function rejectComputed(body: Record<string, unknown>, names: readonly string[]): void {
  const sent = names.filter((n) => n in body);
  if (sent.length) throw badRequest(`Property '${sent[0]}' is read-only: the service computes it and it cannot be written.`);
}
