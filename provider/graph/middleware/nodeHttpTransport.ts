import * as http from "node:http";
import * as https from "node:https";
import type { Context } from "@microsoft/microsoft-graph-client";
import { TransportError } from "../transportError";
import { ChainedMiddleware } from "./chainedMiddleware";
import { BufferedResponse } from "./bufferedResponse";
import { isHeaders, requestUrl } from "./requestHeaders";

/** Transport settings. */
export interface NodeHttpTransportOptions {
  /** CA certificates (PEM) to trust for https; default: Node's bundled roots. */
  ca?: string[];
}

/** Codes meaning no connection was made, so the request never reached the server. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * The last middleware: sends the request with Node's http/https and reads the whole answer into a
 * {@link BufferedResponse} (the part of a WHATWG `Response` the client reads). We do not use the library's fetch-based HTTPMessageHandler
 * because global fetch cannot be given an extra CA (the emulator's generated one, a TLS-inspecting proxy's).
 * A broken connection, including one that breaks while the body is read, surfaces as a `TransportError`
 * that says whether the request could have reached the server. Redirects are not followed, so a token is
 * only ever sent to the URL the guard checked.
 */
export class NodeHttpTransport extends ChainedMiddleware {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(options: NodeHttpTransportOptions = {}) {
    super();
    // keepAlive with an idle timeout below the usual server keep-alive (5s in Node servers), so a pooled
    // connection is not reused just as the server closes it (which would look like a dropped write).
    const pool = { keepAlive: true, timeout: 4_000, scheduling: "lifo" as const };
    this.httpAgent = new http.Agent(pool);
    this.httpsAgent = new https.Agent({ ...pool, ...(options.ca !== undefined ? { ca: options.ca } : {}) });
  }

  async execute(context: Context): Promise<void> {
    // The library types the answer as a WHATWG Response; it hands it on untouched (ResponseType.RAW) to this
    // client, which reads it as a GraphResponse.
    context.response = (await this.send(requestUrl(context), context.options ?? {})) as unknown as Response;
  }

  /** Closes pooled connections (tests and short-lived tools call it through the client's `close`). */
  destroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private send(target: string, options: RequestInit): Promise<BufferedResponse> {
    const url = new URL(target);
    const secure = url.protocol === "https:";
    const body = typeof options.body === "string" ? Buffer.from(options.body) : undefined;
    if (options.body !== undefined && options.body !== null && body === undefined) {
      return Promise.reject(new Error("internal: only string request bodies are supported"));
    }
    const headers: Record<string, string> = { ...headersOf(options.headers) };
    if (body !== undefined) headers["Content-Length"] = String(body.length);
    const signal = options.signal ?? undefined;

    return new Promise<BufferedResponse>((resolve, reject) => {
      let connected = false;
      const fail = (error: unknown): void => reject(toTransportError(error, { connected, signal }));
      const request = (secure ? https : http).request(
        url,
        { method: options.method ?? "GET", headers, agent: secure ? this.httpsAgent : this.httpAgent, ...(signal ? { signal } : {}) },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("error", fail);
          answer.on("aborted", () => fail(Object.assign(new Error("connection closed while reading the answer"), { code: "ECONNRESET" })));
          answer.on("end", () => {
            if (!answer.complete) return fail(Object.assign(new Error("connection closed while reading the answer"), { code: "ECONNRESET" }));
            resolve(toResponse(answer, Buffer.concat(chunks)));
          });
        },
      );
      request.on("socket", (socket) => {
        // A reused pooled socket is connected already; a fresh one reports when it connects.
        if (!socket.connecting) connected = true;
        else socket.once(secure ? "secureConnect" : "connect", () => (connected = true));
      });
      request.on("error", fail);
      request.end(body);
    });
  }
}

function headersOf(headers: RequestInit["headers"]): Record<string, string> {
  if (headers === undefined) return {};
  if (isHeaders(headers)) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return { ...(headers as Record<string, string>) };
}

function toResponse(answer: http.IncomingMessage, body: Buffer): BufferedResponse {
  const status = answer.statusCode ?? 0;
  const noBody = status === 204 || status === 205 || status === 304;
  return new BufferedResponse(status, answer.statusMessage ?? "", answer.headers, noBody ? null : body);
}

function toTransportError(error: unknown, state: { connected: boolean; signal?: AbortSignal }): TransportError {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (state.signal?.aborted) {
    // The deadline's signal aborts with a TimeoutError; any other reason is the caller's cancellation.
    const timedOut = (state.signal.reason as { name?: unknown } | undefined)?.name === "TimeoutError";
    return timedOut
      ? new TransportError({ kind: "timeout", message: "no answer within the operation timeout", cause: error })
      : new TransportError({ kind: "cancelled", message: "cancelled", cause: error });
  }
  if (typeof code === "string" && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) {
    return new TransportError({
      kind: "tls",
      message: `TLS failure (${code}): ${message}; to trust a private CA (such as the emulator's), set industrydata:caCertificatePath`,
      code,
      cause: error,
    });
  }
  const refused = !state.connected && typeof code === "string" && NOT_CONNECTED.has(code);
  return new TransportError({
    kind: refused ? "refused" : "dropped",
    message: refused ? `could not connect: ${message}` : `connection dropped: ${message}`,
    ...(typeof code === "string" ? { code } : {}),
    cause: error,
  });
}
