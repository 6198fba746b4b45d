/**
 * Turns a validated request body into stored values, applying what the service does on write:
 * `roleGroup@odata.bind` resolved to a role group id (absolute URL on any host, or relative), passwords
 * hashed, reference codes normalized, annotations dropped, the deprecated markAllStudentsAsMinors ignored.
 */
import { badRequest } from "../graphError";
import { ComplexDef, PropDef, PropType } from "../schemas/edm";
import { hashPassword } from "./passwords";
import { RoleGroup, staffRoleCodes, StoredFlow, TenantState } from "./tenant";

/** What ingestion needs from the tenant. */
export interface IngestContext {
  roleGroups: readonly RoleGroup[];
}

const canonicalCodes = new Map([...staffRoleCodes, "student"].map((c) => [c.toLowerCase(), c]));

/**
 * Reference codes as the service normalizes them (reference §4.7: `paraProfessional` came back as
 * `paraprofessional`): a known code takes its canonical spelling, an unknown one is lower-cased.
 */
export function normalizeReferenceCode(code: string): string {
  return canonicalCodes.get(code.toLowerCase()) ?? code.toLowerCase();
}

/** The role group id in a bind URL: `https://any.host/beta/external/industryData/roleGroups/staff`, a relative path, or `roleGroups('staff')`. */
export function roleGroupIdFromBind(url: string): string | undefined {
  const m = /(?:^|\/)roleGroups(?:\/([^/?#()']+)|\('([^']+)'\))\/?(?:[?#].*)?$/i.exec(url);
  return m ? decodeURIComponent(m[1] ?? m[2]) : undefined;
}

function resolveRoleGroup(url: string, path: string, ctx: IngestContext): string {
  const id = roleGroupIdFromBind(url);
  if (!id) throw badRequest(`Property '${path}' must reference a role group, like '…/external/industryData/roleGroups/{id}'; got '${url}'.`);
  const group = ctx.roleGroups.find((g) => g.id.toLowerCase() === id.toLowerCase());
  if (!group) {
    const known = ctx.roleGroups.map((g) => g.id).join(", ");
    throw badRequest(`Property '${path}' references role group '${id}', which does not exist. Existing role groups: ${known}.`);
  }
  return group.id;
}

function ingestValue(type: PropType, value: unknown, path: string, ctx: IngestContext): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case "complex":
      return ingestComplex(type.complex, value as Record<string, unknown>, path, ctx);
    case "collection":
      return (value as unknown[]).map((item, i) => ingestValue(type.item, item, `${path}[${i}]`, ctx));
    case "referenceCode":
      return normalizeReferenceCode(value as string);
    default:
      return value;
  }
}

function ingestProperty(p: PropDef, body: Record<string, unknown>, out: Record<string, unknown>, path: string, ctx: IngestContext): void {
  const at = path ? `${path}.${p.name}` : p.name;
  if (p.droppedOnWrite) return;
  if (p.type.kind === "roleGroupNav") {
    const bind = body[`${p.name}@odata.bind`];
    if (typeof bind === "string") out[`${p.name}Id`] = resolveRoleGroup(bind, `${at}@odata.bind`, ctx);
    return;
  }
  if (!(p.name in body)) return;
  if (p.type.kind === "password") {
    out.passwordHash = hashPassword(body[p.name] as string);
    return;
  }
  out[p.name] = ingestValue(p.type, body[p.name], at, ctx);
}

/** Stored form of a complex value (validated beforehand). */
export function ingestComplex(def: ComplexDef, body: Record<string, unknown>, path: string, ctx: IngestContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of def.properties) ingestProperty(p, body, out, path, ctx);
  if (def.referenceValue && typeof out.code !== "string") {
    // A reference value needs its code, given directly or through `value@odata.bind` (…/referenceDefinitions/{type}-{code}).
    const bind = body["value@odata.bind"];
    const m = typeof bind === "string" ? /referenceDefinitions(?:\/|\(')[^-/']+-([^/')]+)/i.exec(bind) : null;
    if (!m) throw badRequest(`Property '${path}' needs 'code' (or 'value@odata.bind' to a reference definition).`);
    out.code = normalizeReferenceCode(decodeURIComponent(m[1]));
  }
  return out;
}

/** Stored form of the properties an entity body sends (those not sent are absent from the result). */
export function ingestEntity(def: { properties: readonly PropDef[] }, body: Record<string, unknown>, ctx: IngestContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of def.properties) ingestProperty(p, body, out, "", ctx);
  return out;
}

/** Drops instance annotations a client may echo from a read (`@odata.context`, `x@odata.context`, `@odata.etag`). */
export function stripReadAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripReadAnnotations);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (/@odata\.(context|etag)$/.test(k)) continue;
    out[k] = stripReadAnnotations(v);
  }
  return out;
}

function hashInPlace(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(hashInPlace);
  if (value === null || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  if (typeof obj.password === "string" && !("passwordHash" in obj)) {
    obj.passwordHash = hashPassword(obj.password);
  }
  delete obj.password;
  Object.values(obj).forEach(hashInPlace);
}

/** PUT state may carry clear passwords for convenience: they are hashed before anything keeps them. */
export function hashClearPasswords(state: TenantState): void {
  for (const set of state.flowSets) set.flows.forEach((f: StoredFlow) => hashInPlace(f));
}
