import type { GraphClient } from "../graph";
import type { JsonObject } from "../reconcile";
import { dataConnectorsPath } from "../schema";
import { dataConnectorPath, operationsPath, uploadSessionPath, validateConnectorPath } from "./operationalPaths";
import { pollUntil } from "./polling";
import { isNotFound } from "./resourceOperations";

/** Graph's `longRunningOperationStatus`. */
export type OperationStatus = "notStarted" | "running" | "succeeded" | "failed" | "unknownFutureValue";

/** One error or warning of a validation (`publicError`), with the file and line it names when it names them. */
export interface ValidationIssue {
  code: string;
  message: string;
  target?: string;
  /** The CSV file the issue is about (from `target`, else the message). */
  file?: string;
  /** The line of that file (1 = the header), when Graph names one. */
  line?: number;
}

/** A `validateOperation` / `fileValidateOperation` as the commands show it. */
export interface ValidationResult {
  operationId: string;
  connectorId: string;
  status: OperationStatus | string;
  statusDetail?: string;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  /** The files a file validation read (fileValidateOperation only). */
  validatedFiles: string[];
  /** Succeeded with no error: Graph documents a `succeeded` operation that still carries errors (missing files). */
  valid: boolean;
}

/** `fileUploadSession`: where to upload the CSV files, and until when. `sessionUrl` is a SAS URL: a secret. */
export interface UploadSession {
  sessionUrl: string;
  containerId?: string;
  containerExpirationDateTime?: string;
  sessionExpirationDateTime?: string;
}

/** The terminal statuses of a long-running operation. */
const FINISHED = new Set(["succeeded", "failed"]);

/** Graph documents "poll no more often than every 5 s while in progress" (reference §2.11). */
export const DEFAULT_OPERATION_POLL_MS = 5000;

/**
 * A CSV connector's upload session (`getUploadSession`, bound to `azureDataLakeConnector`); `resetSession` asks
 * for a new, empty container. An API connector has none: that is said before the call.
 */
export async function getUploadSession(client: GraphClient, connectorId: string, options: { resetSession?: boolean } = {}): Promise<UploadSession> {
  const connector = await getConnector(client, connectorId);
  if (!String(connector["@odata.type"] ?? "").endsWith("azureDataLakeConnector")) {
    throw new Error(`data connector ${connectorId} (${String(connector.displayName)}) is a ${odataName(connector)}: only a CSV connector (azureDataLakeConnector) takes uploads`);
  }
  const session = await client.get<JsonObject>(uploadSessionPath(connectorId, options.resetSession === true));
  if (typeof session?.sessionUrl !== "string" || session.sessionUrl === "") {
    throw new Error(`getUploadSession of data connector ${connectorId} answered without a sessionUrl`);
  }
  const out: UploadSession = { sessionUrl: session.sessionUrl };
  for (const key of ["containerId", "containerExpirationDateTime", "sessionExpirationDateTime"] as const) {
    if (typeof session[key] === "string") out[key] = session[key] as string;
  }
  return out;
}

/** Options of {@link validateConnector}. */
export interface ValidateOptions {
  /** Least wait between polls, ms (default 5 s, Graph's documented minimum); a larger Retry-After wins. */
  intervalMs?: number;
  timeoutMs?: number;
  onRead?(result: ValidationResult, polls: number): void;
  sleep?(ms: number): Promise<void>;
}

/**
 * Validates a connector: POST `validate` (202 + `Location` of the operation), then polls the operation until it
 * succeeds or fails, no more often than Graph allows. Works for CSV connectors (a `fileValidateOperation` over
 * the uploaded files) and API connectors (checks the credential, e.g. after a secret rotation).
 */
export async function validateConnector(client: GraphClient, connectorId: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  await getConnector(client, connectorId);
  const accepted = await client.request<JsonObject>("POST", validateConnectorPath(connectorId));
  const location = accepted.location ?? (typeof accepted.body?.id === "string" ? `${operationsPath}/${accepted.body.id}` : undefined);
  if (location === undefined) throw new Error(`validate of data connector ${connectorId} answered ${accepted.status} without a Location header naming its operation`);
  return pollUntil<ValidationResult>({
    read: async () => {
      const answer = await client.request<JsonObject>("GET", location);
      return {
        value: toValidationResult(answer.body ?? {}, connectorId),
        ...(answer.retryAfterSeconds !== undefined ? { retryAfterSeconds: answer.retryAfterSeconds } : {}),
      };
    },
    done: (result) => FINISHED.has(String(result.status)),
    // The first poll waits as long as any later one: the 202's Retry-After, at least the interval.
    startedRetryAfterSeconds: accepted.retryAfterSeconds ?? 0,
    intervalMs: options.intervalMs ?? DEFAULT_OPERATION_POLL_MS,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    what: `the validation of data connector ${connectorId} (${location})`,
    ...(options.onRead !== undefined ? { onRead: options.onRead } : {}),
    ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
  });
}

