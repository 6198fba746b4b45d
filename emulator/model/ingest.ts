/**
 * Turns a validated request body into stored values, applying what the service does on write:
 * `roleGroup@odata.bind` resolved to a role group id (absolute URL on any host, or relative), passwords
 * hashed, reference codes normalized, annotations dropped, the deprecated markAllStudentsAsMinors ignored.
 */
import { badRequest } from "../graphError";
import { ComplexDef, NavTarget, odataType, PropDef, PropType } from "../schemas/edm";
import { hashPassword } from "./passwords";
import { RoleGroup, staffRoleCodes, StoredFlow, StoredReferenceDefinition, TenantState } from "./tenant";

/** What ingestion needs from the tenant. */
export interface IngestContext {
  roleGroups: readonly RoleGroup[];
  /** The whole tenant, for inbound bindings (`nav`) and reference codes checked against its definitions. */
  state?: Readonly<TenantState>;
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

/**
 * The id a bind URL names in `target`, in every form Graph's docs show: absolute on any host
 * (`…/sourceSystems('{id}')`, `…/dataConnectors/{id}`) or relative (`external/industryData/years/{id}`).
 */
export function idFromBind(target: NavTarget, url: string): string | undefined {
  const m = new RegExp(`(?:^|/)${target}(?:/([^/?#()']+)|\\('([^']+)'\\))/?(?:[?#].*)?$`, "i").exec(url);
  return m ? decodeURIComponent(m[1] ?? m[2]) : undefined;
}

const navNoun: Record<NavTarget, string> = { sourceSystems: "source system", dataConnectors: "data connector", years: "year", roleGroups: "role group" };

/** The stored id of the entity a bind names; the Graph 400 when the URL names none or it does not exist. */
function resolveNav(target: NavTarget, url: string, path: string, ctx: IngestContext): string {
  if (target === "roleGroups") return resolveRoleGroup(url, path, ctx);
  const id = idFromBind(target, url);
  if (!id) throw badRequest(`Property '${path}' must reference a ${navNoun[target]}, like '…/external/industryData/${target}/{id}'; got '${url}'.`);
  const found = ctx.state?.[target].find((e) => e.id === id.toLowerCase());
  if (!found) throw badRequest(`Property '${path}' references ${navNoun[target]} '${id}', which does not exist.`);
  return found.id;
}

/** The enabled definition of `referenceType` with this code (case-insensitive); the Graph 400 otherwise. */
function resolveReferenceCode(referenceType: string, code: string, path: string, ctx: IngestContext): string {
  const defs = (ctx.state?.referenceDefinitions ?? []).filter((d) => d.referenceType === referenceType);
  const found: StoredReferenceDefinition | undefined = defs.find((d) => d.code.toLowerCase() === code.toLowerCase());
  if (!found || found.isDisabled) {
    const known = defs.filter((d) => !d.isDisabled).map((d) => d.code);
    const shown = known.length > 12 ? `${known.slice(0, 12).join(", ")}, …` : known.join(", ");
    throw badRequest(`Property '${path}' has code '${code}', which is not ${found ? "an enabled" : "a"} ${referenceType} reference definition. Known codes: ${shown}.`);
  }
  return found.code;
}

/**
 * An Edm.DateTimeOffset in UTC, as the service stores it: `2023-03-12T16:40:46.924769+05:30` becomes
 * `2023-03-12T11:10:46.924769Z` (the fraction kept as sent).
 */
export function toUtc(value: string): string {
  const m = /^(.*T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return value;
  const whole = new Date(`${m[1]}${m[3]}`).toISOString().slice(0, 19);
  return `${whole}${m[2] ?? ""}Z`;
}

function ingestPolymorphic(types: readonly ComplexDef[], value: Record<string, unknown>, path: string, ctx: IngestContext): Record<string, unknown> {
  const tag = String(value["@odata.type"]).replace(/^#/, "");
  const chosen = types.find((t) => odataType(t.name).slice(1) === tag);
  if (!chosen) throw badRequest(`Invalid @odata.type '${tag}' at '${path}'.`);
  return { "@odata.type": odataType(chosen.name), ...ingestComplex(chosen, value, path, ctx) };
}

function ingestValue(type: PropType, value: unknown, path: string, ctx: IngestContext): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case "complex":
      return ingestComplex(type.complex, value as Record<string, unknown>, path, ctx);
    case "polymorphic":
      return ingestPolymorphic(type.types, value as Record<string, unknown>, path, ctx);
    case "dateTimeOffset":
      return toUtc(value as string);
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
  if (p.serverSet) {
    out[p.name] = p.serverSet.initial;
    return;
  }
  if (p.type.kind === "nav") {
    const bind = body[`${p.name}@odata.bind`];
    if (typeof bind === "string") out[`${p.name}Id`] = resolveNav(p.type.target, bind, `${at}@odata.bind`, ctx);
    return;
  }
  if (p.type.kind === "secret") {
    if (typeof body[p.name] === "string") out[`${p.name}Hash`] = hashPassword(body[p.name] as string);
    return;
  }
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
  if (def.referenceType) {
    out.code = ingestTypedCode(def.referenceType, body, out.code, path, ctx);
    return out;
  }
  if (def.referenceValue && typeof out.code !== "string") {
    // A reference value needs its code, given directly or through `value@odata.bind` (…/referenceDefinitions/{type}-{code}).
    const bind = body["value@odata.bind"];
    const m = typeof bind === "string" ? /referenceDefinitions(?:\/|\(')[^-/']+-([^/')]+)/i.exec(bind) : null;
    if (!m) throw badRequest(`Property '${path}' needs 'code' (or 'value@odata.bind' to a reference definition).`);
    out.code = normalizeReferenceCode(decodeURIComponent(m[1]));
  }
  return out;
}

/** A typed reference value's code, given directly or through `value@odata.bind` to a definition of its type. */
function ingestTypedCode(referenceType: string, body: Record<string, unknown>, code: unknown, path: string, ctx: IngestContext): string {
  if (typeof code === "string") return resolveReferenceCode(referenceType, code, `${path}.code`, ctx);
  const bind = body["value@odata.bind"];
  const m = typeof bind === "string" ? /referenceDefinitions(?:\/|\(')([^/')]+)'?\)?\/?$/i.exec(bind) : null;
  const id = m ? decodeURIComponent(m[1]) : undefined;
  if (!id || !id.toLowerCase().startsWith(`${referenceType.toLowerCase()}-`)) {
    throw badRequest(`Property '${path}' needs 'code' (or 'value@odata.bind' to a ${referenceType} reference definition).`);
  }
  return resolveReferenceCode(referenceType, id.slice(referenceType.length + 1), `${path}.value@odata.bind`, ctx);
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
  for (const name of ["password", "clientSecret"]) {
    if (typeof obj[name] === "string" && !(`${name}Hash` in obj)) obj[`${name}Hash`] = hashPassword(obj[name] as string);
    delete obj[name];
  }
  Object.values(obj).forEach(hashInPlace);
}

/** PUT state may carry clear passwords and client secrets for convenience: they are hashed before anything keeps them. */
export function hashClearPasswords(state: TenantState): void {
  for (const set of state.flowSets) set.flows.forEach((f: StoredFlow) => hashInPlace(f));
  state.dataConnectors.forEach(hashInPlace);
}
