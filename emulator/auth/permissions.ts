/** Graph permissions of the industryData collections (outbound reference §1.3, inbound reference §7). */

/** Needed for every outbound write (POST, PATCH, DELETE, reset). */
export const READ_WRITE_ALL = "IndustryData-OutboundFlow.ReadWrite.All";
/** Enough for outbound reads. */
export const READ_ALL = "IndustryData-OutboundFlow.Read.All";

/** What a route needs: "read" (GET), "write" (changes), or "any" valid token (role groups). */
export type Access = "read" | "write" | "any";

/** The permissions guarding one collection: `readWrite` grants everything, `read` only reads. */
export interface ScopeSet {
  readWrite: string;
  read: readonly string[];
  /** Further permissions that grant writes too (IndustryData-DataConnector.Upload for validate). */
  alsoWrite?: readonly string[];
}

const scopeSet = (resource: string, extra: Partial<ScopeSet> = {}): ScopeSet => ({
  readWrite: `IndustryData-${resource}.ReadWrite.All`,
  read: [`IndustryData-${resource}.Read.All`, ...(extra.read ?? [])],
  alsoWrite: extra.alsoWrite,
});

/** Per collection, as Graph's permission tables list them (least privileged first). */
export const SCOPES = {
  outboundFlows: { readWrite: READ_WRITE_ALL, read: [READ_ALL] } as ScopeSet,
  dataConnectors: scopeSet("DataConnector"),
  /** The validate action also accepts the Upload permission. */
  dataConnectorValidate: scopeSet("DataConnector", { alsoWrite: ["IndustryData-DataConnector.Upload"] }),
  inboundFlows: scopeSet("InboundFlow"),
  sourceSystems: scopeSet("SourceSystem"),
  years: scopeSet("TimePeriod"),
  // The older list doc names IndustryData.ReadBasic.All.
  referenceDefinitions: scopeSet("ReferenceDefinition", { read: ["IndustryData.ReadBasic.All"] }),
  // Operations are read with IndustryData.ReadBasic.All; the emulator also lets whoever may validate poll them.
  operations: {
    readWrite: "IndustryData-DataConnector.ReadWrite.All",
    read: ["IndustryData.ReadBasic.All", "IndustryData-DataConnector.Read.All", "IndustryData-DataConnector.Upload"],
  } as ScopeSet,
  /** Runs are read with IndustryData-Run.Read.All (there is no ReadWrite permission for them). */
  runs: { readWrite: "IndustryData-Run.Read.All", read: [] } as ScopeSet,
  /** runs/start needs IndustryData-Run.Start. */
  runStart: { readWrite: "IndustryData-Run.Start", read: [] } as ScopeSet,
};

/** Every ReadWrite.All permission above: the default test client's and minted tokens' roles. */
export const ALL_READ_WRITE: readonly string[] = [...new Set(Object.values(SCOPES).map((s) => s.readWrite))];

/** Who is calling, as the token says. */
export interface Principal {
  /** "static" for the configured static token, else the client id (azp/appid). */
  subject: string;
  /** Application permissions (app tokens: `roles`). */
  roles: string[];
  /** Delegated permissions (user tokens: `scp`, space-separated in the JWT). */
  scopes: string[];
  /** The static token has every right. */
  allAccess: boolean;
}

/** True when `principal` may perform an operation needing `access` on a collection guarded by `scopes`. */
export function hasAccess(principal: Principal, access: Access, scopes: ScopeSet = SCOPES.outboundFlows): boolean {
  if (principal.allAccess || access === "any") return true;
  const granted = new Set([...principal.roles, ...principal.scopes]);
  if (granted.has(scopes.readWrite) || scopes.alsoWrite?.some((s) => granted.has(s))) return true;
  return access === "read" && scopes.read.some((s) => granted.has(s));
}

/** The permissions that would grant `access`, for the 403 message. */
export function neededFor(access: Access, scopes: ScopeSet = SCOPES.outboundFlows): string {
  const names = access === "write" ? [scopes.readWrite, ...(scopes.alsoWrite ?? [])] : [...scopes.read, scopes.readWrite, ...(scopes.alsoWrite ?? [])];
  return names.join(" or ");
}
