import type * as http from "node:http";

/** What this client reads of an answer: a WHATWG `Response` has it all, and so does {@link BufferedResponse}. */
export interface GraphResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * An answer read whole by the transport. Not a WHATWG `Response`: the first one a process builds loads Node's
 * fetch implementation (undici: about 40 ms of CPU in every plugin process that sends a request), and each one
 * costs 0.1-0.2 ms more to build and to read back through a web stream. The client asks the Graph library for
 * the raw answer (`ResponseType.RAW`), so nothing but this client reads it. As a `Response`'s, a body is read
 * once.
 */
export class BufferedResponse implements GraphResponse {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  private bodyUsed = false;

  constructor(
    readonly status: number,
    readonly statusText: string,
    headers: http.IncomingHttpHeaders,
    /** null for an answer without a body (204, 205, 304), which, as a Response's, reads as "" any number of times. */
    private readonly body: Buffer | null,
  ) {
    this.ok = status >= 200 && status <= 299;
    // Node gives header names in lower case; repeated ones as a list, which Headers joins with ", ".
    this.headers = {
      get(name: string): string | null {
        const value = headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  async text(): Promise<string> {
    if (this.body === null) return "";
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    this.bodyUsed = true;
    return this.body.toString("utf8");
  }
}