/** The latest validation operation Graph keeps for a connector (its `resourceLocation` names the connector), if any. */
export async function latestValidation(client: GraphClient, connectorId: string): Promise<ValidationResult | undefined> {
  const operations = await client.list<JsonObject>(operationsPath);
  const mine = operations.filter((op) => typeof op.resourceLocation === "string" && op.resourceLocation.replace(/\/+$/, "").endsWith(`/dataConnectors/${connectorId}`));
  mine.sort((a, b) => Date.parse(String(b.createdDateTime ?? "")) - Date.parse(String(a.createdDateTime ?? "")));
  return mine.length > 0 ? toValidationResult(mine[0], connectorId) : undefined;
}

/** Every data connector of the tenant (id, name, kind, and an API connector's credential state). */
export async function listConnectors(client: GraphClient): Promise<JsonObject[]> {
  return client.list<JsonObject>(dataConnectorsPath);
}

async function getConnector(client: GraphClient, connectorId: string): Promise<JsonObject> {
  try {
    return await client.get<JsonObject>(dataConnectorPath(connectorId));
  } catch (error) {
    if (isNotFound(error)) throw new Error(`data connector ${connectorId} does not exist (404); \`industrydata health\` lists the connectors`);
    throw error;
  }
}

/** An operation from Graph's JSON. */
export function toValidationResult(op: JsonObject, connectorId: string): ValidationResult {
  const errors = issues(op.errors);
  const status = String(op.status ?? "unknownFutureValue");
  const result: ValidationResult = {
    operationId: String(op.id ?? ""),
    connectorId,
    status,
    errors,
    warnings: issues(op.warnings),
    validatedFiles: Array.isArray(op.validatedFiles) ? op.validatedFiles.map(String) : [],
    valid: status === "succeeded" && errors.length === 0,
  };
  if (typeof op.statusDetail === "string" && op.statusDetail !== "") result.statusDetail = op.statusDetail;
  return result;
}

function issues(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const e = (item ?? {}) as JsonObject;
    const issue: ValidationIssue = { code: String(e.code ?? ""), message: String(e.message ?? "") };
    if (typeof e.target === "string" && e.target !== "") issue.target = e.target;
    // A line is named in a detail's target (`roles.csv:3`) or in the message (`roles.csv line 3: …`).
    const details = Array.isArray(e.details) ? (e.details as JsonObject[]) : [];
    const detailTarget = details.map((d) => d?.target).find((t): t is string => typeof t === "string" && /\.csv[:#]\d+/.test(t));
    const where = locate(detailTarget ?? issue.target, issue.message);
    if (where.file !== undefined) issue.file = where.file;
    if (where.line !== undefined) issue.line = where.line;
    return issue;
  });
}

/**
 * The file and line an issue names. Graph's docs show `target: "orgs.csv"` for a missing file and say nothing of
 * lines: a target such as `roles.csv:12` or `roles.csv, line 12`, or "line 12" in the message, is read as the line.
 */
export function locate(target: string | undefined, message: string): { file?: string; line?: number } {
  const text = `${target ?? ""} ${message}`;
  const file = /([A-Za-z0-9_.-]+\.csv)\b/.exec(target ?? "")?.[1] ?? /([A-Za-z0-9_.-]+\.csv)\b/.exec(message)?.[1];
  const lineText = /\.csv[:#](\d+)\b/.exec(target ?? "")?.[1] ?? /\b(?:line|row)\s*:?\s*(\d+)\b/i.exec(text)?.[1];
  return { ...(file !== undefined ? { file } : {}), ...(lineText !== undefined ? { line: Number(lineText) } : {}) };
}

function odataName(entity: JsonObject): string {
  return String(entity["@odata.type"] ?? "connector").replace(/^#?microsoft\.graph\.industryData\./, "");
}
